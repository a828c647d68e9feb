import AxleApplication
import AxleDomain
import AxleStore
import Foundation

/// What a benchmark works on: every demo site with one of its bins, a sample of the parts
/// that can be received without a lot, and the operator as caller.
struct BenchFixture: Sendable {
    struct Shelf: Sendable {
        let site: Site
        let bin: Bin
    }

    let shelves: [Shelf]
    let parts: [Part]
    /// Every part in the catalogue, for the size of the full matrix.
    let catalogueSize: Int
    static let operatorCaller = Caller(principal: .system, requestID: "bench")

    /// Reads the demo sites and bins and takes `sampleSize` parts spread evenly over the catalogue.
    static func load(from services: AxleServices, sampleSize: Int) async throws -> BenchFixture {
        let caller = operatorCaller
        var shelves: [Shelf] = []
        for site in try await services.catalog.sites(PageRequest(after: nil, limit: 500), as: caller) {
            let bins = try await services.catalog.bins(at: site.id, PageRequest(after: nil, limit: 1), as: caller)
            if let bin = bins.first { shelves.append(Shelf(site: site, bin: bin)) }
        }
        var stockable: [Part] = []
        var catalogueSize = 0
        var after: PartSearchKey?
        let pageSize = PageRequest<PartSearchKey>.maximumLimit
        repeat {
            let page = try await services.catalog.parts(PartQuery(), PageRequest(after: after, limit: pageSize),
                                                        as: caller)
            catalogueSize += page.count
            stockable += page.map(\.part).filter { $0.lifecycle == .active && $0.tracking == .none }
            after = page.count == pageSize ? page.last?.key : nil
        } while after != nil
        guard !shelves.isEmpty, !stockable.isEmpty else {
            throw BenchError("the database holds no demo sites with bins and parts: run `axle demo` on it first")
        }
        let step = max(1, stockable.count / sampleSize)
        let sample = stride(from: 0, to: stockable.count, by: step).prefix(sampleSize).map { stockable[$0] }
        return BenchFixture(shelves: shelves, parts: sample, catalogueSize: catalogueSize)
    }

    /// The `index`th (part, shelf) pair, cycling through every pair so load spreads over them.
    func cell(_ index: Int) -> (part: Part, shelf: Shelf) {
        let cell = index % (parts.count * shelves.count)
        return (parts[cell / shelves.count], shelves[cell % shelves.count])
    }

    var cellCount: Int { parts.count * shelves.count }

    /// Receives `units` of every sampled part at every site, `concurrency` receipts at a time.
    func seed(units: Int64, through services: AxleServices, concurrency: Int) async throws {
        let cells = cellCount
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for index in stride(from: worker, to: cells, by: concurrency) {
                        _ = try await receive(Quantity(units: units), at: index, through: services, reference: "BENCH-SEED")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// One receipt, through the use case: one movement in one transaction.
    func receive(_ quantity: Quantity, at index: Int, through services: AxleServices, reference: String) async throws
        -> ReceiveStock.Receipt
    {
        let (part, shelf) = cell(index)
        return try await services.commands.run(ReceiveStock(.init(
            siteId: shelf.site.id, binId: shelf.bin.id, partId: part.id, quantity: quantity, reference: reference)),
            as: Self.operatorCaller)
    }
}

/// A benchmark that cannot run, in words.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

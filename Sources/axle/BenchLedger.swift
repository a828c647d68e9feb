import AxleApplication
import AxleDomain
import AxleStore
import AxleStoreSQL
import ArgumentParser
import Foundation
import Logging

/// `axle bench ledger`: the inventory ledger's throughput and latency on a demo database.
struct BenchLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Reservations/s over HTTP, movements/s, the full stock matrix and single stock lookups.",
        discussion: """
            Run it on a database filled by `axle demo`. It first receives stock for a sample of parts at \
            every demo site (receipts through the use case), so the database grows with each run.
            """)

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Concurrent HTTP clients making reservations.")
    var clients = 32

    @Option(help: "How long the reservation run lasts, in seconds.")
    var seconds = 10

    @Option(help: "At most this many reservation requests (the run stops at whichever bound comes first).")
    var requests = 1_000_000

    @Option(help: "Receipts posted one after another, one per transaction.")
    var movements = 2_000

    @Option(help: "Single stock lookups measured (after 200 unmeasured ones).")
    var lookups = 2_000

    @Option(help: "Parts sampled from the catalogue; each gets stock at every site.")
    var parts = 500

    @Option(help: "Append the figures as a row of a markdown table to this file.")
    var markdown: String?

    func validate() throws {
        guard (1...1_024).contains(clients) else { throw ValidationError("--clients must be from 1 to 1024") }
        guard (1...3_600).contains(seconds) else { throw ValidationError("--seconds must be from 1 to 3600") }
        guard requests >= 1, movements >= 1, lookups >= 1 else {
            throw ValidationError("--requests, --movements and --lookups must be at least 1")
        }
        guard (1...100_000).contains(parts) else { throw ValidationError("--parts must be from 1 to 100000") }
    }

    func run() async throws {
        var logger = options.logger("axle.bench")
        logger.logLevel = max(logger.logLevel, .warning)
        try await options.withServices { try await measure($0, logger: logger) }
    }

    private func measure(_ services: AxleServices, logger: Logger) async throws {
        let clock = ContinuousClock()
        let database = try options.url()
        print("database          \(database)")
        let loadAtStart = LoadAverage.oneMinute()
        let fixture = try await BenchFixture.load(from: services, sampleSize: parts)
        var started = clock.now
        try await fixture.seed(units: 1_000_000, through: services, concurrency: clients)
        print("seeded            \(Figure.count(fixture.cellCount)) cells (\(fixture.parts.count) parts × "
              + "\(fixture.shelves.count) sites) in \(Figure.decimal((clock.now - started).seconds, 1)) s")

        let server = try await BenchServer.start(services: services, connections: clients, logger: logger)
        let load: BenchLoad.Outcome
        let httpLookups: Latencies
        do {
            load = try await BenchLoad.reservations(server, fixture: fixture, clients: clients,
                                                    duration: .seconds(seconds), maximum: requests)
            httpLookups = try await BenchLoad.httpLookups(server, fixture: fixture, count: lookups, warmUp: 200)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        print("reservations/s    \(Figure.rate(load.perSecond)) over HTTP with \(clients) clients "
              + "(\(Figure.count(load.created)) created, \(load.refused) refused, \(load.failed) failed in "
              + "\(Figure.decimal(load.elapsed.seconds, 1)) s; latency p50 \(Figure.decimal(load.latencies.percentile(50))) ms, "
              + "p99 \(Figure.decimal(load.latencies.percentile(99))) ms)")
        print("cpu/reservation   \(Figure.rate(load.cpuPerRequest)) µs of process CPU per request "
              + "(load generator's event loop \(Figure.rate(load.clientCPUPerRequest)) µs, the rest "
              + "\(Figure.rate(load.cpuPerRequest - load.clientCPUPerRequest)) µs); "
              + "\(Figure.decimal(load.processCPU.seconds / load.elapsed.seconds)) cores busy")

        started = clock.now
        for index in 0..<movements {
            _ = try await fixture.receive(Quantity(units: 1), at: index, through: services, reference: "BENCH-MOVE")
        }
        let movementTime = clock.now - started
        let movementsPerSecond = Double(movements) / movementTime.seconds
        print("movements/s       \(Figure.rate(movementsPerSecond)) receipts through the use case, one per transaction, "
              + "one after another (\(Figure.count(movements)) in \(Figure.decimal(movementTime.seconds)) s)")

        started = clock.now
        let cells = try await readMatrix(services)
        let matrixTime = clock.now - started
        print("stock matrix      \(Figure.count(cells)) cells with stock read in \(Figure.decimal(matrixTime.seconds, 3)) s "
              + "(catalogue: \(Figure.count(fixture.catalogueSize)) parts × \(fixture.shelves.count) sites)")

        let useCaseLookups = try await BenchLoad.measure(count: lookups, warmUp: 200) { index in
            let (part, shelf) = fixture.cell(index * 7_919)
            _ = try await services.inventory.stock(part: part.id, site: shelf.site.id, as: BenchFixture.operatorCaller)
        }
        print("stock lookup      GET /api/v1/stock?part=&site= p50 \(Figure.decimal(httpLookups.percentile(50))) ms, "
              + "p99 \(Figure.decimal(httpLookups.percentile(99))) ms; use case alone p50 "
              + "\(Figure.decimal(useCaseLookups.percentile(50))) ms, p99 \(Figure.decimal(useCaseLookups.percentile(99))) ms "
              + "(\(Figure.count(lookups)) sequential each)")

        let loadAtEnd = LoadAverage.oneMinute()
        print("machine load      1-minute load average \(Figure.decimal(loadAtStart)) at the start, "
              + "\(Figure.decimal(loadAtEnd)) at the end (\(ProcessInfo.processInfo.activeProcessorCount) cores)")

        if let markdown {
            let row = "| \(Date().formatted(.iso8601.year().month().day())) | \(database.backendName) | "
                + "\(Figure.decimal(loadAtStart, 1))–\(Figure.decimal(loadAtEnd, 1)) | \(clients) | "
                + "\(Figure.rate(load.perSecond)) | \(Figure.rate(load.cpuPerRequest)) | "
                + "\(Figure.decimal(load.latencies.percentile(50), 1)) / "
                + "\(Figure.decimal(load.latencies.percentile(99), 1)) | \(Figure.rate(movementsPerSecond)) | "
                + "\(Figure.count(cells)) in \(Figure.decimal(matrixTime.seconds, 3)) s | "
                + "\(Figure.decimal(httpLookups.percentile(50))) / \(Figure.decimal(httpLookups.percentile(99))) | "
                + "\(Figure.decimal(useCaseLookups.percentile(50))) / \(Figure.decimal(useCaseLookups.percentile(99))) |"
            try Self.append(row, to: markdown)
        }
    }

    /// Reads every cell of the stock matrix, page by page; returns how many there are.
    private func readMatrix(_ services: AxleServices) async throws -> Int {
        var after: (part: Part.ID, site: Site.ID)?
        var cells = 0
        while true {
            let page = try await services.inventory.matrix(after: after, limit: InventoryQueries.maximumMatrixPage,
                                                           as: BenchFixture.operatorCaller)
            cells += page.count
            guard page.count == InventoryQueries.maximumMatrixPage, let last = page.last else { return cells }
            after = (last.partID, last.siteID)
        }
    }

    static let markdownHeader = """
        | date | backend | load avg | clients | reservations/s (HTTP) | CPU µs/reservation | \
        reservation p50 / p99 ms | movements/s (sequential) | stock matrix | lookup p50 / p99 ms (HTTP) | \
        lookup p50 / p99 ms (use case) |
        |---|---|---|---|---|---|---|---|---|---|---|

        """

    private static func append(_ row: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: Data(markdownHeader.utf8))
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data((row + "\n").utf8))
    }
}

extension DatabaseURL {
    var backendName: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

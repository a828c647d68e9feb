import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport

/// Transfer steps as the scenarios take them, through the real use cases.
extension Fixtures {
    func requestTransfer(_ quantity: Int64, of part: Part, from source: Site, to destination: Site,
                         as caller: Caller = Fixtures.system) async throws -> Transfer {
        try await services.commands.run(RequestTransfer(.init(
            partId: part.id, sourceSiteId: source.id, destinationSiteId: destination.id,
            quantity: Quantity(units: quantity))), as: caller)
    }

    @discardableResult
    func ship(_ transfer: Transfer, arriving: String? = nil, as caller: Caller = Fixtures.system) async throws
        -> TransferOutcome
    {
        try await services.commands.run(ShipTransfer(transferID: transfer.id, input: .init(
            expectedArrival: arriving.map { CalendarDate($0)! })), as: caller)
    }

    @discardableResult
    func receive(_ transfer: Transfer, good: Int64, damaged: Int64 = 0, into bin: Bin,
                 as caller: Caller = Fixtures.system) async throws -> TransferOutcome {
        try await services.commands.run(ReceiveTransfer(transferID: transfer.id, input: .init(
            binId: bin.id, received: Quantity(units: good), damaged: Quantity(units: damaged))), as: caller)
    }

    /// Everything the company holds of a part: on hand at every site plus in transit.
    func companyStock(_ part: Part) async throws -> Quantity {
        try await services.database.read { try await $0.stock.siteStock(part: part.id) }
            .reduce(Quantity.zero) { try $0 + $1.onHand + $1.inTransit }
    }
}

public import AxleDomain
import AxleStore

/// Ships an approved transfer: its reserved stock leaves the source's unrestricted bins and is
/// in transit to the destination, where it counts as inbound on its expected arrival day.
public struct ShipTransfer: Command {
    public struct Input: Sendable, Codable {
        /// When it should arrive; default the day after shipping.
        public var expectedArrival: CalendarDate?

        public init(expectedArrival: CalendarDate? = nil) {
            self.expectedArrival = expectedArrival
        }
    }

    public let transferID: Transfer.ID
    public let input: Input

    public init(transferID: Transfer.ID, input: Input = Input()) {
        self.transferID = transferID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.shipTransfers)
    }

    public func execute(in scope: WriteScope) async throws -> TransferOutcome {
        let stores = scope.stores
        let before = try await TransferLookup.locked(transferID, in: stores)
        try scope.caller.principal.authorize(.shipTransfers, at: before.sourceSiteID)
        // The arrival is a date at the destination, so "today" is the destination's.
        let destination = try await CatalogLookup.site(before.destinationSiteID, in: stores)
        let today = try BusinessDate.at(destination, on: scope.now)
        let arrival = input.expectedArrival ?? today.next
        guard arrival >= today else {
            throw ValidationError(field: "expectedArrival", reason: "must not be before today (\(today))")
        }
        var after = before
        // The state machine refuses an unapproved transfer before any stock moves.
        try after.ship(by: scope.caller.principal.id, at: scope.now, arriving: arrival)
        try await TransferLookup.lockTotals(of: before, in: stores)
        guard let reservation = try await stores.reservations.find(id: before.reservationID),
              reservation.status.isOpen, reservation.reserved == before.quantity else {
            throw TransferError.reservationNotHeld(before.reservationID)
        }
        // A transfer's reservation holds its whole quantity and never backorders: shipping consumes it.
        let issue = try reservation.consume(before.quantity, at: scope.now)
        // Commitment first: the schema never lets reserved exceed unrestricted stock.
        try await stores.stock.commit(part: before.partID, site: before.sourceSiteID,
                                      reserved: issue.reservedChange, backordered: issue.backorderedChange)
        let movements = try await shipment(of: after, in: scope)
        try await StockRules.post(movements, in: stores)
        try await stores.reservations.update(issue.reservation)
        try await scope.audit(.reservationConsume, entityID: reservation.id.description,
                              before: reservation, after: issue.reservation)
        try await stores.transfers.update(after)
        try await scope.audit(.transferShip, entityID: after.id.description,
                              before: before, after: after)
        return TransferOutcome(transfer: after, movements: movements, exceptions: [], allocations: [])
    }

    /// The shipment's movements, picked from the source's unrestricted bins.
    private func shipment(of transfer: Transfer, in scope: WriteScope) async throws -> [Movement] {
        let part = try await CatalogLookup.part(transfer.partID, in: scope.stores)
        let unitCost = try await StockRules.unitCost(of: part, in: scope.stores)
        let picks = try await BinPicking.unrestricted(transfer.quantity, of: part.id, at: transfer.sourceSiteID,
                                                      in: scope.stores)
        return try transfer.shipmentMovements(picks: picks.map { ($0.position, $0.quantity) }, unitCost: unitCost,
                                              newID: { scope.newID() })
    }
}

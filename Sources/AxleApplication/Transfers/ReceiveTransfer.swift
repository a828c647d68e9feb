public import AxleDomain
import AxleStore

/// Receives a shipped transfer into a bin at the destination: good units into unrestricted
/// stock, damaged units into damaged stock. What never arrived leaves the books (short), what
/// arrived beyond the shipment enters them (over), and each difference opens an exception item.
/// Good stock goes to the destination's backorders first.
public struct ReceiveTransfer: Command {
    public struct Input: Sendable, Codable {
        public var binId: Bin.ID
        /// Good units received; zero when nothing usable arrived.
        public var received: Quantity
        /// Units that arrived damaged; default zero.
        public var damaged: Quantity?

        public init(binId: Bin.ID, received: Quantity, damaged: Quantity? = nil) {
            self.binId = binId
            self.received = received
            self.damaged = damaged
        }
    }

    public let transferID: Transfer.ID
    public let input: Input

    public init(transferID: Transfer.ID, input: Input) {
        self.transferID = transferID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.receiveTransfers)
    }

    public func execute(in scope: WriteScope) async throws -> TransferOutcome {
        let stores = scope.stores
        let before = try await TransferLookup.locked(transferID, in: stores)
        try scope.caller.principal.authorize(.receiveTransfers, at: before.destinationSiteID)
        let damaged = input.damaged ?? .zero
        for (field, quantity) in [("received", input.received), ("damaged", damaged)] where quantity < .zero {
            throw ValidationError(field: field, reason: "must not be negative")
        }
        let destination = try await CatalogLookup.site(before.destinationSiteID, in: stores)
        let bin = try await StockRules.bin(input.binId, at: destination, in: stores)
        var after = before
        let receipt = try after.receive(good: input.received, damaged: damaged, by: scope.caller.principal.id,
                                        at: scope.now)
        _ = try await stores.stock.siteStock(part: before.partID, site: destination.id, forUpdate: true)
        let part = try await CatalogLookup.part(before.partID, in: stores)
        let movements = try await postings(of: after, of: part, into: bin, in: scope)
        try await StockRules.post(movements, in: stores)
        try await revalue(part, after: movements, in: stores)
        let exceptions = receipt.discrepancies.map { discrepancy in
            TransferException(id: scope.newID(), kind: discrepancy.kind, transferID: after.id, partID: part.id,
                              siteID: destination.id, quantity: discrepancy.quantity, createdAt: scope.now)
        }
        try await stores.exceptions.insert(exceptions)
        for exception in exceptions {
            try await scope.audit(.exceptionOpen, entityID: exception.id.description,
                                  before: TransferException?.none, after: exception)
        }
        try await stores.transfers.update(after)
        try await scope.audit(.transferReceive, entityID: after.id.description,
                              before: before, after: after)
        let allocations = try await BackorderAllocation.run(part: part.id, site: destination.id, in: scope)
        return TransferOutcome(transfer: after, movements: movements, exceptions: exceptions, allocations: allocations)
    }

    /// The receipt's movements, drawing on what the shipment put in transit. A shipped transfer
    /// always has its whole shipment in the ledger; anything less is a broken ledger.
    private func postings(of transfer: Transfer, of part: Part, into bin: Bin, in scope: WriteScope) async throws
        -> [Movement]
    {
        let transit = try await scope.stores.transfers.shipment(of: transfer.id)
        guard try transit.reduce(Quantity.zero, { try $0 + $1.quantity }) >= transfer.quantity else {
            throw StoreError.rowNotFound(entity: "in-transit stock of transfer", id: transfer.id.description)
        }
        let unitCost = try await StockRules.unitCost(of: part, in: scope.stores)
        return try transfer.receiptMovements(into: bin.id, transit: transit.map { ($0.position, $0.quantity) },
                                             unitCost: unitCost, newID: { scope.newID() })
    }

    /// Own stock that was lost (short) or found (over) changes the quantity the average cost stands for.
    private func revalue(_ part: Part, after movements: [Movement], in stores: any StoreTransaction) async throws {
        let delta = try movements.reduce(Quantity.zero) { total, movement in
            if movement.from == nil, movement.to?.ownership == .own { return try total + movement.quantity }
            if movement.to == nil, movement.from?.ownership == .own { return try total - movement.quantity }
            return total
        }
        guard delta != .zero, let average = try await stores.stock.averageCost(part: part.id) else { return }
        try await stores.stock.save(try average.adjusting(by: delta), part: part.id)
    }
}

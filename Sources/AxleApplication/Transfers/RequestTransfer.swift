public import AxleDomain
import AxleStore

/// Asks for a part's stock to move from one site to another. The quantity is reserved at the
/// source at once, all or nothing; a transfer worth more than the source site's threshold then
/// waits for approval, any other is approved at once.
public struct RequestTransfer: Command {
    public struct Input: Sendable, Codable {
        public var partId: Part.ID
        public var sourceSiteId: Site.ID
        public var destinationSiteId: Site.ID
        public var quantity: Quantity
        /// The reservation's priority at the source; default `stockReplenishment`.
        public var priority: PriorityClass?
        /// When the destination needs the stock; default the day of the request.
        public var needBy: CalendarDate?

        public init(partId: Part.ID, sourceSiteId: Site.ID, destinationSiteId: Site.ID, quantity: Quantity,
                    priority: PriorityClass? = nil, needBy: CalendarDate? = nil) {
            self.partId = partId
            self.sourceSiteId = sourceSiteId
            self.destinationSiteId = destinationSiteId
            self.quantity = quantity
            self.priority = priority
            self.needBy = needBy
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    /// Either end may ask: a branch pulls stock from a warehouse, a warehouse pushes stock to a branch.
    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.requestTransfers, atEitherOf: [input.sourceSiteId, input.destinationSiteId])
    }

    public func execute(in scope: WriteScope) async throws -> Transfer {
        let stores = scope.stores
        let quantity = try StockRules.positive(input.quantity)
        guard input.sourceSiteId != input.destinationSiteId else { throw TransferError.sameSite }
        let source = try await CatalogLookup.site(input.sourceSiteId, in: stores)
        let destination = try await CatalogLookup.site(input.destinationSiteId, in: stores)
        let part = try await CatalogLookup.part(input.partId, in: stores, field: "partId")
        let id: Transfer.ID = scope.newID()
        let needBy = try input.needBy ?? BusinessDate.at(destination, on: scope.now)
        // A transfer moves the number it names: no supersession applies at the source.
        let commitment = try await Reserve.commit(
            quantity, from: [part], at: source, to: Demand(kind: .transfer, reference: id.description),
            priority: input.priority ?? .stockReplenishment, needBy: needBy, allowPartial: false, backorder: false,
            in: scope)
        guard let reservation = commitment.shares.first?.reservation else {
            throw TransferError.insufficientAtSource(available: commitment.available, requested: quantity)
        }
        let value = try await StockRules.unitCost(of: part, in: stores).times(quantity)
        let policy = try await stores.stock.policy(site: source.id)
        let transfer = try Transfer.request(
            id: id, partID: part.id, quantity: quantity, from: source.id, to: destination.id, value: value,
            approvalThreshold: policy.transferApprovalThreshold, reservationID: reservation.id,
            by: scope.caller.principal.id, at: scope.now)
        try await stores.transfers.insert(transfer)
        try await scope.audit(.transferRequest, entityID: id.description,
                              before: Transfer?.none, after: transfer)
        return transfer
    }
}

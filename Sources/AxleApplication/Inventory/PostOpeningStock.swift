public import AxleDomain
import AxleStore

/// Loads the stock one position held before the site started with Axle: a ledger movement of
/// reason `opening` into the position, valued at the unit cost given (else the part's catalogue
/// cost), which enters the moving average like a receipt. Opening stock is loaded once: a
/// position already holding the same quantity is left alone, one holding another is refused
/// (an adjustment corrects stock from then on).
public struct PostOpeningStock: Command {
    public struct Input: Sendable {
        public var siteID: Site.ID
        public var binID: Bin.ID
        public var partID: Part.ID
        public var status: StockStatus
        public var quantity: Quantity
        public var unitCost: String?
        public var lot: String?

        public init(siteID: Site.ID, binID: Bin.ID, partID: Part.ID, status: StockStatus, quantity: Quantity,
                    unitCost: String? = nil, lot: String? = nil) {
            self.siteID = siteID
            self.binID = binID
            self.partID = partID
            self.status = status
            self.quantity = quantity
            self.unitCost = unitCost
            self.lot = lot
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.importOpeningStock, at: input.siteID)
    }

    /// The movement posted, or nil when the position already held the quantity.
    public func execute(in scope: WriteScope) async throws -> Movement? {
        let stores = scope.stores
        let quantity = try StockRules.positive(input.quantity)
        guard input.status != .inTransit else { throw InventoryError.statusNotAllowed(input.status, operation: "opening stock") }
        let site = try await CatalogLookup.site(input.siteID, in: stores)
        let bin = try await StockRules.bin(input.binID, at: site, in: stores, field: "bin")
        let part = try await CatalogLookup.part(input.partID, in: stores, field: "part")
        guard part.lifecycle != .obsolete else { throw InventoryError.partNotStockable(part.number, lifecycle: part.lifecycle) }
        let currency = try await stores.company.get().currency
        let unitCost = try input.unitCost.map { try Validate.money($0, field: "unitCost", currency: currency) } ?? part.cost
        let position = StockPosition(siteID: site.id, binID: bin.id, status: input.status,
                                     lot: try StockRules.lot(input.lot, for: part))
        let held = try await stores.stock.balances(part: part.id, site: site.id).first { $0.position == position }?.quantity
        if let held, held == quantity { return nil }
        if let held, held != .zero {
            throw ValidationError(field: "quantity", reason: "the position already holds \(held); opening stock is loaded once, an adjustment corrects it")
        }
        let documentID: Identifier<Movement> = scope.newID()
        let movement = try Movement(
            id: scope.newID(), partID: part.id, quantity: quantity, from: nil, to: position, reason: .opening,
            document: DocumentReference(type: .openingStock, id: documentID.description),
            actorID: scope.caller.principal.id, at: scope.now, unitCost: unitCost)
        try await StockRules.post([movement], in: stores)
        let average = try await stores.stock.averageCost(part: part.id) ?? AverageCost(unitCost: unitCost, quantity: .zero)
        try await stores.stock.save(try average.receiving(quantity, at: unitCost), part: part.id)
        try await scope.audit(.openingStockPost, entityID: documentID.description, before: Movement?.none,
                              after: movement)
        return movement
    }
}

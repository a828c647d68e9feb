public import AxleDomain
public import AxleStore

/// Receives stock at a site into a bin, unrestricted or on quality hold, from a supplier or ad hoc.
/// Unrestricted stock goes to waiting backorders first.
public struct ReceiveStock: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var binId: Bin.ID
        public var partId: Part.ID
        public var quantity: Quantity
        /// `unrestricted` (default) or `qualityHold`.
        public var status: StockStatus?
        /// Cost of one unit; defaults to the part's catalogue cost.
        public var unitCost: String?
        public var supplierId: Supplier.ID?
        /// Stock stays the supplier's until consumed (needs `supplierId`).
        public var consigned: Bool?
        public var lot: String?
        /// The delivery note, ASN or purchase order number.
        public var reference: String?

        public init(siteId: Site.ID, binId: Bin.ID, partId: Part.ID, quantity: Quantity, status: StockStatus? = nil,
                    unitCost: String? = nil, supplierId: Supplier.ID? = nil, consigned: Bool? = nil,
                    lot: String? = nil, reference: String? = nil) {
            self.siteId = siteId
            self.binId = binId
            self.partId = partId
            self.quantity = quantity
            self.status = status
            self.unitCost = unitCost
            self.supplierId = supplierId
            self.consigned = consigned
            self.lot = lot
            self.reference = reference
        }
    }

    /// The posted receipt: its movement, the site's totals after it, and what went to backorders.
    public struct Receipt: Sendable, Encodable {
        public let id: String
        public let movement: Movement
        public let stock: SiteStock
        public let allocations: [BackorderAllocation]
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.receiveStock, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Receipt {
        let stores = scope.stores
        let quantity = try StockRules.positive(input.quantity)
        let status = input.status ?? .unrestricted
        guard status == .unrestricted || status == .qualityHold else {
            throw InventoryError.statusNotAllowed(status, operation: "receiving")
        }
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let bin = try await StockRules.bin(input.binId, at: site, in: stores)
        let part = try await CatalogLookup.part(input.partId, in: stores, field: "partId")
        guard part.lifecycle != .obsolete else { throw InventoryError.partNotStockable(part.number, lifecycle: part.lifecycle) }
        if let supplier = input.supplierId, try await stores.suppliers.find(id: supplier) == nil {
            throw ValidationError(field: "supplierId", reason: "no supplier \(supplier)")
        }
        if input.consigned == true, input.supplierId == nil {
            throw ValidationError(field: "supplierId", reason: "consigned stock needs its supplier")
        }
        let currency = try await stores.company.get().currency
        let unitCost = try input.unitCost.map { try Validate.money($0, field: "unitCost", currency: currency) } ?? part.cost
        let position = StockPosition(siteID: site.id, binID: bin.id, status: status, lot: try StockRules.lot(input.lot, for: part),
                                     consignor: input.consigned == true ? input.supplierId : nil)
        let receiptID: Identifier<Receipt> = scope.newID()
        let posted = try await StockReceipt.post(
            quantity, of: part, into: position, unitCost: unitCost,
            document: DocumentReference(type: .receipt, id: receiptID.description), in: scope)
        try await scope.audit(.receiptPost, entityID: receiptID.description,
                              before: Movement?.none, after: posted.movement,
                              reason: try Validate.optionalText(input.reference, field: "reference", maximumLength: 80))
        let (allocations, stock) = try await StockReceipt.serveBackorders(after: posted, status: status, in: scope)
        return Receipt(id: receiptID.description, movement: posted.movement, stock: stock, allocations: allocations)
    }
}

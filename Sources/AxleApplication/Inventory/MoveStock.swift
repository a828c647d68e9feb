public import AxleDomain
public import AxleStore

/// Changes the status or bin of stock at one site: release or reject held stock, block and
/// unblock, mark damaged, or put away into another bin.
public struct MoveStock: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var partId: Part.ID
        public var quantity: Quantity
        public var kind: StockMoveKind
        public var fromBinId: Bin.ID
        /// Defaults to the same bin (a status change in place).
        public var toBinId: Bin.ID?
        public var lot: String?
        /// For a bin move: the status of the stock moved (default unrestricted).
        public var status: StockStatus?

        public init(siteId: Site.ID, partId: Part.ID, quantity: Quantity, kind: StockMoveKind, fromBinId: Bin.ID,
                    toBinId: Bin.ID? = nil, lot: String? = nil, status: StockStatus? = nil) {
            self.siteId = siteId
            self.partId = partId
            self.quantity = quantity
            self.kind = kind
            self.fromBinId = fromBinId
            self.toBinId = toBinId
            self.lot = lot
            self.status = status
        }
    }

    public struct Result: Sendable, Encodable {
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
        try principal.authorize(.moveStock, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Result {
        let stores = scope.stores
        let quantity = try StockRules.positive(input.quantity)
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let part = try await CatalogLookup.part(input.partId, in: stores, field: "partId")
        let fromBin = try await StockRules.bin(input.fromBinId, at: site, in: stores, field: "fromBinId")
        var toBin = fromBin
        if let toBinID = input.toBinId { toBin = try await StockRules.bin(toBinID, at: site, in: stores, field: "toBinId") }
        let statuses: (from: StockStatus, to: StockStatus)
        if input.kind == .binMove {
            let status = input.status ?? .unrestricted
            guard status != .inTransit else { throw InventoryError.statusNotAllowed(status, operation: "a bin move") }
            guard toBin.id != fromBin.id else { throw ValidationError(field: "toBinId", reason: "must differ from fromBinId") }
            statuses = (status, status)
        } else {
            statuses = StockStatus.moves[input.kind]!
        }
        let lot = part.tracking == .none ? nil : try StockRules.lot(input.lot, for: part)
        let from = StockPosition(siteID: site.id, binID: fromBin.id, status: statuses.from, lot: lot)
        let to = from.with(status: statuses.to, binID: toBin.id)
        try await StockRules.checkRemovable(quantity, of: part, from: from, in: stores)
        let moveID: Identifier<Result> = scope.newID()
        let movement = try Movement(
            id: scope.newID(), partID: part.id, quantity: quantity, from: from, to: to,
            reason: MovementReason(rawValue: input.kind.rawValue)!,
            document: DocumentReference(type: .stockMove, id: moveID.description), actorID: scope.caller.principal.id,
            at: scope.now, unitCost: try await StockRules.unitCost(of: part, in: stores))
        try await StockRules.post([movement], in: stores)
        try await scope.audit(.stockMove(input.kind), entityID: moveID.description,
                              before: Movement?.none, after: movement)
        let allocations = statuses.to == .unrestricted && statuses.from != .unrestricted
            ? try await BackorderAllocation.run(part: part.id, site: site.id, in: scope) : []
        let stock = try await stores.stock.siteStock(part: part.id, site: site.id, forUpdate: false)
        return Result(id: moveID.description, movement: movement, stock: stock, allocations: allocations)
    }
}

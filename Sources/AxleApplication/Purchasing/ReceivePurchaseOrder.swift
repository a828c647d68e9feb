public import AxleDomain
import AxleStore

/// Receives a delivery against a purchase order into a bin at its ship-to site: for each line,
/// what arrived, unrestricted or on quality hold, valued at the line's price. The order records
/// what each line received (never more than is open: an excess is a discrepancy, not stock on
/// this order) and becomes partially received or received; unrestricted stock serves waiting
/// backorders first.
public struct ReceivePurchaseOrder: Command {
    public struct Line: Sendable, Codable {
        public var lineNumber: Int
        public var quantity: Quantity
        /// `unrestricted` (default) or `qualityHold`.
        public var status: StockStatus?
        public var lot: String?

        public init(lineNumber: Int, quantity: Quantity, status: StockStatus? = nil, lot: String? = nil) {
            self.lineNumber = lineNumber
            self.quantity = quantity
            self.status = status
            self.lot = lot
        }
    }

    public struct Input: Sendable, Codable {
        public var binId: Bin.ID
        public var lines: [Line]
        /// The supplier's delivery note.
        public var reference: String?

        public init(binId: Bin.ID, lines: [Line], reference: String? = nil) {
            self.binId = binId
            self.lines = lines
            self.reference = reference
        }
    }

    /// What the delivery did: the order as it is now, each line's movement and what went to backorders.
    public struct Receipt: Sendable, Encodable {
        public let order: PurchaseOrder
        public let movements: [Movement]
        public let allocations: [BackorderAllocation]
    }

    public let orderID: PurchaseOrder.ID
    public let input: Input

    public init(orderID: PurchaseOrder.ID, input: Input) {
        self.orderID = orderID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.receiveStock)
    }

    public func execute(in scope: WriteScope) async throws -> Receipt {
        let stores = scope.stores
        guard !input.lines.isEmpty else { throw ValidationError(field: "lines", reason: "must name at least one line") }
        guard input.lines.count <= CreatePurchaseOrder.maximumLines else {
            throw LimitError(field: "lines", limit: "\(CreatePurchaseOrder.maximumLines) lines")
        }
        let before = try await PurchasingLookup.locked(orderID, in: stores)
        try scope.caller.principal.authorize(.receiveStock, at: before.shipToSiteID)
        let site = try await CatalogLookup.site(before.shipToSiteID, in: stores)
        let bin = try await StockRules.bin(input.binId, at: site, in: stores)
        let reference = try Validate.optionalText(input.reference, field: "reference", maximumLength: 80)
        let today = try BusinessDate.at(site, on: scope.now)
        var after = before
        var posted: [(receipt: StockReceipt.Posted, status: StockStatus, demand: Demand?)] = []
        var receipts: [PurchaseOrderReceipt] = []
        for (index, entry) in input.lines.enumerated() {
            let field = "lines[\(index)]"
            let quantity = try StockRules.positive(entry.quantity, field: "\(field).quantity")
            let status = entry.status ?? .unrestricted
            guard status == .unrestricted || status == .qualityHold else {
                throw InventoryError.statusNotAllowed(status, operation: "receiving")
            }
            // Overs are refused, not tolerated, until suppliers' receiving tolerances are kept.
            try after.receive(quantity, onLine: entry.lineNumber, tolerance: .zero)
            guard let line = after.lines.first(where: { $0.number == entry.lineNumber }) else {
                throw PurchasingError.lineNotFound(entry.lineNumber)
            }
            let part = try await CatalogLookup.part(line.partID, in: stores)
            let position = StockPosition(siteID: site.id, binID: bin.id, status: status,
                                         lot: try StockRules.lot(entry.lot, for: part))
            receipts.append(PurchaseOrderReceipt(id: scope.newID(), orderID: before.id, lineNumber: line.number,
                                                 quantity: quantity, status: status, receivedOn: today,
                                                 received: PurchasingLookup.step(scope)))
            posted.append((try await StockReceipt.post(
                quantity, of: part, into: position, unitCost: line.unitPrice,
                document: DocumentReference(type: .purchaseOrder, id: before.id.description), in: scope), status,
                line.demand))
        }
        try await stores.purchasing.update(after)
        try await stores.purchasing.insert(receipts)
        try await scope.audit(.purchaseOrderReceive, entityID: after.id.description, before: before, after: after,
                              reason: reference)
        // Each part's backorders are served once, from its totals after every line of the delivery;
        // what a special-order line brought goes to the demand it was bought for first.
        var earmarked: [Part.ID: [Demand: Quantity]] = [:]
        for (receipt, status, demand) in posted where status == .unrestricted {
            guard let demand else { continue }
            earmarked[receipt.movement.partID, default: [:]][demand, default: .zero] =
                try earmarked[receipt.movement.partID, default: [:]][demand, default: .zero] + receipt.movement.quantity
        }
        var allocations: [BackorderAllocation] = []
        var served: Set<Part.ID> = []
        for (receipt, status, _) in posted where status == .unrestricted && served.insert(receipt.movement.partID).inserted {
            let part = receipt.movement.partID
            let totals = try await stores.stock.siteStock(part: part, site: site.id, forUpdate: true)
            allocations += try await BackorderAllocation.run(after: totals, earmarked: earmarked[part] ?? [:], in: scope)
        }
        return Receipt(order: after, movements: posted.map(\.receipt.movement), allocations: allocations)
    }
}

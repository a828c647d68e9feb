public import AxleDomain
import AxleStore

/// Drafts a purchase order to a supplier for delivery to a site. A superseded part is ordered
/// as the part that replaces it today; a line without a price takes the supplier's price for its
/// quantity (else the part's cost), and one without a promised date the supplier's quoted lead
/// time from the site's today.
public struct CreatePurchaseOrder: Command {
    public struct Line: Sendable, Codable {
        public var partId: Part.ID
        public var quantity: Quantity
        public var unitPrice: String?
        public var promisedOn: CalendarDate?
        /// The repair-order line or customer order a special-order line is for.
        public var demand: Demand?

        public init(partId: Part.ID, quantity: Quantity, unitPrice: String? = nil, promisedOn: CalendarDate? = nil,
                    demand: Demand? = nil) {
            self.partId = partId
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.promisedOn = promisedOn
            self.demand = demand
        }
    }

    public struct Input: Sendable, Codable {
        public var supplierId: Supplier.ID
        public var shipToSiteId: Site.ID
        /// Default `stock`.
        public var kind: PurchaseOrderKind?
        /// Required for an emergency order.
        public var reason: String?
        public var lines: [Line]

        public init(supplierId: Supplier.ID, shipToSiteId: Site.ID, kind: PurchaseOrderKind? = nil,
                    reason: String? = nil, lines: [Line]) {
            self.supplierId = supplierId
            self.shipToSiteId = shipToSiteId
            self.kind = kind
            self.reason = reason
            self.lines = lines
        }
    }

    /// Lines on one order: a large replenishment run, with room to spare.
    public static let maximumLines = 1_000

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.purchaseParts, at: input.shipToSiteId)
    }

    public func execute(in scope: WriteScope) async throws -> PurchaseOrder {
        let stores = scope.stores
        guard input.lines.count <= Self.maximumLines else {
            throw LimitError(field: "lines", limit: "\(Self.maximumLines) lines")
        }
        let supplier = try await PurchasingLookup.supplier(input.supplierId, in: stores)
        let site = try await CatalogLookup.site(input.shipToSiteId, in: stores)
        let today = try BusinessDate.at(site, on: scope.now)
        let currency = try await stores.company.get().currency
        var lines: [PurchaseOrderLine] = []
        for (index, line) in input.lines.enumerated() {
            let field = "lines[\(index)]"
            let quantity = try StockRules.positive(line.quantity, field: "\(field).quantity")
            let requested = try await CatalogLookup.part(line.partId, in: stores, field: "\(field).partId")
            let graph = SupersessionGraph(try await stores.supersessions.family(of: [requested.id]))
            let part = try await CatalogLookup.part(graph.current(for: requested.id, asOf: today), in: stores)
            guard part.lifecycle != .obsolete else {
                throw InventoryError.partNotStockable(part.number, lifecycle: part.lifecycle)
            }
            let offer = try await stores.purchasing.supplierPart(supplier: supplier.id, part: part.id)
            let unitPrice = try line.unitPrice.map { try Validate.money($0, field: "\(field).unitPrice", currency: currency) }
                ?? offer?.unitPrice(for: quantity) ?? part.cost
            let promisedOn = line.promisedOn ?? today.adding(days: offer?.quotedLeadTimeDays ?? supplier.leadTimeDays)
            guard promisedOn >= today else {
                throw ValidationError(field: "\(field).promisedOn", reason: "must not be before the site's today, \(today)")
            }
            let demand = try line.demand.map {
                Demand(kind: $0.kind,
                       reference: try Validate.text($0.reference, field: "\(field).demand.reference", maximumLength: 80))
            }
            let entry = PurchaseOrderLine(number: index + 1, partID: part.id, ordered: quantity, unitPrice: unitPrice,
                                          promisedOn: promisedOn, demand: demand)
            do { _ = try entry.value() } catch { throw LimitError(field: "\(field).quantity", limit: Money.maximum(currency).amountText) }
            lines.append(entry)
        }
        let order = try PurchaseOrder.draft(
            id: scope.newID(), supplierID: supplier.id, shipToSiteID: site.id, kind: input.kind ?? .stock,
            reason: try Validate.optionalText(input.reason, field: "reason", maximumLength: 200), lines: lines,
            requested: PurchasingLookup.step(scope))
        do { _ = try order.value() } catch { throw LimitError(field: "lines", limit: Money.maximum(currency).amountText) }
        try await stores.purchasing.insert(order)
        try await scope.audit(.purchaseOrderCreate, entityID: order.id.description,
                              before: PurchaseOrder?.none, after: order)
        return order
    }
}

public import AxleDomain

/// What suppliers offer, and what is ordered from them. Stock received against an order moves
/// only through the ledger; this store keeps the documents.
public protocol PurchasingStore: Sendable {
    /// Adds or replaces a supplier's offer of a part, its price breaks with it.
    func save(_ offer: SupplierPart) async throws
    func supplierPart(supplier: Supplier.ID, part: Part.ID) async throws -> SupplierPart?
    /// Every supplier's offer of a part, by supplier.
    func supplierParts(part: Part.ID) async throws -> [SupplierPart]

    /// The site's policy; nil when it has set none (the standard policy applies).
    func policy(site: Site.ID) async throws -> PurchasingPolicy?
    func save(_ policy: PurchasingPolicy, site: Site.ID) async throws

    func insert(_ order: PurchaseOrder) async throws
    /// Writes the order's status, steps and line quantities.
    func update(_ order: PurchaseOrder) async throws
    /// With `forUpdate`, another transaction changing the same order waits until this one ends,
    /// so two requests cannot both take the same step or receive the same open quantity.
    func find(id: PurchaseOrder.ID, forUpdate: Bool) async throws -> PurchaseOrder?
    /// Records what deliveries brought, line by line.
    func insert(_ receipts: [PurchaseOrderReceipt]) async throws
    /// The lines of a supplier's sent orders promised from `from` through `through`, with their
    /// receipts: what supplier performance measures. Lines cancelled before anything arrived
    /// are left out.
    func dueLines(supplier: Supplier.ID, from: CalendarDate, through: CalendarDate) async throws -> [DueLineRecord]
    /// Newest first.
    func list(site: Site.ID?, supplier: Supplier.ID?, status: PurchaseOrderStatus?, _ page: PageRequest<String>)
        async throws -> [PurchaseOrder]
}

/// A line due from a supplier, with when its order was sent (an instant: the ship-to site's
/// calendar turns it into a date) and what arrived on it.
public struct DueLineRecord: Hashable, Sendable {
    public let shipToSiteID: Site.ID
    public let sentAt: Instant
    public let ordered: Quantity
    public let promisedOn: CalendarDate
    public let receipts: [SupplierPerformance.Receipt]

    public init(shipToSiteID: Site.ID, sentAt: Instant, ordered: Quantity, promisedOn: CalendarDate,
                receipts: [SupplierPerformance.Receipt]) {
        self.shipToSiteID = shipToSiteID
        self.sentAt = sentAt
        self.ordered = ordered
        self.promisedOn = promisedOn
        self.receipts = receipts
    }
}

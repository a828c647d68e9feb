import AxleDomain
import AxleStore

/// Stock arriving at a site, whatever document brings it (an ad-hoc receipt, a purchase order):
/// the movement into its position, the part's moving-average cost, and then waiting backorders,
/// which unrestricted stock serves first.
enum StockReceipt {
    struct Posted {
        let movement: Movement
        /// The part's totals at the site after the receipt (before any backorder took its share).
        let totals: SiteStock
    }

    /// Posts `quantity` of `part` into `position` at `unitCost`, as part of `document`, and
    /// updates the part's average cost when the stock is the company's own.
    static func post(_ quantity: Quantity, of part: Part, into position: StockPosition, unitCost: Money,
                     document: DocumentReference, in scope: WriteScope) async throws -> Posted {
        let stores = scope.stores
        let movement = try Movement(
            id: scope.newID(), partID: part.id, quantity: quantity, from: nil, to: position, reason: .receipt,
            document: document, actorID: scope.caller.principal.id, at: scope.now, unitCost: unitCost)
        let posted = try await StockRules.post([movement], in: stores)
        guard let totals = posted.first(where: { $0.siteID == position.siteID }) else {
            throw StoreError.rowNotFound(entity: "site_stock", id: "\(part.id) at \(position.siteID)")
        }
        if position.ownership == .own {
            let average = try await stores.stock.averageCost(part: part.id) ?? AverageCost(unitCost: unitCost, quantity: .zero)
            try await stores.stock.save(try average.receiving(quantity, at: unitCost), part: part.id)
        }
        return Posted(movement: movement, totals: totals)
    }

    /// Serves waiting backorders from what arrived, when it arrived unrestricted; returns the
    /// allocations and the site's totals after them.
    static func serveBackorders(after posted: Posted, status: StockStatus, in scope: WriteScope) async throws
        -> (allocations: [BackorderAllocation], stock: SiteStock)
    {
        let allocations = status == .unrestricted ? try await BackorderAllocation.run(after: posted.totals, in: scope) : []
        let stock = allocations.isEmpty
            ? posted.totals
            : try await scope.stores.stock.siteStock(part: posted.totals.partID, site: posted.totals.siteID, forUpdate: false)
        return (allocations, stock)
    }
}

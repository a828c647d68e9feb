public import AxleDomain
import AxleStore

/// Gives stock that just became available at a site to the part's backorders there, by the
/// allocation policy, before it becomes freely available.
public struct BackorderAllocation: Sendable, Encodable {
    public let reservationID: Reservation.ID
    public let allocated: Quantity

    static func run(part: Part.ID, site: Site.ID, in scope: WriteScope) async throws -> [BackorderAllocation] {
        try await run(after: try await scope.stores.stock.siteStock(part: part, site: site, forUpdate: true), in: scope)
    }

    /// The same, from totals that this transaction has locked (read for update, or just changed).
    static func run(after totals: SiteStock, in scope: WriteScope) async throws -> [BackorderAllocation] {
        let stores = scope.stores
        let part = totals.partID, site = totals.siteID
        guard try totals.available.isPositive, totals.backordered.isPositive else { return [] }
        let backorders = try await stores.reservations.backorders(part: part, site: site)
        let byID = Dictionary(uniqueKeysWithValues: backorders.map { ($0.id, $0) })
        var allocations: [BackorderAllocation] = []
        var total = Quantity.zero
        for (id, grant) in try AllocationPolicy.allocate(totals.available, to: backorders) {
            guard let before = byID[id] else { continue }
            let allocation = try before.allocate(grant, at: scope.now)
            try await stores.reservations.update(allocation.reservation)
            try await scope.audit(.reservationAllocate, entityID: id.description,
                                  before: before, after: allocation.reservation)
            allocations.append(BackorderAllocation(reservationID: id, allocated: grant))
            total = try total + grant
        }
        if total.isPositive {
            try await stores.stock.commit(part: part, site: site, reserved: total, backordered: Quantity.zero - total)
        }
        return allocations
    }
}

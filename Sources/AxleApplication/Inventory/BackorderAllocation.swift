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
    /// Stock bought for a demand (`earmarked`: a special order's quantity by the demand it
    /// serves) goes to that demand's backorder first, whatever its priority; the rest by the policy.
    static func run(after totals: SiteStock, earmarked: [Demand: Quantity] = [:], in scope: WriteScope) async throws
        -> [BackorderAllocation]
    {
        let stores = scope.stores
        let part = totals.partID, site = totals.siteID
        guard try totals.available.isPositive, totals.backordered.isPositive else { return [] }
        var backorders = try await stores.reservations.backorders(part: part, site: site)
        var available = try totals.available
        var grants: [(Reservation.ID, Quantity)] = []
        var earmarks = earmarked
        for reservation in backorders {
            guard let earmark = earmarks[reservation.demand], earmark.isPositive, available.isPositive else { continue }
            let grant = min(earmark, reservation.backordered, available)
            grants.append((reservation.id, grant))
            earmarks[reservation.demand] = try earmark - grant
            available = try available - grant
        }
        var allocations: [BackorderAllocation] = []
        var total = Quantity.zero
        for (id, grant) in grants {
            guard let index = backorders.firstIndex(where: { $0.id == id }) else { continue }
            backorders[index] = try await allocate(grant, to: backorders[index], in: scope)
            allocations.append(BackorderAllocation(reservationID: id, allocated: grant))
            total = try total + grant
        }
        let waiting = backorders.filter { $0.backordered.isPositive }
        let byID = Dictionary(uniqueKeysWithValues: waiting.map { ($0.id, $0) })
        for (id, grant) in try AllocationPolicy.allocate(available, to: waiting) {
            guard let before = byID[id] else { continue }
            _ = try await allocate(grant, to: before, in: scope)
            allocations.append(BackorderAllocation(reservationID: id, allocated: grant))
            total = try total + grant
        }
        if total.isPositive {
            try await stores.stock.commit(part: part, site: site, reserved: total, backordered: Quantity.zero - total)
        }
        return allocations
    }

    private static func allocate(_ grant: Quantity, to before: Reservation, in scope: WriteScope) async throws
        -> Reservation
    {
        let allocation = try before.allocate(grant, at: scope.now)
        try await scope.stores.reservations.update(allocation.reservation)
        try await scope.audit(.reservationAllocate, entityID: before.id.description,
                              before: before, after: allocation.reservation)
        return allocation.reservation
    }
}

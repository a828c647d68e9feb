/// The policy that shares arriving stock among waiting backorders: priority class first
/// (vehicle off road before a customer waiting before scheduled service before
/// replenishment), then the earliest need-by date, then the oldest demand.
public enum AllocationPolicy {
    /// Backorders in the order they are served.
    public static func order(_ backorders: [Reservation]) -> [Reservation] {
        backorders.sorted { lhs, rhs in
            (lhs.priority.rank, lhs.needBy, lhs.createdAt.microseconds, lhs.id.description)
                < (rhs.priority.rank, rhs.needBy, rhs.createdAt.microseconds, rhs.id.description)
        }
    }

    /// How much of `available` each backorder receives, in serving order; the rest stays free.
    public static func allocate(_ available: Quantity, to backorders: [Reservation]) -> [(Reservation.ID, Quantity)] {
        var remaining = available
        var grants: [(Reservation.ID, Quantity)] = []
        for backorder in order(backorders) where remaining.isPositive && backorder.backordered.isPositive {
            let grant = min(remaining, backorder.backordered)
            grants.append((backorder.id, grant))
            remaining = remaining - grant
        }
        return grants
    }
}

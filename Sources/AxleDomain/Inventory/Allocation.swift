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
    public static func allocate(_ available: Quantity, to backorders: [Reservation]) throws(ArithmeticOverflow)
        -> [(Reservation.ID, Quantity)]
    {
        var remaining = available
        var grants: [(Reservation.ID, Quantity)] = []
        for backorder in order(backorders) where remaining.isPositive && backorder.backordered.isPositive {
            let grant = min(remaining, backorder.backordered)
            grants.append((backorder.id, grant))
            remaining = try remaining - grant
        }
        return grants
    }
}

extension AllocationPolicy {
    /// The day backorder `id` would be covered if the stock on its way (`inbound`) arrives
    /// as expected and is shared in serving order; nil when it would not be. Stock expected
    /// before `today` counts today.
    public static func coverage(of id: Reservation.ID, among backorders: [Reservation],
                                inbound: [AvailableToPromise.Inbound], today: CalendarDate) throws(ArithmeticOverflow)
        -> CalendarDate?
    {
        var waiting = Dictionary(uniqueKeysWithValues: backorders.map { ($0.id, $0.backordered) })
        guard waiting[id].map(\.isPositive) == true else { return today }
        let queue = order(backorders)
        for arrival in inbound.sorted(by: { $0.expected < $1.expected }) {
            var left = arrival.quantity
            for backorder in queue where left.isPositive {
                let need = waiting[backorder.id] ?? .zero
                guard need.isPositive else { continue }
                let grant = min(left, need)
                waiting[backorder.id] = try need - grant
                left = try left - grant
            }
            if waiting[id].map(\.isPositive) == false { return max(arrival.expected, today) }
        }
        return nil
    }
}

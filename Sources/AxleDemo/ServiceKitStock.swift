import AxleDomain

/// A kit part at one workshop as booking sees it, kept in step with what the use cases do:
/// readiness as `PartsReadiness` judges it (free stock first, then stock on its way, after the
/// waiting backorders), and a booking's reservation as `Reserve.commit` makes it (what is
/// available now, the rest backordered). Quantities in thousandths.
struct ServiceKitStock: Sendable {
    var available: Int64
    var backordered: Int64
    /// Stock on its way, by expected day.
    var inbound: [(expected: CalendarDate, quantity: Int64)]

    /// The day from which `quantity` is at the site: today when it is free now, the arrival day
    /// of the stock that covers it, nil when nothing covers it.
    func readyOn(_ quantity: Int64, today: CalendarDate) -> CalendarDate? {
        var covered = available - backordered
        guard covered < quantity else { return today }
        for arrival in inbound.sorted(by: { $0.expected < $1.expected }) {
            covered += arrival.quantity
            if covered >= quantity { return max(arrival.expected, today) }
        }
        return nil
    }

    mutating func reserve(_ quantity: Int64) {
        let reserved = min(max(available, 0), quantity)
        available -= reserved
        backordered += quantity - reserved
    }
}

/// The workshop's operational KPIs for one site over one period `[from, to)`. Definitions:
///
/// - **Service cycle time**: for each repair order *completed* in the period, the time from
///   opening to completion; reported as the mean and the median, in hours.
/// - **First-time fix**: of the orders completed in the period, the share with no *comeback*:
///   another order (not cancelled) for the same vehicle, opened within 30 days after the
///   first one completed, with a labor line of a labor operation the first one also had.
/// - **Technician utilization**: clocked productive time (time entries, cut to the period;
///   an entry still running counts up to the period's end or now) ÷ available time (each
///   technician's shifts on the site's working days in the period, less absences).
/// - **Parts fill rate**: of the part lines of orders opened in the period that were reserved,
///   the share reserved in full when approved (for booked work: all at the site when the
///   vehicle arrived).
public struct ServiceKPIs: Sendable, Encodable {
    public struct CycleTime: Sendable, Encodable {
        public let orders: Int
        public let meanHours: Quantity?
        public let medianHours: Quantity?
    }

    public struct Ratio: Sendable, Encodable {
        public let numerator: Int64
        public let denominator: Int64
        /// numerator ÷ denominator as a percentage, rounded half up; nil when nothing was counted.
        public let percent: Percentage?

        public init(_ numerator: Int64, of denominator: Int64) {
            self.numerator = numerator
            self.denominator = denominator
            percent = denominator == 0 ? nil : Percentage(basisPoints: (numerator * 20_000 + denominator) / (2 * denominator))
        }
    }

    public struct Utilization: Sendable, Encodable {
        public let technicianId: Technician.ID?
        public let name: String?
        public let clockedMinutes: Int64
        public let availableMinutes: Int64
        public let ratio: Ratio

        public init(technicianId: Technician.ID?, name: String?, clockedMinutes: Int64, availableMinutes: Int64) {
            self.technicianId = technicianId
            self.name = name
            self.clockedMinutes = clockedMinutes
            self.availableMinutes = availableMinutes
            self.ratio = Ratio(clockedMinutes, of: availableMinutes)
        }
    }

    public let from: Instant
    public let to: Instant
    public let serviceCycleTime: CycleTime
    public let firstTimeFix: Ratio
    public let technicianUtilization: Utilization
    public let technicians: [Utilization]
    public let partsFillRate: Ratio

    public static let comebackDays: Int64 = 30

    /// `completed`: orders completed in the period; `comebacks`: the ids among them that had
    /// a comeback; `opened`: orders opened in the period.
    public init(from: Instant, to: Instant, completed: [RepairOrder], comebacks: Set<RepairOrder.ID>,
                technicians: [Utilization], opened: [RepairOrder]) {
        self.from = from
        self.to = to
        let durations = completed.compactMap { order in
            order.completedAt.map { $0.microseconds - order.openedAt.microseconds }
        }.sorted()
        let hours = { (microseconds: Int64) in Quantity(milli: microseconds / 3_600_000) }
        serviceCycleTime = CycleTime(
            orders: durations.count,
            meanHours: durations.isEmpty ? nil : hours(durations.reduce(0, +) / Int64(durations.count)),
            medianHours: durations.isEmpty ? nil
                : hours(durations.count % 2 == 1 ? durations[durations.count / 2]
                        : (durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2))
        firstTimeFix = Ratio(Int64(completed.count - comebacks.count), of: Int64(completed.count))
        self.technicians = technicians
        let clocked = technicians.reduce(0) { $0 + $1.clockedMinutes }
        let available = technicians.reduce(0) { $0 + $1.availableMinutes }
        technicianUtilization = Utilization(technicianId: nil, name: nil, clockedMinutes: clocked,
                                            availableMinutes: available)
        let counted = opened.flatMap(\.partLines).compactMap(\.filledAtApproval)
        partsFillRate = Ratio(Int64(counted.filter { $0 }.count), of: Int64(counted.count))
    }

    /// Whether `later` is a comeback of `order`.
    public static func isComeback(_ later: RepairOrder, of order: RepairOrder) -> Bool {
        guard let completed = order.completedAt, later.id != order.id, later.vehicleID == order.vehicleID,
              later.status != .cancelled, later.openedAt >= completed,
              later.openedAt < completed.adding(seconds: comebackDays * 86_400) else { return false }
        let operations = Set(order.laborLines.compactMap(\.operationID))
        return later.laborLines.contains { $0.operationID.map(operations.contains) == true }
    }

    /// A technician's available minutes in `period`: shifts on working days, less absences.
    public static func availableMinutes(of technician: Technician, in period: Period, calendar: SiteCalendar,
                                        absences: [Period]) -> Int64 {
        var minutes: Int64 = 0
        var date = calendar.local(period.start).date
        let last = calendar.local(period.end).date
        while date <= last {
            for shift in calendar.periods(of: technician.shifts, on: date) {
                guard let worked = shift.clipped(to: period) else { continue }
                let away = absences.compactMap { $0.clipped(to: worked) }.reduce(Int64(0)) { $0 + $1.minutes }
                minutes += max(worked.minutes - away, 0)
            }
            date = date.next
        }
        return minutes
    }
}

extension Period {
    /// The part of this period inside `other`, nil when they do not overlap.
    public func clipped(to other: Period) -> Period? {
        let start = max(start, other.start), end = min(end, other.end)
        return start < end ? Period(start: start, end: end) : nil
    }
}

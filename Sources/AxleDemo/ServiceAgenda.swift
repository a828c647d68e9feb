import AxleDomain

/// The coming two weeks of one workshop as booking sees them: each technician's working time
/// (shifts less absences) and each bay's opening hours, less what is already booked. Starts
/// lie on the quarter-hour grid, as `SlotSearch` offers them, and a job fits only inside one
/// free stretch of a technician and of a bay, as `BookAppointment` checks it.
///
/// Times are microseconds since the epoch.
struct ServiceAgenda: Sendable {
    struct Resource<Item: Sendable>: Sendable {
        let item: Item
        /// Free stretches, in order, none overlapping.
        var free: [(start: Int64, end: Int64)]
        var bookedMinutes: Int64 = 0
    }

    private(set) var technicians: [Resource<Technician>]
    private(set) var bays: [Resource<Bay>]
    let calendar: SiteCalendar

    static let quarterHour: Int64 = 15 * 60_000_000

    init(workshop: ServiceWorkshop, dates: [CalendarDate]) {
        calendar = workshop.calendar
        technicians = workshop.technicians.map { technician in
            let away = workshop.absences.filter { $0.technicianID == technician.id }.map(\.period)
            let free = dates.flatMap { date in
                workshop.calendar.periods(of: technician.shifts, on: date).flatMap { ServiceTimeline.subtract(away, from: $0) }
            }
            return Resource(item: technician, free: free.map { ($0.start.microseconds, $0.end.microseconds) })
        }
        bays = workshop.bays.sorted { ($0.type.hosts.count, $0.code) < ($1.type.hosts.count, $1.code) }.map { bay in
            Resource(item: bay, free: dates.flatMap { workshop.calendar.periods(of: bay.hours, on: $0) }
                .map { ($0.start.microseconds, $0.end.microseconds) })
        }
    }

    /// Minutes the technicians can still be booked on `date`.
    func freeMinutes(on date: CalendarDate) -> Int64 {
        let day = dayBounds(date)
        return technicians.reduce(0) { total, technician in
            total + technician.free.reduce(0) { sum, stretch in
                sum + max(0, min(stretch.end, day.end) - max(stretch.start, day.start)) / 60_000_000
            }
        }
    }

    /// The first start on the grid, on `date` and at or after `from`, at which a technician with
    /// `skills` and a bay hosting `bayTypes` are both free for `minutes`: the least booked such
    /// technician, the most specialised such bay that suffices.
    func firstFit(skills: Set<Skill>, bayTypes: Set<BayType>, minutes: Int64, on date: CalendarDate, from: Int64)
        -> (technician: Int, bay: Int, start: Int64)?
    {
        let day = dayBounds(date)
        let length = minutes * 60_000_000
        var start = max(from, day.start)
        start = (start + Self.quarterHour - 1) / Self.quarterHour * Self.quarterHour
        let qualified = technicians.indices.filter { technicians[$0].item.has(skills) }
        let suitable = bays.indices.filter { bays[$0].item.type.canHost(bayTypes) }
        while start + length <= day.end {
            let end = start + length
            let bay = suitable.first { Self.fits(start, end, in: bays[$0].free) }
            if let bay {
                let free = qualified.filter { Self.fits(start, end, in: technicians[$0].free) }
                if let technician = free.min(by: { technicians[$0].bookedMinutes < technicians[$1].bookedMinutes }) {
                    return (technician, bay, start)
                }
            }
            start += Self.quarterHour
        }
        return nil
    }

    /// Books `[start, end)` of a technician and a bay.
    mutating func take(technician: Int, bay: Int, start: Int64, end: Int64) {
        technicians[technician].free = Self.removing(start, end, from: technicians[technician].free)
        technicians[technician].bookedMinutes += (end - start) / 60_000_000
        bays[bay].free = Self.removing(start, end, from: bays[bay].free)
    }

    func technicianIndex(_ id: Technician.ID) -> Int? { technicians.firstIndex { $0.item.id == id } }

    private func dayBounds(_ date: CalendarDate) -> (start: Int64, end: Int64) {
        (calendar.instant(on: date, at: TimeOfDay(minutes: 0)!).microseconds,
         calendar.instant(on: date, at: TimeOfDay(minutes: 1440)!).microseconds)
    }

    private static func fits(_ start: Int64, _ end: Int64, in free: [(start: Int64, end: Int64)]) -> Bool {
        free.contains { $0.start <= start && end <= $0.end }
    }

    private static func removing(_ start: Int64, _ end: Int64, from free: [(start: Int64, end: Int64)])
        -> [(start: Int64, end: Int64)]
    {
        free.flatMap { stretch -> [(start: Int64, end: Int64)] in
            guard stretch.start < end, start < stretch.end else { return [stretch] }
            var rest: [(start: Int64, end: Int64)] = []
            if stretch.start < start { rest.append((stretch.start, start)) }
            if end < stretch.end { rest.append((end, stretch.end)) }
            return rest
        }
    }
}

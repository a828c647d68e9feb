/// Availability-driven scheduling: the earliest times at which a technician with every
/// required skill, a bay that can host the work and the parts are all available at once.
///
/// Candidate starts lie on a quarter-hour grid of the site's wall clock. A slot must fit
/// whole inside one of the technician's shifts and one of the bay's opening windows, and
/// overlap none of their absences or booked blocks. Among free technicians the first by
/// name is offered; among free bays the most specialised one that suffices is kept back,
/// so a brake job does not take the alignment rig while a plain lift is free.
public struct SlotSearch: Sendable {
    /// A technician with the time they are away or already booked.
    public struct TechnicianCalendar: Sendable {
        public let technician: Technician
        public let unavailable: [Period]

        public init(technician: Technician, unavailable: [Period]) {
            self.technician = technician
            self.unavailable = unavailable
        }
    }

    /// A bay with the time it is already booked.
    public struct BayCalendar: Sendable {
        public let bay: Bay
        public let booked: [Period]

        public init(bay: Bay, booked: [Period]) {
            self.bay = bay
            self.booked = booked
        }
    }

    /// What the work needs: every skill, a bay hosting every bay type, this many minutes.
    public struct Requirement: Hashable, Sendable {
        public let skills: Set<Skill>
        public let bayTypes: Set<BayType>
        public let minutes: Int64

        public init(skills: Set<Skill>, bayTypes: Set<BayType>, minutes: Int64) {
            self.skills = skills
            self.bayTypes = bayTypes
            self.minutes = minutes
        }
    }

    /// What held a slot back from starting earlier: the most telling reason among the
    /// candidates since the search start or the slot before.
    public enum Constraint: String, ClosedSet {
        /// It is the first time the search was asked to consider.
        case searchStart
        /// The parts are not available at this site before it.
        case parts
        /// No technician with the skills is on shift and free earlier.
        case technician
        /// No suitable bay is open and free earlier.
        case bay
        /// Neither a technician nor a bay is free earlier.
        case technicianAndBay
        /// The slot before was just offered; offered slots are spaced apart.
        case spacing
    }

    public struct Slot: Hashable, Sendable {
        public let technicianID: Technician.ID
        public let bayID: Bay.ID
        public let period: Period
        public let earliestBecause: Constraint
    }

    /// The grid candidate starts lie on.
    public static let stepMinutes: Int64 = 15
    /// Offered slots start at least this far apart, so a short list spans a useful range.
    public static let spacingMinutes: Int64 = 60
    public static let maximumDays = 60

    public let calendar: SiteCalendar
    public let technicians: [TechnicianCalendar]
    public let bays: [BayCalendar]

    public init(calendar: SiteCalendar, technicians: [TechnicianCalendar], bays: [BayCalendar]) {
        self.calendar = calendar
        self.technicians = technicians.sorted { ($0.technician.name, $0.technician.id.description)
            < ($1.technician.name, $1.technician.id.description) }
        self.bays = bays.sorted { ($0.bay.type.hosts.count, $0.bay.code) < ($1.bay.type.hosts.count, $1.bay.code) }
    }

    /// Up to `limit` slots, earliest first, starting no earlier than `from` nor before the
    /// parts are ready (`partsReadyAt`), within `days` local days from `from`'s day.
    public func slots(for requirement: Requirement, from: Instant, partsReadyAt: Instant, days: Int,
                      limit: Int) -> [Slot] {
        let technicians = technicians.filter { $0.technician.has(requirement.skills) }
        let bays = bays.filter { $0.bay.type.canHost(requirement.bayTypes) }
        guard !technicians.isEmpty, !bays.isEmpty, requirement.minutes > 0, limit > 0 else { return [] }
        var found: [Slot] = []
        var date = calendar.local(from).date
        // What held back the candidates since the last slot: the most telling reason wins.
        var held: Constraint?
        for _ in 0..<min(days, Self.maximumDays) {
            defer { date = date.next }
            guard !calendar.isHoliday(date) else {
                held = held ?? .technicianAndBay
                continue
            }
            let day = Day(date: date, calendar: calendar, technicians: technicians, bays: bays)
            var minute: Int64 = 0
            while minute < 1440 {
                defer { minute += Self.stepMinutes }
                let start = calendar.instant(on: date, at: TimeOfDay(minutes: Int(minute))!)
                if start < from { continue }
                if start < partsReadyAt {
                    held = .parts
                    continue
                }
                if let last = found.last, start < last.period.start.adding(seconds: Self.spacingMinutes * 60) {
                    held = .spacing
                    continue
                }
                let period = Period(start: start, end: start.adding(seconds: requirement.minutes * 60))
                let technician = day.firstTechnician(for: period), bay = day.firstBay(for: period)
                guard let technician, let bay else {
                    // One side free says which resource was missing; both missing (closed
                    // hours) says less than any reason already seen.
                    if technician != nil { held = .bay } else if bay != nil { held = .technician } else {
                        held = held ?? .technicianAndBay
                    }
                    continue
                }
                found.append(Slot(technicianID: technician.id, bayID: bay.id, period: period,
                                  earliestBecause: held ?? .searchStart))
                held = nil
                if found.count == limit { return found }
            }
        }
        return found
    }

    /// One local day: when each technician works and each bay is open, as instants.
    private struct Day {
        let technicians: [(technician: Technician, shifts: [Period], unavailable: [Period])]
        let bays: [(bay: Bay, open: [Period], booked: [Period])]

        init(date: CalendarDate, calendar: SiteCalendar, technicians: [TechnicianCalendar], bays: [BayCalendar]) {
            self.technicians = technicians.map {
                ($0.technician, calendar.periods(of: $0.technician.shifts, on: date), $0.unavailable)
            }
            self.bays = bays.map { ($0.bay, calendar.periods(of: $0.bay.hours, on: date), $0.booked) }
        }

        func firstTechnician(for period: Period) -> Technician? {
            technicians.first { entry in
                entry.shifts.contains { $0.contains(period) } && !entry.unavailable.contains { $0.overlaps(period) }
            }?.technician
        }

        func firstBay(for period: Period) -> Bay? {
            bays.first { entry in
                entry.open.contains { $0.contains(period) } && !entry.booked.contains { $0.overlaps(period) }
            }?.bay
        }
    }

    /// Checks that `technician` and `bay` can take `period`, as a booking does again in its
    /// transaction so two bookings of one slot cannot both succeed: outside the technician's
    /// shift or the bay's hours it is closed; overlapping booked time or an absence it is taken.
    public func check(technician: Technician.ID, bay: Bay.ID, for period: Period) throws(ServiceError) {
        let date = calendar.local(period.start).date
        guard let technicianEntry = technicians.first(where: { $0.technician.id == technician }),
              let bayEntry = bays.first(where: { $0.bay.id == bay }),
              calendar.periods(of: technicianEntry.technician.shifts, on: date).contains(where: { $0.contains(period) }),
              calendar.periods(of: bayEntry.bay.hours, on: date).contains(where: { $0.contains(period) })
        else { throw .outsideWorkingHours }
        let day = Day(date: date, calendar: calendar, technicians: [technicianEntry], bays: [bayEntry])
        guard day.firstTechnician(for: period) != nil, day.firstBay(for: period) != nil else { throw .slotTaken }
    }
}

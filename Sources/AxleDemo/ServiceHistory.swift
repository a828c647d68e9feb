import AxleDomain

/// Twelve months of one workshop's repair orders, built around the parts the stock history
/// reserved and issued for them, so the ledger stays exactly as it is: each order number of
/// the stock history becomes an order with those part lines and reservations, opened before
/// its first reservation and completed after its last issue. Around them come the orders that
/// need no parts (inspections, alignments, diagnosis), enough that the technicians clock their
/// site's usual share of their available time, and now and then a comeback.
///
/// Labor is clocked by the technicians with the skill, at the earliest time one is free
/// (`ServiceTimeline`). Times are microseconds since the epoch.
struct ServiceHistory {
    /// A vehicle due back for the same work.
    private struct Comeback {
        let vehicle: Int
        let operation: LaborOperation
        let concern: String
        let original: String
    }

    let workshop: ServiceWorkshop
    let index: Int
    private let setup: ServiceSetup
    private let owned: [ServiceCustomerFactory.Owned]
    private let input: ServiceHistoryInput
    private let dates: [CalendarDate]
    private let days: [CalendarDate: Int]
    /// The start of today: the history ends just before it.
    private let end: Int64
    private var random: DemoRandom
    private var timeline: ServiceTimeline
    private var vehicles: ServiceVehicles
    private var numbers: Set<String>
    private let numberBase: Int
    private var laborOnlyToday = 0
    private var bayTurn = 0

    /// Orders, and appointments the customer cancelled.
    private(set) var jobs: [ServiceJob] = []
    private(set) var cancelledBookings: [(vehicle: Int, operations: [LaborOperation], booking: ServiceJob.Booking,
                                          cancelledAt: Int64, concern: String)] = []

    static let comebackChance = 0.07
    private static let trucks: Set<String> = ["F-150", "Silverado 1500", "1500", "Tacoma"]
    private static let minute: Int64 = 60_000_000

    init(workshop: ServiceWorkshop, index: Int, setup: ServiceSetup, owned: [ServiceCustomerFactory.Owned],
         input: ServiceHistoryInput, dates: [CalendarDate], seed: UInt64) {
        self.workshop = workshop
        self.index = index
        self.setup = setup
        self.owned = owned
        self.input = input
        self.dates = dates
        days = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($0.element, $0.offset) })
        end = workshop.calendar.instant(on: ServiceHolidays.shifted(dates[dates.count - 1], by: 1),
                                        at: TimeOfDay(minutes: 0)!).microseconds
        random = DemoRandom(seed: seed, stream: "service history \(workshop.site.code)")
        timeline = ServiceTimeline(technicians: workshop.technicians, absences: workshop.absences,
                                   calendar: workshop.calendar, dates: dates)
        vehicles = ServiceVehicles(owned: owned, workshop: index, fitments: input.fitments)
        numbers = Set(input.orders[index].keys)
        let layout = SiteTemplates.layouts.firstIndex { $0.code == workshop.site.code.rawValue } ?? index
        numberBase = 100_000 * (layout + 1) + 20_000
    }

    // MARK: - The year, day by day

    /// Builds the year's orders; scheduled orders still to come take their time in `agenda`.
    mutating func run(agenda: inout ServiceAgenda) throws {
        var pending = [[ServiceJob]](repeating: [], count: dates.count)
        let groups = input.orders[index].sorted { ($0.value[0].createdAt, $0.key) < ($1.value[0].createdAt, $1.key) }
        for (number, reservations) in groups {
            let job = partsJob(number: number, reservations: reservations)
            pending[day(of: job.workFrom)].append(job)
        }
        var comebacks = [[Comeback]](repeating: [], count: dates.count)
        for day in dates.indices {
            laborOnlyToday = 0
            var today = pending[day]
            for comeback in comebacks[day] { today.append(comebackJob(comeback, day: day)) }
            var planned = today.filter { $0.origin != .cancelled }.reduce(Int64(0)) { $0 + $1.labor.reduce(0) { $0 + $1.minutes } }
            let target = Int64(Double(timeline.available[day]) * utilization(on: dates[day]))
            while planned < target {
                let job = try laborOnlyJob(day: day)
                planned += job.labor.reduce(0) { $0 + $1.minutes }
                today.append(job)
            }
            today.sort { ($0.workFrom, $0.number) < ($1.workFrom, $1.number) }
            for var job in today {
                finish(&job, agenda: &agenda)
                if let due = comeback(after: job) { comebacks[due.day].append(due.comeback) }
                jobs.append(job)
            }
        }
    }

    private func day(of moment: Int64) -> Int {
        let date = workshop.calendar.local(Instant(microseconds: moment)).date
        return min(days[date] ?? (date < dates[0] ? 0 : dates.count - 1), dates.count - 1)
    }

    /// The site's usual share, busier before winter and in spring, with day-to-day noise.
    private mutating func utilization(on date: CalendarDate) -> Double {
        let season = [1.02, 1.0, 1.0, 1.04, 1.02, 0.98, 0.95, 0.97, 1.0, 1.03, 1.05, 0.97][date.month - 1]
        return min(0.93, workshop.template.utilization * season * (0.92 + 0.16 * random.unit()))
    }

    // MARK: - Orders around the stock history's reservations

    private mutating func partsJob(number: String, reservations: [Reservation]) -> ServiceJob {
        let origin: ServiceJob.Origin =
            if reservations.allSatisfy({ $0.status == .released }) { .cancelled }
            else if reservations.contains(where: { $0.status == .open }) { .open }
            else { .done }
        var codes: [String] = []
        for reservation in reservations {
            guard let part = input.parts[reservation.partID],
                  let code = ServiceOperationTemplates.byKind[ServiceOperationTemplates.kind(of: part.description)],
                  !codes.contains(code) else { continue }
            codes.append(code)
        }
        if codes.isEmpty { codes = ["MPI"] }
        // Repairs are diagnosed first, chassis and tyre work ends on the alignment rig, and
        // most cars get the inspection sheet.
        let follows: [(after: Set<String>, add: String, chance: Double)] = [
            (["ELE-CHG", "LGT-RPL"], "ELE-DIAG", 0.4), (["ENG-IGN", "ENG-MECH", "COOL-RPR", "EXH-RPR", "AC-COMP"], "DIAG-CEL", 0.4),
            (["SUS-DAMP", "SUS-ARM", "TYR-NEW", "DRV-AXLE"], "ALN-4W", 0.5), (["BRK-PAD-F", "BRK-PAD-R", "BRK-DISC"], "TYR-ROT", 0.3),
        ]
        for follow in follows where origin != .cancelled && !codes.contains(follow.add)
            && codes.contains(where: follow.after.contains) && random.chance(follow.chance) {
            codes.insert(follow.add, at: follow.add == "ALN-4W" || follow.add == "TYR-ROT" ? codes.count : 0)
        }
        if origin != .cancelled, !codes.contains("MPI"), random.chance(0.5) { codes.append("MPI") }
        let reservedAt = reservations.map(\.createdAt.microseconds).min()!
        let issues = reservations.filter { $0.status == .consumed }.map(\.updatedAt.microseconds)
        let lastIssue = issues.max()
        let first = reservations[0]
        let createdOn = workshop.calendar.local(first.createdAt).date
        // Booked days ahead with the parts reserved at booking: the car comes in on the day the
        // parts are needed, shortly before the first is issued to it.
        let arrival = workshop.calendar.instant(on: first.needBy, at: TimeOfDay("07:00")!).microseconds
        let ahead = origin != .cancelled && first.priority == .scheduledService && first.needBy > createdOn
            && arrival < end - 86_400_000_000 && (issues.min() ?? .max) > arrival + 20 * Self.minute
        var openedAt: Int64, approvedAt: Int64
        if ahead {
            let firstIssue = issues.min() ?? arrival + 180 * Self.minute
            let start = max(arrival, (firstIssue - Int64(random.int(in: 10...45)) * Self.minute)
                / ServiceAgenda.quarterHour * ServiceAgenda.quarterHour)
            openedAt = min(start + Int64(random.int(in: 0...4)) * Self.minute, firstIssue - Self.minute)
            approvedAt = openedAt
        } else {
            approvedAt = reservedAt
            openedAt = reservedAt - min(Int64(random.int(in: 10...60)) * Self.minute,
                                        max(2 * Self.minute, reservedAt - opening(of: reservedAt)))
        }
        // Work starts once the customer has agreed, and for finished work not long before its last part came.
        let workFrom: Int64 = switch origin {
        case .done: max(approvedAt + 5 * Self.minute, lastIssue! - 40 * Self.minute)
        case .open, .laborOnly: approvedAt + 5 * Self.minute
        case .cancelled: openedAt
        }
        let booked = ahead || (first.priority == .scheduledService && first.needBy == createdOn && random.chance(0.7))
        let lines = reservations.map { reservation in
            ServiceJob.Line(reservation: reservation,
                            state: origin != .cancelled && reservation.status == .released ? .declined : .approved,
                            filled: filled(reservation))
        }
        var labor: [ServiceJob.Labor] = []
        for code in codes { labor.append(laborLine(setup.byCode[code]!)) }
        var job = ServiceJob(workshop: index, number: number, origin: origin, concern: concern(for: labor),
                             openedAt: openedAt, approvedAt: approvedAt, method: method(), workFrom: workFrom,
                             lastIssue: lastIssue, labor: labor, lines: lines, wantsBooking: booked)
        if ahead { job.heldAhead = (reservedAt, reservations.map(\.id)) }
        return job
    }

    /// Whether the reservation was covered in full when it was made: the stock history issues
    /// covered parts the same day, the next working morning or on their need-by date, and a
    /// backorder only once stock arrives from a supplier days later.
    private func filled(_ reservation: Reservation) -> Bool {
        guard reservation.status != .open else {
            return !reservation.backordered.isPositive && reservation.updatedAt == reservation.createdAt
        }
        let created = workshop.calendar.local(reservation.createdAt).date
        var due = ServiceHolidays.shifted(max(created, reservation.needBy), by: 1)
        if Weekday(of: due) == .sunday { due = ServiceHolidays.shifted(due, by: 1) }
        return reservation.updatedAt < workshop.calendar.instant(on: due, at: TimeOfDay("12:00")!)
    }

    private func opening(of moment: Int64) -> Int64 {
        let date = workshop.calendar.local(Instant(microseconds: moment)).date
        return workshop.calendar.instant(on: date, at: TimeOfDay("07:00")!).microseconds
    }

    // MARK: - Orders without parts

    private mutating func laborOnlyJob(day: Int) throws -> ServiceJob {
        let vehicle = vehicles.pick(notBefore: dayStart(day), using: &random)
        var codes = [laborOnlyOperation(for: owned[vehicle], on: dates[day])]
        if random.chance(0.5) {
            let extra = random.pick(["MPI", "TYR-ROT", "ALN-4W"])
            if !codes.contains(extra) { codes.append(extra) }
        }
        var labor: [ServiceJob.Labor] = []
        for code in codes { labor.append(laborLine(setup.byCode[code]!)) }
        let booked = random.chance(0.55)
        let openedAt = arrival(day: day, booked: booked)
        var job = ServiceJob(workshop: index, number: nextNumber(day: day), origin: .laborOnly,
                             concern: concern(for: labor), openedAt: openedAt, approvedAt: openedAt + 5 * Self.minute,
                             method: method(), workFrom: openedAt + Int64(random.int(in: 5...20)) * Self.minute,
                             lastIssue: nil, labor: labor, lines: [], wantsBooking: booked)
        job.vehicle = vehicle
        vehicles.rest(vehicle, until: openedAt + ServiceVehicles.rest)
        if booked, random.chance(0.04) { try cancelledBooking(day: day, operations: labor.map { $0.operation }) }
        return job
    }

    private mutating func comebackJob(_ comeback: Comeback, day: Int) -> ServiceJob {
        let openedAt = arrival(day: day, booked: true)
        let operation = comeback.operation
        var job = ServiceJob(
            workshop: index, number: nextNumber(day: day), origin: .laborOnly,
            concern: "Came back: \(comeback.concern.prefix(1).lowercased() + comeback.concern.dropFirst()) "
                + "again after \(comeback.original)", openedAt: openedAt,
            approvedAt: openedAt + 5 * Self.minute, method: .inPerson,
            workFrom: openedAt + Int64(random.int(in: 5...20)) * Self.minute, lastIssue: nil,
            labor: [ServiceJob.Labor(operation: operation, chargedMilli: 0,
                                     minutes: workedMinutes(operation.standardHours.milli), technician: nil)],
            lines: [], wantsBooking: true)
        job.vehicle = comeback.vehicle
        job.comebackOf = comeback.original
        return job
    }

    private mutating func laborOnlyOperation(for vehicle: ServiceCustomerFactory.Owned, on date: CalendarDate) -> String {
        let seasonal = [3, 4, 10, 11].contains(date.month) || (date.month == 12 && date.day < 15)
        var table: [(String, Int)] = [("MPI", 4), ("TYR-ROT", 6), ("ALN-4W", 14), ("DIAG-CEL", 14), ("ELE-DIAG", 18)]
        if seasonal { table.append(("TYR-SEAS", 30)) }
        if workshop.site.kind == .dealership { table.append(("RCL-CAMP", 8)) }
        if vehicle.vehicle.engine?.contains("Hybrid") == true { table.append(("EV-HV-INSP", 15)) }
        if vehicle.fleet && Self.trucks.contains(vehicle.vehicle.model) { table.append(("HD-INSP", 25)) }
        return Weighted(table).draw(using: &random)
    }

    /// When a customer arrives: booked cars between 07:30 and 11:00, others until mid-afternoon
    /// (08:00 to noon on Saturdays).
    private mutating func arrival(day: Int, booked: Bool) -> Int64 {
        let saturday = Weekday(of: dates[day]) == .saturday
        let first = saturday ? 480 : 450
        let last = booked ? 660 : (saturday ? 720 : 930)
        let minutes = booked ? first + 15 * random.int(in: 0...((last - first) / 15)) + random.int(in: 0...10)
            : random.int(in: first...last)
        return workshop.calendar.instant(on: dates[day], at: TimeOfDay(minutes: minutes)!).microseconds
    }

    private mutating func cancelledBooking(day: Int, operations: [LaborOperation]) throws {
        let vehicle = vehicles.pick(notBefore: dayStart(day), using: &random)
        let start = arrival(day: day, booked: true) / ServiceAgenda.quarterHour * ServiceAgenda.quarterHour
        let minutes = LaborOperation.minutes(of: try operations.reduce(Quantity.zero) { try $0 + $1.standardHours })
        let technician = workshop.technicians.first { $0.has(Set(operations.map(\.skill))) } ?? workshop.technicians[0]
        let booking = ServiceJob.Booking(
            start: start, end: start + minutes * Self.minute,
            createdAt: start - Int64(random.int(in: 1...21)) * 86_400_000_000 - Int64(random.int(in: 0...600)) * Self.minute,
            technician: technician.id, bay: bay(for: Set(operations.map(\.bayType))))
        let cancelledAt = start - Int64(random.int(in: 2...72)) * 60 * Self.minute
        cancelledBookings.append((vehicle, operations, booking, max(cancelledAt, booking.createdAt + Self.minute),
                                  random.pick(operations[0].concernTexts)))
    }

    private mutating func nextNumber(day: Int) -> String {
        while true {
            let number = laborOnlyToday < 60 ? numberBase + day * 60 + laborOnlyToday : numberBase + 60_000 + laborOnlyToday
            laborOnlyToday += 1
            let text = "RO-\(number)"
            if numbers.insert(text).inserted { return text }
        }
    }

    // MARK: - Doing the work

    private mutating func finish(_ job: inout ServiceJob, agenda: inout ServiceAgenda) {
        if job.origin != .laborOnly { job.vehicle = vehicles.pick(for: job, using: &random) }
        vehicles.rest(job.vehicle, until: job.openedAt + ServiceVehicles.rest, replacing: job.comebackOf != nil)
        let hybrid = owned[job.vehicle].vehicle.engine?.contains("Hybrid") == true
        if hybrid, job.origin == .done, random.chance(0.2) { job.labor.append(laborLine(setup.byCode["EV-HV-INSP"]!)) }
        switch job.origin {
        case .cancelled:
            let released = job.lines.map(\.reservation.updatedAt.microseconds).max() ?? job.approvedAt
            close(&job, .cancel, at: released, status: .cancelled)
            job.cancelledAt = released
            assignTechnicians(&job)
        case .laborOnly where job.comebackOf == nil && random.chance(0.015):
            let at = job.openedAt + Int64(random.int(in: 15...90)) * Self.minute
            close(&job, .cancel, at: at, status: .cancelled)
            job.cancelledAt = at
            assignTechnicians(&job)
        case .open:
            guard !scheduleAhead(&job, agenda: &agenda) else { break }
            // Diagnosed, then waiting for parts or being worked on when the history ends.
            work(&job, minutesOfFirstLine: min(45, max(job.labor[0].minutes / 2, 10)))
            assignTechnicians(&job)
            if job.lines.contains(where: { $0.reservation.status == .open && $0.reservation.backordered.isPositive }) {
                close(&job, .awaitParts, at: job.approvedAt, status: .awaitingParts)
            } else {
                close(&job, .start, at: job.entries.map(\.start).min() ?? job.approvedAt, status: .inProgress)
            }
        case .done, .laborOnly:
            let finished = work(&job, minutesOfFirstLine: nil)
            assignTechnicians(&job)
            complete(&job, finished: finished)
        }
        if job.wantsBooking, job.status != .scheduled, job.origin != .cancelled { book(&job) }
    }

    /// Clocks the order's labor; returns whether all of it was done before the history ends.
    @discardableResult
    private mutating func work(_ job: inout ServiceJob, minutesOfFirstLine: Int64?) -> Bool {
        var from = job.workFrom
        var preferred: Technician.ID?
        for line in job.labor.indices {
            let minutes = minutesOfFirstLine.map { line == 0 ? $0 : 0 } ?? job.labor[line].minutes
            guard minutes > 0 else { continue }
            guard let placed = timeline.place(minutes: minutes, skills: [job.labor[line].operation.skill], from: from,
                                              preferred: preferred) else { return false }
            job.labor[line].technician = placed.technician
            for piece in placed.pieces where piece.end <= end {
                job.entries.append(ServiceJob.Entry(line: line, technician: placed.technician, start: piece.start,
                                                    end: piece.end))
            }
            preferred = placed.technician
            from = placed.pieces.last!.end
            if !placed.finished || from > end { return false }
        }
        return true
    }

    /// Lines nobody clocked go to whoever worked the order, or the first technician with the skill.
    private func assignTechnicians(_ job: inout ServiceJob) {
        let worked = job.labor.compactMap(\.technician).first
        for line in job.labor.indices where job.labor[line].technician == nil {
            let skill = job.labor[line].operation.skill
            if let worked, workshop.technicians.first(where: { $0.id == worked })?.skills.contains(skill) == true {
                job.labor[line].technician = worked
            } else {
                job.labor[line].technician = workshop.technicians.first { $0.skills.contains(skill) }?.id
            }
        }
    }

    private mutating func complete(_ job: inout ServiceJob, finished: Bool) {
        let workedUntil = job.entries.map(\.end).max() ?? job.workFrom
        guard finished else {
            close(&job, .start, at: job.entries.map(\.start).min() ?? job.approvedAt, status: .inProgress)
            return
        }
        let completed = max(workedUntil, job.lastIssue ?? .min) + Int64(random.int(in: 10...40)) * Self.minute
        guard completed < end else {
            close(&job, .requestQualityCheck, at: workedUntil, status: .qualityCheck)
            return
        }
        job.completedAt = completed
        close(&job, .complete, at: completed, status: .completed)
        if completed > end - 86_400_000_000, random.chance(0.5) { return }
        let invoiced = completed + Int64(random.int(in: 15...240)) * Self.minute
        guard invoiced < end else { return }
        job.invoicedAt = invoiced
        close(&job, .invoice, at: invoiced, status: .invoiced)
        let days = owned[job.vehicle].fleet ? random.int(in: 10...30) : random.int(in: 0...5)
        let closed = invoiced + Int64(days) * 86_400_000_000 + Int64(random.int(in: 30...480)) * Self.minute
        guard closed < end else { return }
        job.closedAt = closed
        close(&job, .close, at: closed, status: .closed)
    }

    /// An order whose parts are all reserved for a day still to come is booked for that day:
    /// a technician's and a bay's time are taken. Returns whether the order is such a one.
    private mutating func scheduleAhead(_ job: inout ServiceJob, agenda: inout ServiceAgenda) -> Bool {
        let today = workshop.calendar.local(Instant(microseconds: end)).date
        let open = job.lines.filter { $0.reservation.status == .open }.map(\.reservation)
        guard job.lastIssue == nil, !open.contains(where: { $0.backordered.isPositive }),
              let needBy = open.map(\.needBy).min(), needBy >= today else { return false }
        assignTechnicians(&job)
        let skills = job.skills, bayTypes = Set(job.labor.map(\.operation.bayType))
        let minutes = LaborOperation.minutes(of: Quantity(milli: job.labor.reduce(0) { $0 + $1.operation.standardHours.milli }))
        var date = needBy
        for _ in 0..<ServiceDemo.horizonDays {
            let from = workshop.calendar.instant(on: date, at: TimeOfDay("07:30")!).microseconds
            if let fit = agenda.firstFit(skills: skills, bayTypes: bayTypes, minutes: minutes, on: date, from: from) {
                let technician = agenda.technicians[fit.technician].item.id
                agenda.take(technician: fit.technician, bay: fit.bay, start: fit.start, end: fit.start + minutes * Self.minute)
                job.booking = ServiceJob.Booking(start: fit.start, end: fit.start + minutes * Self.minute,
                                                 createdAt: job.approvedAt, technician: technician,
                                                 bay: agenda.bays[fit.bay].item.id)
                for line in job.labor.indices { job.labor[line].technician = technician }
                break
            }
            date = date.next
        }
        close(&job, .schedule, at: job.approvedAt + Self.minute, status: .scheduled)
        return true
    }

    private func close(_ job: inout ServiceJob, _ event: RepairOrderEvent, at moment: Int64, status: RepairOrderStatus) {
        job.status = status
        job.lastEvent = event
        job.lastChange = moment
    }

    /// The appointment the car came in on, booked some days before (with its parts, when they
    /// were reserved at booking).
    private mutating func book(_ job: inout ServiceJob) {
        let start = job.openedAt / ServiceAgenda.quarterHour * ServiceAgenda.quarterHour
        let minutes = LaborOperation.minutes(of: Quantity(milli: job.labor.reduce(0) { $0 + $1.operation.standardHours.milli }))
        let bookedAt = job.heldAhead?.bookedAt
            ?? start - Int64(random.int(in: 1...21)) * 86_400_000_000 - Int64(random.int(in: 0...600)) * Self.minute
        job.booking = ServiceJob.Booking(
            start: start, end: start + max(minutes, 15) * Self.minute, createdAt: bookedAt,
            technician: job.labor.compactMap(\.technician).first ?? workshop.technicians[0].id,
            bay: bay(for: Set(job.labor.map(\.operation.bayType))), reservations: job.heldAhead?.reservations ?? [])
    }

    private mutating func bay(for types: Set<BayType>) -> Bay.ID {
        let suitable = workshop.bays.filter { $0.type.canHost(types) }
        bayTurn += 1
        return suitable.isEmpty ? workshop.bays[0].id : suitable[bayTurn % suitable.count].id
    }

    /// A finished order's vehicle comes back for the same work now and then.
    private mutating func comeback(after job: ServiceJob) -> (day: Int, comeback: Comeback)? {
        guard let completed = job.completedAt, job.comebackOf == nil, random.chance(Self.comebackChance),
              let operation = job.labor.map(\.operation).first(where: { $0.code.rawValue != "MPI" }) else { return nil }
        let due = day(of: completed) + random.int(in: 3...24)
        guard due < dates.count else { return nil }
        vehicles.rest(job.vehicle, until: .max)
        return (due, Comeback(vehicle: job.vehicle, operation: operation, concern: job.concern, original: job.number))
    }

    // MARK: - Small draws

    private mutating func laborLine(_ operation: LaborOperation) -> ServiceJob.Labor {
        ServiceJob.Labor(operation: operation, chargedMilli: operation.standardHours.milli,
                         minutes: workedMinutes(operation.standardHours.milli), technician: nil)
    }

    /// A technician takes 80–125 % of the standard time.
    private mutating func workedMinutes(_ hoursMilli: Int64) -> Int64 {
        max(6, hoursMilli * 60 * Int64(random.int(in: 80...125)) / 100_000)
    }

    private mutating func concern(for labor: [ServiceJob.Labor]) -> String {
        random.pick(labor[0].operation.concernTexts)
    }

    private mutating func method() -> CustomerApproval.Method {
        Weighted<CustomerApproval.Method>([(.inPerson, 50), (.phone, 30), (.sms, 12), (.email, 8)]).draw(using: &random)
    }

    private func dayStart(_ day: Int) -> Int64 {
        workshop.calendar.instant(on: dates[day], at: TimeOfDay(minutes: 0)!).microseconds
    }
}

extension LaborOperation {
    /// What customers say when they bring a car in for this work.
    var concernTexts: [String] {
        ServiceOperationTemplates.all.first { $0.code == code.rawValue }?.concerns ?? [description]
    }
}

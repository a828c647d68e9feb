import AxleDomain
import AxleStore
import Foundation

/// One workshop of the demo group as its service department is set up.
struct ServiceWorkshop: Sendable {
    let site: Site
    let template: ServiceWorkshopTemplates.Workshop
    let settings: ServiceSettings
    let calendar: SiteCalendar
    let technicians: [Technician]
    let bays: [Bay]
    /// Leave, sickness and training over the history and the coming two weeks.
    let absences: [Absence]
}

/// The service departments' master data: labor operations with their kits, and each
/// workshop's settings, technicians, absences and bays.
struct ServiceSetup: Sendable {
    let workshops: [ServiceWorkshop]
    let operations: [LaborOperation]
    let byCode: [String: LaborOperation]

    /// `dates`: the history's days then the coming two weeks'; `technicianUsers`: the demo
    /// users who clock on as a technician, by site code.
    init(input: ServiceHistoryInput, dates: [CalendarDate], technicianUsers: [String: Principal.ID],
         ids: inout DemoIdentifiers, random: inout DemoRandom) {
        let kits = Self.kitParts(input)
        operations = ServiceOperationTemplates.all.map { template in
            LaborOperation(
                id: ids.next(), code: Code(template.code)!, description: template.description,
                standardHours: Quantity(milli: template.hoursMilli), skill: template.skill, bayType: template.bayType,
                kit: template.kit.compactMap { line in
                    kits[line.kind].map { LaborOperation.KitLine(partID: $0.id, quantity: Quantity(milli: line.quantityMilli)) }
                })
        }
        byCode = Dictionary(uniqueKeysWithValues: operations.map { ($0.code.rawValue, $0) })
        let years = (dates.first?.year ?? 2025)...(dates.last?.year ?? 2026)
        let holidays = ServiceHolidays.dates(years: years)
        var workshops: [ServiceWorkshop] = []
        for (template, site) in zip(ServiceWorkshopTemplates.workshops, input.workshops) {
            let currency = SiteTemplates.company.currency
            let settings = ServiceSettings(
                siteID: site.id, laborRate: Money(minorUnits: template.laborRateMinor, currency: currency),
                taxRate: Percentage(basisPoints: template.taxBasisPoints),
                approvalThreshold: .percent(Percentage(basisPoints: ServiceWorkshopTemplates.approvalThresholdBasisPoints)),
                holidays: holidays)
            // The demo's sites name a known zone; an unknown one is a programming error.
            guard let zone = TimeZone(identifier: site.timeZone) else { preconditionFailure("unknown time zone") }
            let calendar = SiteCalendar(timeZone: zone, holidays: holidays)
            var user = technicianUsers[site.code.rawValue]
            let technicians = template.technicians.map { person in
                defer { user = nil }
                return Technician(id: ids.next(), siteID: site.id, name: person.name, skills: person.profile.skills,
                                  shifts: person.shift.windows, principalID: user)
            }
            let bays = template.bays.map { bay in
                Bay(id: ids.next(), siteID: site.id, code: Code(bay.code)!, type: bay.type,
                    hours: ServiceWorkshopTemplates.bayHours)
            }
            workshops.append(ServiceWorkshop(
                site: site, template: template, settings: settings, calendar: calendar, technicians: technicians,
                bays: bays, absences: Self.absences(of: technicians, dates: dates, calendar: calendar, ids: &ids,
                                                    random: &random)))
        }
        self.workshops = workshops
    }

    /// For each part kind a kit names, the part the workshops use: a universal, active part of
    /// that kind that most workshops stock, not a make's own brand, with the most stock.
    private static func kitParts(_ input: ServiceHistoryInput) -> [String: Part] {
        let genuine = Set(PartBrands.genuineByMake.values.map(\.brand))
        let workshops = Set(input.workshops.map(\.id))
        var stocking: [Part.ID: (sites: Int, units: Int64)] = [:]
        for cell in input.stock {
            var entry = stocking[cell.partID] ?? (0, 0)
            if workshops.contains(cell.siteID) { entry.sites += 1 }
            entry.units += cell.unrestricted.milli
            stocking[cell.partID] = entry
        }
        let kinds = Set(ServiceOperationTemplates.all.flatMap { $0.kit.map(\.kind) })
        var chosen: [String: Part] = [:]
        for part in input.parts.values where part.lifecycle == .active && !genuine.contains(part.brand) {
            let kind = ServiceOperationTemplates.kind(of: part.description)
            guard kinds.contains(kind), let mine = stocking[part.id] else { continue }
            if let current = chosen[kind], let theirs = stocking[current.id],
               (theirs.sites, theirs.units, part.number) >= (mine.sites, mine.units, current.number) {
                continue
            }
            chosen[kind] = part
        }
        return chosen
    }

    /// Each technician takes two weeks of leave a year and is off sick or at training a few
    /// days; in the coming two weeks two technicians of each workshop are away.
    private static func absences(of technicians: [Technician], dates: [CalendarDate], calendar: SiteCalendar,
                                 ids: inout DemoIdentifiers, random: inout DemoRandom) -> [Absence] {
        let historyDays = dates.count - ServiceDemo.horizonDays
        let mondays = dates.indices.filter { $0 < historyDays - 7 && Weekday(of: dates[$0]) == .monday }
        var absences: [Absence] = []
        func away(_ technician: Technician, from day: Int, days: Int, _ reason: String) {
            let start = calendar.instant(on: dates[day], at: TimeOfDay(minutes: 0)!)
            let end = calendar.instant(on: ServiceHolidays.shifted(dates[day], by: Int64(days)), at: TimeOfDay(minutes: 0)!)
            let period = Period(start: start, end: end)
            // Time away is counted once: a sick day inside a vacation never happened.
            guard !absences.contains(where: { $0.technicianID == technician.id && $0.period.overlaps(period) }) else {
                return
            }
            absences.append(Absence(id: ids.next(), technicianID: technician.id, period: period, reason: reason))
        }
        for technician in technicians where !mondays.isEmpty {
            let first = random.pick(mondays)
            var second = random.pick(mondays)
            if abs(second - first) < 14 { second = mondays[(mondays.firstIndex(of: first)! + mondays.count / 2) % mondays.count] }
            for monday in [first, second].sorted() { away(technician, from: monday, days: 7, "Vacation") }
            for _ in 0..<random.int(in: 1...4) {
                away(technician, from: random.int(in: 0...(historyDays - 1)), days: 1, "Sick")
            }
            away(technician, from: random.int(in: 0...(historyDays - 1)), days: 1,
                 random.pick(["Training: manufacturer course", "Training: ASE recertification", "Training: hybrid safety"]))
        }
        guard technicians.count >= 2, ServiceDemo.horizonDays > 4 else { return absences }
        let onLeave = random.int(in: 0...(technicians.count - 1))
        away(technicians[onLeave], from: historyDays + random.int(in: 1...(ServiceDemo.horizonDays - 4)), days: 3,
             "Vacation")
        let training = (onLeave + 1 + random.int(in: 0...(technicians.count - 2))) % technicians.count
        away(technicians[training], from: historyDays + random.int(in: 1...(ServiceDemo.horizonDays - 1)), days: 1,
             "Training: EV high-voltage recertification")
        return absences.sorted { ($0.period.start, $0.id.description) < ($1.period.start, $1.id.description) }
    }
}

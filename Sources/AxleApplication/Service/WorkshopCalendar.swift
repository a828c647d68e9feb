import AxleDomain
import AxleStore

/// Loads what scheduling needs at one site over a stretch of time: its local calendar, its
/// technicians with their absences and booked time, and its bays with their booked time.
enum WorkshopCalendar {
    static func search(at site: Site, over period: Period, in stores: any StoreTransaction,
                       only technician: Technician? = nil, bay: Bay? = nil) async throws -> SlotSearch {
        let calendar = try await ServiceLookup.calendar(site, in: stores)
        let technicians: [Technician]
        if let technician { technicians = [technician] } else { technicians = try await stores.workshop.technicians(site: site.id) }
        let bays: [Bay]
        if let bay { bays = [bay] } else { bays = try await stores.workshop.bays(site: site.id) }
        let absences = try await stores.workshop.absences(of: technicians.map(\.id), overlapping: period)
        let blocks = try await stores.schedule.blocks(
            of: technicians.map { .technician($0.id) } + bays.map { .bay($0.id) }, overlapping: period)
        var technicianBusy: [Technician.ID: [Period]] = [:]
        var bayBusy: [Bay.ID: [Period]] = [:]
        for block in blocks {
            switch block.resource {
            case .technician(let id): technicianBusy[id, default: []].append(block.period)
            case .bay(let id): bayBusy[id, default: []].append(block.period)
            }
        }
        for absence in absences { technicianBusy[absence.technicianID, default: []].append(absence.period) }
        return SlotSearch(
            calendar: calendar,
            technicians: technicians.map { .init(technician: $0, unavailable: technicianBusy[$0.id] ?? []) },
            bays: bays.map { .init(bay: $0, booked: bayBusy[$0.id] ?? []) })
    }

    /// What a set of operations needs of a technician and a bay.
    static func requirement(of operations: [LaborOperation]) throws -> SlotSearch.Requirement {
        let hours = try operations.reduce(Quantity.zero) { try $0 + $1.standardHours }
        return SlotSearch.Requirement(skills: Set(operations.map(\.skill)), bayTypes: Set(operations.map(\.bayType)),
                                      minutes: LaborOperation.minutes(of: hours))
    }
}

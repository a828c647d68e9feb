import AxleDomain
import AxleStore

/// Gathers what `ServiceKPIs` measures at one site over one period.
enum ServiceKPIQuery {
    static func measure(at site: Site, over period: Period, now: Instant, in stores: any StoreTransaction) async throws
        -> ServiceKPIs
    {
        let calendar = try await ServiceLookup.calendar(site, in: stores)
        let completed = try await stores.repairOrders.completed(site: site.id, within: period)
        var comebacks: Set<RepairOrder.ID> = []
        for order in completed {
            guard let done = order.completedAt else { continue }
            let window = Period(start: done, end: done.adding(seconds: ServiceKPIs.comebackDays * 86_400))
            let later = try await stores.repairOrders.forVehicle(order.vehicleID, openedWithin: window)
            if later.contains(where: { ServiceKPIs.isComeback($0, of: order) }) { comebacks.insert(order.id) }
        }
        let technicians = try await stores.workshop.technicians(site: site.id)
        let absences = try await stores.workshop.absences(of: technicians.map(\.id), overlapping: period)
        let entries = try await stores.repairOrders.entries(site: site.id, within: period)
        let counted = Period(start: period.start, end: min(period.end, max(now, period.start)))
        let utilization = technicians.map { technician in
            let clocked = entries.filter { $0.technicianID == technician.id }.compactMap { entry in
                Period(start: entry.start, end: entry.end ?? counted.end).clipped(to: counted)
            }.reduce(Int64(0)) { $0 + $1.minutes }
            let available = ServiceKPIs.availableMinutes(
                of: technician, in: period, calendar: calendar,
                absences: absences.filter { $0.technicianID == technician.id }.map(\.period))
            return ServiceKPIs.Utilization(technicianId: technician.id, name: technician.name, clockedMinutes: clocked,
                                           availableMinutes: available)
        }
        return ServiceKPIs(from: period.start, to: period.end, completed: completed, comebacks: comebacks,
                           technicians: utilization,
                           opened: try await stores.repairOrders.opened(site: site.id, within: period))
    }
}

public import AxleDomain
import AxleStore

/// Cancels a booked appointment: its technician and bay time and its parts are released.
public struct CancelAppointment: Command {
    public let appointmentID: Appointment.ID

    public init(appointmentID: Appointment.ID) {
        self.appointmentID = appointmentID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.bookAppointments)
    }

    public func execute(in scope: WriteScope) async throws -> AppointmentView {
        let stores = scope.stores
        let before = try await ServiceLookup.bookedAppointment(appointmentID, in: scope)
        let after = try before.cancel(at: scope.now)
        for id in before.reservationIDs {
            if let reservation = try await stores.reservations.find(id: id), reservation.status == .open {
                _ = try await ReleaseReservation.release(reservation, in: scope)
            }
        }
        try await stores.schedule.remove(owner: .appointment(before.id))
        try await stores.appointments.update(after)
        try await scope.audit(.appointmentCancel, entityID: before.id.description,
                              before: before, after: after)
        let site = try await CatalogLookup.site(before.siteID, in: stores)
        return AppointmentView(after, calendar: try await ServiceLookup.calendar(site, in: stores))
    }
}

/// Moves a booked appointment to another time, technician or bay at the same site. Its parts
/// stay reserved; the new start must still find them at the site.
public struct RescheduleAppointment: Command {
    public struct Input: Sendable, Codable {
        public var start: Instant
        public var technicianId: Technician.ID
        public var bayId: Bay.ID

        public init(start: Instant, technicianId: Technician.ID, bayId: Bay.ID) {
            self.start = start
            self.technicianId = technicianId
            self.bayId = bayId
        }
    }

    public let appointmentID: Appointment.ID
    public let input: Input

    public init(appointmentID: Appointment.ID, input: Input) {
        self.appointmentID = appointmentID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.bookAppointments)
    }

    public func execute(in scope: WriteScope) async throws -> AppointmentView {
        let stores = scope.stores
        let before = try await ServiceLookup.bookedAppointment(appointmentID, in: scope)
        try BookAppointment.checkStart(input.start, now: scope.now)
        let site = try await CatalogLookup.site(before.siteID, in: stores)
        let operations = try await ServiceLookup.operations(before.operationIDs, in: stores, field: "operationIds")
        let requirement = try WorkshopCalendar.requirement(of: operations)
        let period = Period(start: input.start, end: input.start.adding(seconds: requirement.minutes * 60))
        let (technician, bay) = try await BookAppointment.lockResources(
            technician: input.technicianId, bay: input.bayId, at: site, for: requirement, in: stores)
        try await stores.schedule.remove(owner: .appointment(before.id))
        let search = try await WorkshopCalendar.search(at: site, over: period, in: stores, only: technician, bay: bay)
        try search.check(technician: technician.id, bay: bay.id, for: period)
        try await Self.checkParts(of: before, by: period.start, calendar: search.calendar, in: stores)
        let after = try before.reschedule(to: period, technician: technician.id, bay: bay.id, at: scope.now)
        try await stores.appointments.update(after)
        try await stores.schedule.insert(BookAppointment.blocks(for: after, in: scope))
        try await scope.audit(.appointmentReschedule, entityID: before.id.description,
                              before: before, after: after)
        return AppointmentView(after, calendar: search.calendar)
    }

    /// A reservation still waiting for stock must expect it by the new start.
    private static func checkParts(of appointment: Appointment, by start: Instant, calendar: SiteCalendar,
                                   in stores: any StoreTransaction) async throws {
        var late: [PartNumber] = []
        for id in appointment.reservationIDs {
            guard let reservation = try await stores.reservations.find(id: id), reservation.backordered.isPositive
            else { continue }
            let inbound = try await stores.inbound.expected(part: reservation.partID, site: appointment.siteID)
            let byStart = try inbound.filter { calendar.instant(on: $0.expected, at: TimeOfDay(minutes: 0)!) <= start }
                .reduce(Quantity.zero) { try $0 + $1.quantity }
            if byStart < reservation.backordered {
                late.append(try await CatalogLookup.part(reservation.partID, in: stores).number)
            }
        }
        guard late.isEmpty else { throw ServiceError.partsNotReady(parts: late) }
    }
}

public import AxleDomain
import AxleStore

/// Books a slot: in one transaction, the technician's time, the bay's time and the kit's
/// parts (priority "scheduled service", needed by the slot's start). The technician and bay
/// rows are locked first, so of two bookings racing for one slot exactly one wins and the
/// other gets `service.booking.slot_taken`.
public struct BookAppointment: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var customerId: Customer.ID
        public var vehicleId: Vehicle.ID
        public var operationIds: [LaborOperation.ID]
        public var start: Instant
        public var technicianId: Technician.ID
        public var bayId: Bay.ID
        public var concern: String

        public init(siteId: Site.ID, customerId: Customer.ID, vehicleId: Vehicle.ID, operationIds: [LaborOperation.ID],
                    start: Instant, technicianId: Technician.ID, bayId: Bay.ID, concern: String) {
            self.siteId = siteId
            self.customerId = customerId
            self.vehicleId = vehicleId
            self.operationIds = operationIds
            self.start = start
            self.technicianId = technicianId
            self.bayId = bayId
            self.concern = concern
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.bookAppointments, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> AppointmentView {
        let stores = scope.stores
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let customer = try await ServiceLookup.customer(input.customerId, in: stores)
        let vehicle = try await ServiceLookup.vehicle(input.vehicleId, in: stores)
        let operations = try await ServiceLookup.operations(input.operationIds, in: stores, field: "operationIds")
        let concern = try Validate.text(input.concern, field: "concern", maximumLength: 500)
        try BookAppointment.checkStart(input.start, now: scope.now)
        let requirement = try WorkshopCalendar.requirement(of: operations)
        let period = Period(start: input.start, end: input.start.adding(seconds: requirement.minutes * 60))
        let (technician, bay) = try await Self.lockResources(
            technician: input.technicianId, bay: input.bayId, at: site, for: requirement, in: stores)
        let search = try await WorkshopCalendar.search(at: site, over: period, in: stores, only: technician, bay: bay)
        try search.check(technician: technician.id, bay: bay.id, for: period)
        let id: Appointment.ID = scope.newID()
        let kit = try await PartsKit.resolve(operations, for: vehicle, at: site, now: scope.now, in: stores)
        let reservations = try await Self.reserve(kit, at: site, for: period, demand: Demand(kind: .appointment,
                                                  reference: id.description), calendar: search.calendar, in: scope)
        let appointment = Appointment(
            id: id, siteID: site.id, customerID: customer.id, vehicleID: vehicle.id, operationIDs: operations.map(\.id),
            technicianID: technician.id, bayID: bay.id, period: period, concern: concern,
            reservationIDs: reservations.map(\.id), createdBy: scope.caller.principal.id, createdAt: scope.now)
        try await stores.appointments.insert([appointment])
        try await stores.schedule.insert(Self.blocks(for: appointment, in: scope))
        try await scope.audit(.appointmentBook, entityID: appointment.id.description,
                              before: Appointment?.none, after: appointment)
        return AppointmentView(appointment, calendar: search.calendar)
    }

    /// How far ahead work may be booked.
    static let bookingHorizonDays: Int64 = 366

    /// A start lies between now and the booking horizon.
    static func checkStart(_ start: Instant, now: Instant) throws {
        guard start >= now else { throw ValidationError(field: "start", reason: "is in the past") }
        guard start < now.adding(seconds: bookingHorizonDays * 86_400) else {
            throw ValidationError(field: "start", reason: "is more than \(bookingHorizonDays) days ahead")
        }
    }

    /// Locks the technician's and the bay's rows, after checking they belong to the site and suit the work.
    static func lockResources(technician technicianID: Technician.ID, bay bayID: Bay.ID, at site: Site,
                              for requirement: SlotSearch.Requirement, in stores: any StoreTransaction)
        async throws -> (Technician, Bay)
    {
        let technician = try await ServiceLookup.technician(technicianID, in: stores, forUpdate: true)
        guard technician.siteID == site.id else {
            throw ServiceError.notAtSite(.technician, technician.id.description, site: site.code)
        }
        guard technician.has(requirement.skills) else {
            throw ServiceError.noQualifiedTechnician(skills: requirement.skills.sorted { $0.rawValue < $1.rawValue })
        }
        let bay = try await ServiceLookup.bay(bayID, in: stores, forUpdate: true)
        guard bay.siteID == site.id else { throw ServiceError.notAtSite(.bay, bay.code.rawValue, site: site.code) }
        guard bay.type.canHost(requirement.bayTypes) else {
            throw ServiceError.noSuitableBay(types: requirement.bayTypes.sorted { $0.rawValue < $1.rawValue })
        }
        return (technician, bay)
    }

    /// Reserves the kit for work in `period`: what is free now is reserved, what arrives by
    /// transfer before the start is backordered (incoming stock serves backorders first).
    /// Throws when some part cannot be at the site by the start.
    static func reserve(_ kit: PartsKit, at site: Site, for period: Period, demand: Demand, calendar: SiteCalendar,
                        in scope: WriteScope) async throws -> [Reservation] {
        try await Reserve.lock(kit.needs.flatMap(\.supply), at: site, in: scope.stores)
        let readiness = try await PartsReadiness.assess(kit, at: site.id, calendar: calendar, now: scope.now,
                                                        in: scope.stores)
        let missing = readiness.missing(by: period.start, calendar: calendar)
        guard missing.isEmpty else { throw ServiceError.partsNotReady(parts: missing) }
        var reservations: [Reservation] = []
        for need in kit.needs {
            let commitment = try await Reserve.commit(
                need.quantity, from: need.supply, at: site, to: demand, priority: .scheduledService,
                needBy: calendar.local(period.start).date, allowPartial: true, backorder: true, in: scope)
            reservations += commitment.shares.map { $0.reservation }
        }
        return reservations
    }

    /// The technician's and the bay's time for the appointment.
    static func blocks(for appointment: Appointment, in scope: WriteScope) -> [ScheduleBlock] {
        [ScheduleBlock(id: scope.newID(), resource: .technician(appointment.technicianID), period: appointment.period,
                       owner: .appointment(appointment.id)),
         ScheduleBlock(id: scope.newID(), resource: .bay(appointment.bayID), period: appointment.period,
                       owner: .appointment(appointment.id))]
    }
}

/// An appointment as the API shows it: its fields, with `start` and `end` in the site's
/// local time and offset.
public struct AppointmentView: Sendable, Encodable {
    public let appointment: Appointment
    public let start: String
    public let end: String

    init(_ appointment: Appointment, calendar: SiteCalendar) {
        self.appointment = appointment
        self.start = calendar.text(appointment.period.start)
        self.end = calendar.text(appointment.period.end)
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public func encode(to encoder: any Encoder) throws {
        try appointment.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

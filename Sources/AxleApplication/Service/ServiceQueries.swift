public import AxleDomain
public import AxleStore

/// Read-only questions about the workshop: setup, customers, slots, appointments, repair orders.
/// Per-site questions are limited to the caller's sites.
public struct ServiceQueries: Sendable {
    let runner: QueryRunner
    let clock: Clock

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
        self.clock = dependencies.clock
    }

    public func slots(_ input: SearchSlots.Input, as caller: Caller) async throws -> SearchSlots.Result {
        try caller.principal.authorize(.bookAppointments, at: input.siteId)
        let now = clock.now()
        return try await runner.read(.bookAppointments, as: caller) {
            try await SearchSlots(input).run(in: $0, now: now, for: caller.principal)
        }
    }

    /// Upcoming appointments (within `days`) and open orders at a site whose parts are not covered by their start.
    public func atRisk(site: Site.ID, days: Int, as caller: Caller) async throws -> JobsAtRisk {
        try caller.principal.authorize(.readService, at: site)
        let days = try Validate.range(days, 1...60, field: "days")
        let now = clock.now()
        return try await runner.read(.readService, as: caller) { stores in
            try await JobsAtRisk.list(at: try await CatalogLookup.site(site, in: stores), days: days, now: now, in: stores)
        }
    }

    /// The workshop KPIs at a site over `[from, to)` (see `ServiceKPIs` for the definitions).
    public func kpis(site: Site.ID, from: Instant, to: Instant, as caller: Caller) async throws -> ServiceKPIs {
        try caller.principal.authorize(.readService, at: site)
        guard from < to else { throw ValidationError(field: "to", reason: "must be after from") }
        guard to.microseconds - from.microseconds <= 400 * 86_400_000_000 else {
            throw ValidationError(field: "to", reason: "a period is at most 400 days")
        }
        let now = clock.now()
        return try await runner.read(.readService, as: caller) { stores in
            try await ServiceKPIQuery.measure(at: try await CatalogLookup.site(site, in: stores),
                                              over: Period(start: from, end: to), now: now, in: stores)
        }
    }

    public func settings(site: Site.ID, as caller: Caller) async throws -> ServiceSettings {
        try caller.principal.authorize(.readService, at: site)
        return try await runner.read(.readService, as: caller) { stores in
            let site = try await CatalogLookup.site(site, in: stores)
            guard let settings = try await stores.serviceSettings.find(site: site.id) else {
                throw ServiceError.notFound(.settings, site.code.rawValue)
            }
            return settings
        }
    }

    /// In code order.
    public func laborOperations(_ page: PageRequest<Code>, as caller: Caller) async throws -> [LaborOperation] {
        try await runner.read(.readService, as: caller) { try await $0.laborOperations.list(page) }
    }

    public func laborOperation(_ id: LaborOperation.ID, as caller: Caller) async throws -> LaborOperation {
        try await runner.read(.readService, as: caller) {
            try await ServiceLookup.operations([id], in: $0, field: "id")[0]
        }
    }

    public func technicians(site: Site.ID, as caller: Caller) async throws -> [Technician] {
        try caller.principal.authorize(.readService, at: site)
        return try await runner.read(.readService, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await stores.workshop.technicians(site: site)
        }
    }

    public func bays(site: Site.ID, as caller: Caller) async throws -> [Bay] {
        try caller.principal.authorize(.readService, at: site)
        return try await runner.read(.readService, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await stores.workshop.bays(site: site)
        }
    }

    /// A customer and the vehicles they own.
    public struct CustomerDetail: Sendable, Encodable {
        public let customer: Customer
        public let vehicles: [CustomerVehicle]
    }

    public func customer(_ id: Customer.ID, as caller: Caller) async throws -> CustomerDetail {
        try await runner.read(.readService, as: caller) { stores in
            let customer = try await ServiceLookup.customer(id, in: stores)
            return CustomerDetail(customer: customer, vehicles: try await stores.customers.vehicles(of: customer.id))
        }
    }

    public func customers(nameContains: String?, _ page: PageRequest<String>, as caller: Caller) async throws
        -> [Customer]
    {
        try await runner.read(.readService, as: caller) { try await $0.customers.list(nameContains: nameContains, page) }
    }

    public func appointment(_ id: Appointment.ID, as caller: Caller) async throws -> AppointmentView {
        try await runner.read(.readService, as: caller) { stores in
            let appointment = try await ServiceLookup.appointment(id, in: stores, forUpdate: false)
            try caller.principal.authorize(.readService, at: appointment.siteID)
            let site = try await CatalogLookup.site(appointment.siteID, in: stores)
            return AppointmentView(appointment, calendar: try await ServiceLookup.calendar(site, in: stores))
        }
    }

    /// Appointments at a site starting from `from` (default now) for `days` days, by start.
    public func appointments(site: Site.ID, from: Instant?, days: Int, status: Appointment.Status?, as caller: Caller)
        async throws -> [AppointmentView]
    {
        try caller.principal.authorize(.readService, at: site)
        let days = try Validate.range(days, 1...60, field: "days")
        let start = from ?? clock.now()
        return try await runner.read(.readService, as: caller) { stores in
            let site = try await CatalogLookup.site(site, in: stores)
            let calendar = try await ServiceLookup.calendar(site, in: stores)
            let period = Period(start: start, end: start.adding(seconds: Int64(days) * 86_400))
            return try await stores.appointments.list(site: site.id, starting: period, status: status)
                .map { AppointmentView($0, calendar: calendar) }
        }
    }

    public func repairOrder(_ id: RepairOrder.ID, as caller: Caller) async throws -> RepairOrderView {
        try await runner.read(.readService, as: caller) { stores in
            let order = try await ServiceLookup.repairOrder(id, in: stores, forUpdate: false)
            try caller.principal.authorize(.readService, at: order.siteID)
            return try await RepairOrderView.make(order, in: stores)
        }
    }

    /// Newest first.
    public func repairOrders(site: Site.ID, status: RepairOrderStatus?, _ page: PageRequest<String>, as caller: Caller)
        async throws -> [RepairOrder]
    {
        try caller.principal.authorize(.readService, at: site)
        return try await runner.read(.readService, as: caller) {
            try await $0.repairOrders.list(site: site, status: status, page)
        }
    }

    /// The time clocked on an order.
    public func timeEntries(of id: RepairOrder.ID, as caller: Caller) async throws -> [TimeEntry] {
        try await runner.read(.readService, as: caller) { stores in
            let order = try await ServiceLookup.repairOrder(id, in: stores, forUpdate: false)
            try caller.principal.authorize(.readService, at: order.siteID)
            return try await stores.repairOrders.entries(of: order.id)
        }
    }
}

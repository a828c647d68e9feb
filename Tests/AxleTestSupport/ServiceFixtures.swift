public import AxleApplication
public import AxleDomain

/// Workshop set-up for service scenarios: settings, technicians, bays, operations, customers.
extension Fixtures {
    /// Labor at 120.00 an hour, 8.25 % tax, customer approval beyond 10 % over the approved total.
    @discardableResult
    public func serviceSettings(at site: Site, threshold: SaveServiceSettings.Input.Threshold = .init(kind: .percent, value: "10"),
                                holidays: [CalendarDate] = []) async throws -> ServiceSettings {
        try await services.commands.run(SaveServiceSettings(siteID: site.id, input: .init(
            laborRate: "120.00", taxRate: Percentage(basisPoints: 825),
            approvalThreshold: threshold, holidays: holidays)), as: Self.system)
    }

    /// Monday to Friday, 08:00–17:00 local, unless told otherwise.
    public func technician(_ name: String, at site: Site, skills: Set<Skill>,
                           shifts: [WorkingWindow] = WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("08:00")!,
                                                                        to: TimeOfDay("17:00")!),
                           user: Caller? = nil) async throws -> Technician {
        try await services.commands.run(CreateTechnician(.init(
            siteId: site.id, name: name, skills: skills, shifts: shifts, principalId: user?.principal.id)),
            as: Self.system)
    }

    /// Open Monday to Friday, 08:00–17:00 local, unless told otherwise.
    public func bay(_ code: String, _ type: BayType, at site: Site,
                    hours: [WorkingWindow] = WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("08:00")!,
                                                                 to: TimeOfDay("17:00")!)) async throws -> Bay {
        try await services.commands.run(CreateBay(.init(siteId: site.id, code: Code(code)!, type: type, hours: hours)),
                                        as: Self.system)
    }

    public func operation(_ code: String, hours: Int64, skill: Skill, bay: BayType = .generalLift,
                          kit: [(Part, Int64)] = []) async throws -> LaborOperation {
        try await services.commands.run(CreateLaborOperation(.init(
            code: Code(code)!, description: "Operation \(code)", standardHours: Quantity(units: hours), skill: skill,
            bayType: bay, kit: kit.map { .init(partId: $0.0.id, quantity: Quantity(units: $0.1)) })), as: Self.system)
    }

    /// A private customer with a 2014 Ford Focus.
    public func customerWithVehicle(_ name: String = "Dana Whitfield", serial: String = "123456") async throws
        -> (Customer, Vehicle)
    {
        let customer = try await services.commands.run(CreateCustomer(.init(kind: .person, name: name)), as: Self.system)
        let draft = "1FADP3K20EL" + serial
        let check = VIN.checkDigit(for: draft)!
        let vin = try VIN(validating: String(draft.prefix(8)) + String(check) + String(draft.dropFirst(9)))
        let vehicle = try await services.commands.run(RegisterVehicle(.init(vin: vin, model: "Focus")), as: Self.system)
        _ = try await services.commands.run(AddCustomerVehicle(customerID: customer.id, input: .init(vehicleId: vehicle.id)),
                                            as: Self.system)
        return (customer, vehicle)
    }

    /// The first slot the search offers at `site`.
    public func firstSlot(for operations: [LaborOperation], vehicle: Vehicle, at site: Site, from: Instant? = nil,
                          days: Int = 14) async throws -> SearchSlots.Slot? {
        try await services.service.slots(.init(siteId: site.id, vehicleId: vehicle.id, operationIds: operations.map(\.id),
                                               from: from, days: days), as: Self.system).slots.first
    }

    public func book(_ slot: SearchSlots.Slot, operations: [LaborOperation], customer: Customer, vehicle: Vehicle,
                     as caller: Caller = Fixtures.system) async throws -> AppointmentView {
        try await services.commands.run(BookAppointment(.init(
            siteId: slot.siteId, customerId: customer.id, vehicleId: vehicle.id, operationIds: operations.map(\.id),
            start: Instant(iso8601: slot.start)!, technicianId: slot.technicianId, bayId: slot.bayId,
            concern: "Grinding noise when braking")), as: caller)
    }
}

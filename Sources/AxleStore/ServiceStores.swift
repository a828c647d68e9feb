public import AxleDomain

/// Customers, the vehicles they own and the odometer readings taken when those come in.
public protocol CustomerStore: Sendable {
    func insert(_ customers: [Customer]) async throws
    func update(_ customer: Customer) async throws
    func find(id: Customer.ID) async throws -> Customer?
    /// The customer with this account number (unique among customers; compared as written).
    func find(accountNumber: String) async throws -> Customer?
    /// By name (case-insensitive words in order of name), in name order then id; `after` is the last name+id key.
    func list(nameContains: String?, _ page: PageRequest<String>) async throws -> [Customer]
    func addVehicles(_ links: [CustomerVehicle]) async throws
    func vehicles(of customer: Customer.ID) async throws -> [CustomerVehicle]
    /// The customers a vehicle belongs to.
    func owners(of vehicle: Vehicle.ID) async throws -> [CustomerVehicle]
    func recordMileage(_ readings: [MileageReading]) async throws
    /// Newest first.
    func mileage(of vehicle: Vehicle.ID) async throws -> [MileageReading]
}

extension Customer {
    /// The key `CustomerStore.list` pages by: the lower-cased name, then the id. The last
    /// customer's key, passed as `after`, gives the next page.
    public var pageKey: String { name.lowercased() + "\u{1F}" + id.description }
}

/// Labor operations and their standard parts kits.
public protocol LaborOperationStore: Sendable {
    func insert(_ operations: [LaborOperation]) async throws
    func update(_ operation: LaborOperation) async throws
    func find(id: LaborOperation.ID) async throws -> LaborOperation?
    func find(code: Code) async throws -> LaborOperation?
    func find(ids: [LaborOperation.ID]) async throws -> [LaborOperation]
    /// In code order.
    func list(_ page: PageRequest<Code>) async throws -> [LaborOperation]
}

/// Technicians, their absences, and bays.
public protocol WorkshopStore: Sendable {
    func insert(_ technicians: [Technician]) async throws
    func update(_ technician: Technician) async throws
    /// With `forUpdate`, a booking that takes this technician's time waits for another one
    /// doing the same, so two bookings cannot both take one slot.
    func technician(id: Technician.ID, forUpdate: Bool) async throws -> Technician?
    func technician(principal: Principal.ID) async throws -> Technician?
    /// In name order.
    func technicians(site: Site.ID) async throws -> [Technician]
    func insert(_ absences: [Absence]) async throws
    /// Absences of these technicians overlapping `period`.
    func absences(of technicians: [Technician.ID], overlapping period: Period) async throws -> [Absence]
    func insert(_ bays: [Bay]) async throws
    func update(_ bay: Bay) async throws
    /// With `forUpdate`, as for technicians.
    func bay(id: Bay.ID, forUpdate: Bool) async throws -> Bay?
    /// In code order.
    func bays(site: Site.ID) async throws -> [Bay]
}

/// Each site's workshop settings.
public protocol ServiceSettingsStore: Sendable {
    /// Inserts or replaces the site's settings.
    func save(_ settings: ServiceSettings) async throws
    func find(site: Site.ID) async throws -> ServiceSettings?
}

/// Booked time of technicians and bays.
public protocol ScheduleStore: Sendable {
    func insert(_ blocks: [ScheduleBlock]) async throws
    /// Removes every block the owner holds.
    func remove(owner: ScheduleBlock.Owner) async throws
    /// Blocks of these resources overlapping `period`.
    func blocks(of resources: [ScheduleBlock.Resource], overlapping period: Period) async throws -> [ScheduleBlock]
    func blocks(owner: ScheduleBlock.Owner) async throws -> [ScheduleBlock]
}

/// Appointments.
public protocol AppointmentStore: Sendable {
    func insert(_ appointments: [Appointment]) async throws
    func update(_ appointment: Appointment) async throws
    func find(id: Appointment.ID, forUpdate: Bool) async throws -> Appointment?
    /// Appointments at a site starting within `period`, by start then id.
    func list(site: Site.ID, starting period: Period, status: Appointment.Status?) async throws -> [Appointment]
}

/// Repair orders with their lines, and the time clocked on them.
public protocol RepairOrderStore: Sendable {
    /// The next order number of the company (1, 2, …); numbers are never reused.
    func nextNumber() async throws -> Int64
    func insert(_ orders: [RepairOrder]) async throws
    /// Writes the order and replaces its lines.
    func update(_ order: RepairOrder) async throws
    func find(id: RepairOrder.ID, forUpdate: Bool) async throws -> RepairOrder?
    /// Newest first; `after` is the last id seen.
    func list(site: Site.ID?, status: RepairOrderStatus?, _ page: PageRequest<String>) async throws -> [RepairOrder]
    /// Open orders at a site (not completed, invoiced, closed or cancelled).
    func open(site: Site.ID) async throws -> [RepairOrder]
    /// Orders at a site opened within `period`, with any status.
    func opened(site: Site.ID, within period: Period) async throws -> [RepairOrder]
    /// Orders at a site completed within `period` (whatever their status since), by completion.
    func completed(site: Site.ID, within period: Period) async throws -> [RepairOrder]
    /// Orders for a vehicle opened within `period`, with any status.
    func forVehicle(_ vehicle: Vehicle.ID, openedWithin period: Period) async throws -> [RepairOrder]
    func insert(_ entries: [TimeEntry]) async throws
    func update(_ entry: TimeEntry) async throws
    /// The entry a technician is clocked on to now, if any.
    func openEntry(technician: Technician.ID) async throws -> TimeEntry?
    func entries(of order: RepairOrder.ID) async throws -> [TimeEntry]
    /// Entries of a site's technicians starting within `period`.
    func entries(site: Site.ID, within period: Period) async throws -> [TimeEntry]
}

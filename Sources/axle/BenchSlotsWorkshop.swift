import AxleApplication
import AxleDomain
import Foundation

/// The busy workshop `axle bench slots` searches: a site of its own, created through the use
/// cases, with technicians of mixed skills on split shifts, bays of the four types, a few
/// absences, operations with parts kits stocked at the site, and one customer's vehicle.
struct BenchSlotsWorkshop: Sendable {
    let site: Site
    let customer: Customer
    let vehicle: Vehicle
    let operations: [LaborOperation]
    let technicians: [Technician]
    let absences: [Absence]

    static let caller = Caller(principal: .system, requestID: "bench-slots")
    static let timeZone = "America/Chicago"

    /// Technicians work 08:00–12:00 and 12:30–17:00 on weekdays; bays are open 07:30–17:30.
    static let shifts = WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("08:00")!, to: TimeOfDay("12:00")!)
        + WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("12:30")!, to: TimeOfDay("17:00")!)
    static let bayHours = WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("07:30")!, to: TimeOfDay("17:30")!)

    /// Creates the workshop under a site code of its own (`BSL-` and four random hex digits), so
    /// that runs on one database do not collide.
    static func create(through services: AxleServices, technicians count: Int, bays bayCount: Int) async throws
        -> BenchSlotsWorkshop
    {
        let run = String(UInt16.random(in: 0x1000...0xFFFF), radix: 16, uppercase: true)
        let commands = services.commands
        let site = try await commands.run(CreateSite(.init(
            code: Code("BSL-\(run)")!, name: "Slot benchmark workshop \(run)", kind: .workshop,
            location: GeoPoint(latitude: 41.88, longitude: -87.63)!, timeZone: timeZone)), as: caller)
        _ = try await commands.run(SaveServiceSettings(siteID: site.id, input: .init(
            laborRate: "150.00", taxRate: Percentage(basisPoints: 825),
            approvalThreshold: .init(kind: .percent, value: "10"))), as: caller)
        let bin = try await commands.run(CreateBin(siteID: site.id, input: .init(code: Code("A-01")!)), as: caller)
        var parts: [Part] = []
        for (index, (name, category)) in [("Brake pad set", PartCategory.brakes), ("Engine oil", .fluids)].enumerated() {
            let part = try await commands.run(CreatePart(.init(
                number: PartNumber("BSL-\(run)-\(index + 1)")!, description: "\(name), bench", brand: "Bench",
                category: category, unit: .each, cost: "10.00", listPrice: "20.00")), as: caller)
            _ = try await commands.run(ReceiveStock(.init(
                siteId: site.id, binId: bin.id, partId: part.id, quantity: Quantity(units: 1_000_000),
                reference: "BENCH-SLOTS")), as: caller)
            parts.append(part)
        }
        let operations = try await createOperations(run: run, parts: parts, through: services)
        var technicians: [Technician] = []
        for index in 0..<count {
            technicians.append(try await commands.run(CreateTechnician(.init(
                siteId: site.id, name: "Technician \(index + 1)", skills: skills(of: index), shifts: shifts)),
                as: caller))
        }
        let types: [BayType] = [.alignment, .evBay, .heavyDuty]
        for index in 0..<bayCount {
            _ = try await commands.run(CreateBay(.init(
                siteId: site.id, code: Code("BAY-\(index + 1)")!,
                type: index < types.count ? types[index] : .generalLift, hours: bayHours)), as: caller)
        }
        // Two technicians are away for part of the fortnight: leave, and a training day.
        let now = services.dependencies.clock.now()
        var absences: [Absence] = []
        for (technician, days) in zip(technicians.prefix(2), [(3, 6), (8, 9)]) {
            absences.append(try await commands.run(RecordAbsence(technicianID: technician.id, input: .init(
                start: now.adding(seconds: Int64(days.0) * 86_400), end: now.adding(seconds: Int64(days.1) * 86_400),
                reason: "Bench absence")), as: caller))
        }
        let customer = try await commands.run(CreateCustomer(.init(kind: .person, name: "Bench Customer \(run)")),
                                              as: caller)
        let vehicle = try await commands.run(RegisterVehicle(.init(vin: try vin(run), model: "Focus")), as: caller)
        _ = try await commands.run(AddCustomerVehicle(customerID: customer.id, input: .init(vehicleId: vehicle.id)),
                                   as: caller)
        return BenchSlotsWorkshop(site: site, customer: customer, vehicle: vehicle, operations: operations,
                                  technicians: technicians, absences: absences)
    }

    /// Brakes with a two-part kit, an oil service with a kit, an alignment and a diagnosis.
    private static func createOperations(run: String, parts: [Part], through services: AxleServices) async throws
        -> [LaborOperation]
    {
        let table: [(String, Int64, Skill, BayType, [(Part, Int64)])] = [
            ("BRK", 1_500, .brakes, .generalLift, [(parts[0], 1), (parts[1], 1)]),
            ("SVC", 1_000, .general, .generalLift, [(parts[1], 5)]),
            ("ALN", 1_000, .alignment, .alignment, []),
            ("DIAG", 1_250, .diagnostics, .generalLift, []),
        ]
        var operations: [LaborOperation] = []
        for (code, hours, skill, bay, kit) in table {
            operations.append(try await services.commands.run(CreateLaborOperation(.init(
                code: Code("BSL-\(run)-\(code)")!, description: "Bench \(code)", standardHours: Quantity(milli: hours),
                skill: skill, bayType: bay,
                kit: kit.map { .init(partId: $0.0.id, quantity: Quantity(units: $0.1)) })), as: caller))
        }
        return operations
    }

    /// Everyone does general work; brakes, electrical, alignment and diagnostics are spread
    /// over the team, as on a real shop floor.
    private static func skills(of index: Int) -> Set<Skill> {
        var skills: Set<Skill> = [.general]
        if index % 3 != 2 { skills.insert(.brakes) }
        if index % 3 == 1 { skills.insert(.alignment) }
        if index % 4 == 0 { skills.insert(.diagnostics) }
        if index % 2 == 0 { skills.insert(.electrical) }
        return skills
    }

    /// A Ford VIN with a valid check digit, its serial from the run.
    private static func vin(_ run: String) throws -> VIN {
        let serial = String(Int(run, radix: 16)! % 1_000_000)
        let draft = "1FADP3K20EL" + String(repeating: "0", count: 6 - serial.count) + serial
        let check = VIN.checkDigit(for: draft)!
        return try VIN(validating: String(draft.prefix(8)) + String(check) + String(draft.dropFirst(9)))
    }

    /// Minutes the technicians work in `period`, less absences.
    func capacity(over period: Period) -> Int64 {
        let calendar = SiteCalendar(timeZone: TimeZone(identifier: Self.timeZone)!)
        return technicians.reduce(0) { total, technician in
            total + ServiceKPIs.availableMinutes(
                of: technician, in: period, calendar: calendar,
                absences: absences.filter { $0.technicianID == technician.id }.map(\.period))
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// The service stores' contract: every backend stores and finds customers, the workshop,
/// bookings and repair orders alike.
@Suite("Service stores")
struct ServiceStoreContractTests {
    // MARK: Customers

    @Test(arguments: TestBackend.available)
    func customersRoundTripWithAndWithoutOptionalFields(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let fleet = Customer(id: id(1), kind: .fleet, name: "Lakeside Logistics", email: "fleet@lakeside.example",
                                 phone: "+1 312 555 0100", accountNumber: "F-0042")
            let person = Customer(id: id(2), kind: .person, name: "Dana Reyes")
            try await database.write { try await $0.customers.insert([fleet, person]) }
            #expect(try await database.read { try await $0.customers.find(id: fleet.id) } == fleet)
            #expect(try await database.read { try await $0.customers.find(id: person.id) } == person)
            #expect(try await database.read { try await $0.customers.find(id: id(3)) } == nil)

            var changed = fleet
            changed.kind = .person
            changed.name = "Lakeside Logistics LLC"
            changed.email = nil
            changed.phone = nil
            changed.accountNumber = nil
            let updated = changed
            try await database.write { try await $0.customers.update(updated) }
            #expect(try await database.read { try await $0.customers.find(id: fleet.id) } == updated)
        }
    }

    @Test(arguments: TestBackend.available)
    func customersListInCaseInsensitiveNameOrderByWordsWithCursor(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let names = ["dana Reyes", "Anna Berg", "Dana Reyes", "Lakeside 100% Fleet", "Bob Dana"]
            try await database.write { stores in
                try await stores.customers.insert(names.enumerated().map { index, name in
                    Customer(id: id(index + 1), kind: .person, name: name)
                })
            }
            func list(_ words: String?, after: String? = nil, limit: Int = 10) async throws -> [Customer] {
                try await database.read { stores in
                    try await stores.customers.list(nameContains: words, PageRequest(after: after, limit: limit))
                }
            }
            // Equal names (ignoring case) keep their id order.
            #expect(try await list(nil).map(\.name)
                == ["Anna Berg", "Bob Dana", "dana Reyes", "Dana Reyes", "Lakeside 100% Fleet"])
            #expect(try await list("DANA").map(\.name) == ["Bob Dana", "dana Reyes", "Dana Reyes"])
            #expect(try await list("reyes  dana").map(\.name) == ["dana Reyes", "Dana Reyes"])
            #expect(try await list("100%").map(\.name) == ["Lakeside 100% Fleet"])
            #expect(try await list("_").isEmpty)
            let first = try await list(nil, limit: 3)
            #expect(first.map(\.id) == [id(2), id(5), id(1)])
            let rest = try await list(nil, after: first.last!.pageKey, limit: 3)
            #expect(rest.map(\.id) == [id(3), id(4)])
            let danas = try await list("dana", after: first.last!.pageKey)
            #expect(danas.map(\.id) == [id(3)])
        }
    }

    @Test(arguments: TestBackend.available)
    func customerVehiclesOwnersAndMileageNewestFirst(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let fleet = Customer(id: id(1), kind: .fleet, name: "Lakeside Logistics")
            let person = Customer(id: id(2), kind: .person, name: "Anna Berg")
            let links = [
                CustomerVehicle(customerID: fleet.id, vehicleID: world.vehicles[0].id),
                CustomerVehicle(customerID: fleet.id, vehicleID: world.vehicles[1].id, unitNumber: "U-7"),
                CustomerVehicle(customerID: person.id, vehicleID: world.vehicles[0].id, unitNumber: nil),
            ]
            let readings = [
                MileageReading(vehicleID: world.vehicles[0].id, at: hour(0), kilometres: 41_200),
                MileageReading(vehicleID: world.vehicles[0].id, at: hour(48), kilometres: 41_950),
                MileageReading(vehicleID: world.vehicles[0].id, at: hour(24), kilometres: 41_500),
                MileageReading(vehicleID: world.vehicles[1].id, at: hour(24), kilometres: 12),
            ]
            try await database.write { stores in
                try await stores.customers.insert([fleet, person])
                try await stores.customers.addVehicles(links)
                try await stores.customers.recordMileage(readings)
            }
            // A customer's vehicles come in VIN order; a vehicle's owners in name order.
            let vehicles = try await database.read { try await $0.customers.vehicles(of: fleet.id) }
            #expect(vehicles == [links[1], links[0]])
            let owners = try await database.read { try await $0.customers.owners(of: world.vehicles[0].id) }
            #expect(owners == [links[2], links[0]])
            let mileage = try await database.read { try await $0.customers.mileage(of: world.vehicles[0].id) }
            #expect(mileage == [readings[1], readings[2], readings[0]])

            await #expect(throws: StoreError.self) {
                try await database.write { stores in
                    try await stores.customers.addVehicles([CustomerVehicle(customerID: fleet.id,
                                                                            vehicleID: world.vehicles[1].id)])
                }
            }
        }
    }

    // MARK: Labor operations

    @Test(arguments: TestBackend.available)
    func laborOperationsRoundTripWithTheirKitsInOrder(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let pads = LaborOperation(
                id: id(1), code: Code("BRK-PAD-F")!, description: "Replace front brake pads",
                standardHours: Quantity(milli: 1_200), skill: .brakes, bayType: .generalLift,
                kit: [LaborOperation.KitLine(partID: world.parts[2].id, quantity: Quantity(units: 1)),
                      LaborOperation.KitLine(partID: world.parts[0].id, quantity: Quantity(milli: 500))])
            let align = LaborOperation(id: id(2), code: Code("ALIGN-4W")!, description: "Four-wheel alignment",
                                       standardHours: Quantity(units: 1), skill: .alignment, bayType: .alignment, kit: [])
            try await database.write { try await $0.laborOperations.insert([pads, align]) }
            #expect(try await database.read { try await $0.laborOperations.find(id: pads.id) } == pads)
            #expect(try await database.read { try await $0.laborOperations.find(code: Code("align-4w")!) } == align)
            #expect(try await database.read { try await $0.laborOperations.find(ids: [pads.id, align.id, id(9)]) }
                == [align, pads])
            #expect(try await database.read { try await $0.laborOperations.find(ids: []) } == [])

            var changed = pads
            changed.description = "Replace front brake pads and sensor"
            changed.standardHours = Quantity(milli: 1_500)
            changed.skill = .general
            changed.bayType = .heavyDuty
            changed.kit = [LaborOperation.KitLine(partID: world.parts[1].id, quantity: Quantity(units: 2)),
                           LaborOperation.KitLine(partID: world.parts[2].id, quantity: Quantity(units: 1))]
            let updated = changed
            try await database.write { try await $0.laborOperations.update(updated) }
            #expect(try await database.read { try await $0.laborOperations.find(id: pads.id) } == updated)

            let first = try await database.read { try await $0.laborOperations.list(PageRequest(after: nil, limit: 1)) }
            #expect(first == [align])
            let rest = try await database.read {
                try await $0.laborOperations.list(PageRequest(after: first.last?.code, limit: 5))
            }
            #expect(rest == [updated])

            await #expect(throws: StoreError.self) {
                try await database.write { stores in
                    try await stores.laborOperations.insert([LaborOperation(
                        id: id(3), code: pads.code, description: "Duplicate", standardHours: Quantity(units: 1),
                        skill: .brakes, bayType: .generalLift, kit: [])])
                }
            }
        }
    }

    // MARK: Technicians, absences, bays

    @Test(arguments: TestBackend.available)
    func techniciansRoundTripSkillsShiftsAndTheirUser(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let early = WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("07:00")!, to: TimeOfDay("15:30")!)
            let zoe = Technician(id: id(1), siteID: world.site.id, name: "Zoe Park",
                                 skills: [.brakes, .evHighVoltage, .diagnostics],
                                 shifts: [WorkingWindow(weekday: .saturday, start: TimeOfDay("08:00")!,
                                                        end: TimeOfDay("24:00")!)] + early,
                                 principalID: world.principal.id)
            let adam = Technician(id: id(2), siteID: world.site.id, name: "Adam Cole", skills: [], shifts: [])
            let elsewhere = Technician(id: id(3), siteID: world.other.id, name: "Bea Lund", skills: [.general],
                                       shifts: early)
            try await database.write { try await $0.workshop.insert([zoe, adam, elsewhere]) }

            #expect(try await database.read { try await $0.workshop.technician(id: zoe.id, forUpdate: false) } == zoe)
            #expect(try await database.write { try await $0.workshop.technician(id: adam.id, forUpdate: true) } == adam)
            #expect(try await database.read { try await $0.workshop.technician(id: id(9), forUpdate: false) } == nil)
            #expect(try await database.read { try await $0.workshop.technician(principal: world.principal.id) } == zoe)
            #expect(try await database.read { try await $0.workshop.technicians(site: world.site.id) } == [adam, zoe])

            var changed = zoe
            changed.siteID = world.other.id
            changed.name = "Zoe Park-Lund"
            changed.skills = [.alignment]
            changed.shifts = Array(early.reversed())
            changed.principalID = nil
            let updated = changed
            try await database.write { try await $0.workshop.update(updated) }
            #expect(try await database.read { try await $0.workshop.technician(id: zoe.id, forUpdate: false) } == updated)
            #expect(try await database.read { try await $0.workshop.technician(principal: world.principal.id) } == nil)
            #expect(try await database.read { try await $0.workshop.technicians(site: world.other.id) }
                == [elsewhere, updated])
        }
    }

    @Test(arguments: TestBackend.available)
    func absencesOverlappingAPeriodExcludeThoseThatOnlyTouchIt(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let technicians = (1...2).map {
                Technician(id: id($0), siteID: world.site.id, name: "Tech \($0)", skills: [.general], shifts: [])
            }
            let absences = [
                Absence(id: id(11), technicianID: technicians[0].id, period: Period(start: hour(0), end: hour(8)),
                        reason: "Ends as the period starts"),
                Absence(id: id(12), technicianID: technicians[0].id, period: Period(start: hour(7), end: hour(9)),
                        reason: "Overlaps the start"),
                Absence(id: id(13), technicianID: technicians[1].id, period: Period(start: hour(10), end: hour(11)),
                        reason: "Inside"),
                Absence(id: id(14), technicianID: technicians[1].id, period: Period(start: hour(12), end: hour(20)),
                        reason: "Starts as the period ends"),
                Absence(id: id(15), technicianID: technicians[0].id, period: Period(start: hour(0), end: hour(100)),
                        reason: "Covers it"),
            ]
            try await database.write { stores in
                try await stores.workshop.insert(technicians)
                try await stores.workshop.insert(absences)
            }
            let period = Period(start: hour(8), end: hour(12))
            let both = try await database.read {
                try await $0.workshop.absences(of: technicians.map(\.id), overlapping: period)
            }
            #expect(both == [absences[4], absences[1], absences[2]])
            let second = try await database.read {
                try await $0.workshop.absences(of: [technicians[1].id], overlapping: period)
            }
            #expect(second == [absences[2]])
            #expect(try await database.read { try await $0.workshop.absences(of: [], overlapping: period) } == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func baysRoundTripWithOpeningHoursInCodeOrder(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let hours = WorkingWindow.every([.monday, .wednesday, .friday], from: TimeOfDay("08:00")!,
                                            to: TimeOfDay("18:00")!)
            let lift = Bay(id: id(1), siteID: world.site.id, code: Code("LIFT-2")!, type: .generalLift, hours: hours)
            let rig = Bay(id: id(2), siteID: world.site.id, code: Code("ALIGN-1")!, type: .alignment, hours: [])
            let other = Bay(id: id(3), siteID: world.other.id, code: Code("LIFT-2")!, type: .evBay, hours: hours)
            try await database.write { try await $0.workshop.insert([lift, rig, other]) }
            #expect(try await database.read { try await $0.workshop.bay(id: lift.id, forUpdate: false) } == lift)
            #expect(try await database.write { try await $0.workshop.bay(id: rig.id, forUpdate: true) } == rig)
            #expect(try await database.read { try await $0.workshop.bay(id: id(9), forUpdate: false) } == nil)
            #expect(try await database.read { try await $0.workshop.bays(site: world.site.id) } == [rig, lift])

            var changed = lift
            changed.code = Code("LIFT-1")!
            changed.type = .heavyDuty
            changed.hours = [WorkingWindow(weekday: .sunday, start: TimeOfDay("00:00")!, end: TimeOfDay("24:00")!)]
                + hours.reversed()
            let updated = changed
            try await database.write { try await $0.workshop.update(updated) }
            #expect(try await database.read { try await $0.workshop.bay(id: lift.id, forUpdate: false) } == updated)

            await #expect(throws: StoreError.self) {
                try await database.write { stores in
                    try await stores.workshop.insert([Bay(id: id(4), siteID: world.site.id, code: Code("ALIGN-1")!,
                                                          type: .alignment, hours: [])])
                }
            }
        }
    }

    // MARK: Settings

    @Test(arguments: TestBackend.available)
    func serviceSettingsSaveReplacesThresholdAndHolidays(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let byPercent = ServiceSettings(
                siteID: world.site.id, laborRate: usd(14_500), taxRate: Percentage(basisPoints: 825),
                approvalThreshold: .percent(Percentage(basisPoints: 1_000)),
                holidays: [CalendarDate("2026-12-25")!, CalendarDate("2026-07-04")!])
            try await database.write { try await $0.serviceSettings.save(byPercent) }
            #expect(try await database.read { try await $0.serviceSettings.find(site: world.site.id) } == byPercent)
            #expect(try await database.read { try await $0.serviceSettings.find(site: world.other.id) } == nil)

            let byAmount = ServiceSettings(siteID: world.site.id, laborRate: usd(16_000), taxRate: .zero,
                                           approvalThreshold: .amount(usd(5_000)),
                                           holidays: [CalendarDate("2027-01-01")!])
            try await database.write { try await $0.serviceSettings.save(byAmount) }
            #expect(try await database.read { try await $0.serviceSettings.find(site: world.site.id) } == byAmount)

            let none = ServiceSettings(siteID: world.site.id, laborRate: usd(0), taxRate: .zero,
                                       approvalThreshold: .amount(usd(0)))
            try await database.write { try await $0.serviceSettings.save(none) }
            #expect(try await database.read { try await $0.serviceSettings.find(site: world.site.id) } == none)
        }
    }

    // MARK: Schedule

    @Test(arguments: TestBackend.available)
    func scheduleBlocksOverlapOnlyWhenTheyShareTime(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let tech: Technician.ID = id(1), otherTech: Technician.ID = id(2), bay: Bay.ID = id(3)
            let appointment: Appointment.ID = id(4), order: RepairOrder.ID = id(5)
            func block(_ n: Int, _ resource: ScheduleBlock.Resource, _ start: Int64, _ end: Int64,
                       _ owner: ScheduleBlock.Owner) -> ScheduleBlock {
                ScheduleBlock(id: id(n), resource: resource, period: Period(start: hour(start), end: hour(end)),
                              owner: owner)
            }
            let blocks = [
                block(11, .technician(tech), 6, 8, .appointment(appointment)),
                block(12, .technician(tech), 9, 10, .repairOrder(order)),
                block(13, .bay(bay), 7, 9, .appointment(appointment)),
                block(14, .bay(bay), 12, 13, .repairOrder(order)),
                block(15, .technician(otherTech), 8, 12, .repairOrder(order)),
            ]
            try await database.write { try await $0.schedule.insert(blocks) }
            let period = Period(start: hour(8), end: hour(12))
            func overlapping(_ resources: [ScheduleBlock.Resource]) async throws -> [ScheduleBlock] {
                try await database.read { try await $0.schedule.blocks(of: resources, overlapping: period) }
            }
            // Blocks ending as the period starts, or starting as it ends, leave it free.
            #expect(try await overlapping([.technician(tech)]) == [blocks[1]])
            #expect(try await overlapping([.bay(bay)]) == [blocks[2]])
            #expect(try await overlapping([.technician(tech), .bay(bay), .technician(otherTech)])
                == [blocks[2], blocks[4], blocks[1]])
            #expect(try await overlapping([]) == [])
            #expect(try await overlapping([.bay(Bay.ID(tech.rawValue))]) == [])

            #expect(try await database.read { try await $0.schedule.blocks(owner: .appointment(appointment)) }
                == [blocks[0], blocks[2]])
            try await database.write { try await $0.schedule.remove(owner: .repairOrder(order)) }
            #expect(try await database.read { try await $0.schedule.blocks(owner: .repairOrder(order)) } == [])
            #expect(try await overlapping([.technician(tech), .bay(bay), .technician(otherTech)]) == [blocks[2]])
        }
    }

    // MARK: Appointments

    @Test(arguments: TestBackend.available)
    func appointmentsRoundTripAndListBySiteStartAndStatus(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let shop = try await Shop.create(database, world)
            func appointment(_ n: Int, site: Site.ID, start: Int64, status: Appointment.Status = .booked,
                             operations: [LaborOperation.ID] = [], reservations: [Reservation.ID] = []) -> Appointment {
                Appointment(id: id(n), siteID: site, customerID: shop.customer.id, vehicleID: world.vehicles[0].id,
                            operationIDs: operations, technicianID: shop.technician.id, bayID: shop.bay.id,
                            period: Period(start: hour(start), end: hour(start + 2)), status: status,
                            concern: "Grinding noise when braking", reservationIDs: reservations,
                            createdBy: world.principal.id, createdAt: hour(-24))
            }
            let booked = appointment(1, site: world.site.id, start: 9,
                                     operations: [shop.operations[1].id, shop.operations[0].id],
                                     reservations: [shop.reservations[1], shop.reservations[0]])
            let later = appointment(2, site: world.site.id, start: 30, status: .cancelled)
            let sameTime = appointment(3, site: world.site.id, start: 9)
            let elsewhere = appointment(4, site: world.other.id, start: 10)
            try await database.write { try await $0.appointments.insert([later, booked, sameTime, elsewhere]) }
            #expect(try await database.read { try await $0.appointments.find(id: booked.id, forUpdate: false) } == booked)
            #expect(try await database.write { try await $0.appointments.find(id: later.id, forUpdate: true) } == later)
            #expect(try await database.read { try await $0.appointments.find(id: id(9), forUpdate: false) } == nil)

            func list(_ start: Int64, _ end: Int64, _ status: Appointment.Status?) async throws -> [Appointment.ID] {
                try await database.read { stores in
                    try await stores.appointments.list(site: world.site.id, starting: Period(start: hour(start), end: hour(end)),
                                                       status: status)
                }.map(\.id)
            }
            #expect(try await list(0, 48, nil) == [booked.id, sameTime.id, later.id])
            #expect(try await list(0, 48, .booked) == [booked.id, sameTime.id])
            #expect(try await list(9, 30, nil) == [booked.id, sameTime.id])
            #expect(try await list(10, 31, .cancelled) == [later.id])

            // Rescheduling moves the time, resources and reservations; arriving links the order.
            var moved = booked
            moved.period = Period(start: hour(50), end: hour(53))
            moved.technicianID = shop.otherTechnician.id
            moved.bayID = shop.otherBay.id
            moved.reservationIDs = [shop.reservations[0]]
            moved.status = .arrived
            moved.repairOrderID = id(77)
            moved.updatedAt = hour(1)
            let rescheduled = moved
            try await database.write { try await $0.appointments.update(rescheduled) }
            #expect(try await database.read { try await $0.appointments.find(id: booked.id, forUpdate: false) }
                == rescheduled)
        }
    }

    // MARK: Repair orders

    @Test(arguments: TestBackend.available)
    func repairOrdersRoundTripLinesInOrderApprovalAndInvoice(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let shop = try await Shop.create(database, world)
            let bare = shop.order(1, number: "RO-000001", status: .draft, openedAt: hour(0))
            var full = shop.order(2, number: "RO-000002", status: .completed, openedAt: hour(1),
                                  appointmentID: nil, mileage: 88_000, completedAt: hour(4))
            full.laborLines = [
                LaborLine(id: id(21), operationID: shop.operations[0].id, description: "Replace front brake pads",
                          hours: Quantity(milli: 1_200), skill: .brakes, technicianID: shop.technician.id,
                          state: .approved),
                LaborLine(id: id(22), operationID: nil, description: "Diagnose ABS warning", hours: .zero,
                          skill: .diagnostics, technicianID: nil, state: .awaitingCustomer),
            ]
            full.partLines = [
                PartLine(id: id(31), partID: world.parts[2].id, quantity: Quantity(units: 1), unitPrice: usd(8_950),
                         reservationID: shop.reservations[0], state: .approved),
                PartLine(id: id(32), partID: world.parts[0].id, quantity: Quantity(milli: 500), unitPrice: usd(0),
                         reservationID: nil, state: .declined),
            ]
            full.approval = CustomerApproval(approvedBy: "Dana Reyes", method: .phone, at: hour(2),
                                             recordedBy: world.principal.id)
            full.approvedTotal = usd(31_337)
            try full.apply(.invoice, at: hour(5))
            full.invoice = try Invoice(totals: try Totals(parts: usd(8_950), labor: usd(17_400), tax: usd(2_174)),
                                   costOfParts: usd(4_410), invoicedAt: hour(5))
            try full.apply(.close, at: hour(6))
            let stored = full
            let cancelled = RepairOrder(
                id: id(3), number: "RO-000003", siteID: world.site.id, customerID: shop.customer.id,
                vehicleID: world.vehicles[1].id, appointmentID: shop.appointment.id, status: .cancelled,
                concern: "Oil change", mileage: nil, laborLines: [], partLines: [], openedBy: world.principal.id,
                openedAt: hour(3), completedAt: hour(4), cancelledAt: hour(5), updatedAt: hour(5))
            try await database.write { try await $0.repairOrders.insert([bare, stored, cancelled]) }
            #expect(try await database.read { try await $0.repairOrders.find(id: bare.id, forUpdate: false) } == bare)
            #expect(try await database.read { try await $0.repairOrders.find(id: stored.id, forUpdate: false) } == stored)
            #expect(try await database.write { try await $0.repairOrders.find(id: cancelled.id, forUpdate: true) }
                == cancelled)
            #expect(try await database.read { try await $0.repairOrders.find(id: id(9), forUpdate: false) } == nil)
            let invoice = try #require(stored.invoice)
            #expect(invoice.totals.total == usd(28_524))
            #expect(invoice.grossMargin == usd(21_940))

            // An update rewrites the order and replaces its lines: removed, reordered, changed, added.
            var changed = bare
            try changed.apply(.estimate, at: hour(7))
            changed.mileage = 12
            changed.laborLines = [LaborLine(id: id(41), operationID: shop.operations[1].id, description: "Align",
                                            hours: Quantity(units: 1), skill: .alignment, technicianID: nil,
                                            state: .proposed)]
            changed.partLines = [
                PartLine(id: id(51), partID: world.parts[1].id, quantity: Quantity(units: 4), unitPrice: usd(1_000),
                         reservationID: nil, state: .proposed),
                PartLine(id: id(52), partID: world.parts[0].id, quantity: Quantity(units: 1), unitPrice: usd(500),
                         reservationID: nil, state: .proposed),
            ]
            let estimated = changed
            try await database.write { try await $0.repairOrders.update(estimated) }
            #expect(try await database.read { try await $0.repairOrders.find(id: bare.id, forUpdate: false) }
                == estimated)

            changed.partLines = [
                PartLine(id: id(53), partID: world.parts[2].id, quantity: Quantity(units: 1), unitPrice: usd(700),
                         reservationID: shop.reservations[1], state: .approved),
                PartLine(id: id(52), partID: world.parts[0].id, quantity: Quantity(units: 2), unitPrice: usd(450),
                         reservationID: shop.reservations[0], state: .approved),
            ]
            changed.laborLines[0].technicianID = shop.technician.id
            changed.laborLines[0].state = .approved
            changed.approval = CustomerApproval(approvedBy: "Dana Reyes", method: .inPerson, at: hour(8),
                                                recordedBy: world.principal.id)
            changed.approvedTotal = usd(2_300)
            try changed.apply(.approve, at: hour(8))
            let approved = changed
            try await database.write { try await $0.repairOrders.update(approved) }
            #expect(try await database.read { try await $0.repairOrders.find(id: bare.id, forUpdate: false) } == approved)
            #expect(try await database.read { try await $0.repairOrders.find(id: stored.id, forUpdate: false) } == stored)
        }
    }

    @Test(arguments: TestBackend.available)
    func repairOrderNumbersStrictlyIncreaseAndARollbackGivesItsNumberBack(_ backend: TestBackend) async throws {
        struct Abort: Error {}
        try await backend.withServices { services in
            let database = services.database
            var numbers: [Int64] = []
            for _ in 0..<3 { numbers.append(try await database.write { try await $0.repairOrders.nextNumber() }) }
            numbers += try await database.write { stores in
                [try await stores.repairOrders.nextNumber(), try await stores.repairOrders.nextNumber()]
            }
            #expect(numbers == [1, 2, 3, 4, 5])
            await #expect(throws: Abort.self) {
                try await database.write { stores in
                    _ = try await stores.repairOrders.nextNumber()
                    throw Abort()
                }
            }
            #expect(try await database.write { try await $0.repairOrders.nextNumber() } == 6)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentOpeningsTakeDistinctNumbers(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let numbers = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await database.write { try await $0.repairOrders.nextNumber() } }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...16))
        }
    }

    @Test(arguments: TestBackend.available)
    func repairOrderListsNewestFirstOpenOrdersAndPeriods(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let shop = try await Shop.create(database, world)
            let orders = [
                shop.order(1, number: "RO-1", status: .draft, openedAt: hour(10)),
                shop.order(2, number: "RO-2", status: .inProgress, openedAt: hour(20)),
                shop.order(3, number: "RO-3", status: .cancelled, openedAt: hour(30), cancelledAt: hour(31)),
                shop.order(4, number: "RO-4", status: .awaitingParts, openedAt: hour(40), site: world.other.id),
                shop.order(5, number: "RO-5", status: .completed, openedAt: hour(50), vehicle: world.vehicles[1].id,
                           completedAt: hour(52)),
                shop.order(6, number: "RO-6", status: .qualityCheck, openedAt: hour(5), vehicle: world.vehicles[1].id),
            ]
            try await database.write { try await $0.repairOrders.insert(orders) }
            func list(_ site: Site.ID?, _ status: RepairOrderStatus?, after: String? = nil,
                      limit: Int = 10) async throws -> [String] {
                try await database.read { stores in
                    try await stores.repairOrders.list(site: site, status: status, PageRequest(after: after, limit: limit))
                }.map(\.number)
            }
            #expect(try await list(nil, nil) == ["RO-6", "RO-5", "RO-4", "RO-3", "RO-2", "RO-1"])
            #expect(try await list(world.site.id, nil, limit: 2) == ["RO-6", "RO-5"])
            #expect(try await list(world.site.id, nil, after: orders[4].id.description, limit: 2) == ["RO-3", "RO-2"])
            #expect(try await list(world.site.id, .draft) == ["RO-1"])
            #expect(try await list(world.other.id, .draft) == [])

            let open = try await database.read { try await $0.repairOrders.open(site: world.site.id) }
            #expect(open.map(\.number) == ["RO-6", "RO-1", "RO-2"])
            let opened = try await database.read {
                try await $0.repairOrders.opened(site: world.site.id, within: Period(start: hour(10), end: hour(50)))
            }
            #expect(opened.map(\.number) == ["RO-1", "RO-2", "RO-3"])
            let forVehicle = try await database.read {
                try await $0.repairOrders.forVehicle(world.vehicles[1].id, openedWithin: Period(start: hour(0), end: hour(51)))
            }
            #expect(forVehicle.map(\.number) == ["RO-6", "RO-5"])
        }
    }

    // MARK: Time entries

    @Test(arguments: TestBackend.available)
    func timeEntriesClockOnAndOffOneOpenEntryPerTechnician(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let world = try await World.create(database)
            let shop = try await Shop.create(database, world)
            var draft = shop.order(1, number: "RO-1", status: .inProgress, openedAt: hour(0))
            draft.laborLines = [
                LaborLine(id: id(21), operationID: nil, description: "Brakes", hours: Quantity(units: 1), skill: .brakes,
                          technicianID: shop.technician.id, state: .approved),
                LaborLine(id: id(22), operationID: nil, description: "Align", hours: Quantity(units: 1),
                          skill: .alignment, technicianID: shop.otherTechnician.id, state: .approved),
            ]
            let order = draft
            let finished = TimeEntry(id: id(61), repairOrderID: order.id, laborLineID: id(21),
                                     technicianID: shop.technician.id, start: hour(1), end: hour(2))
            let running = TimeEntry(id: id(62), repairOrderID: order.id, laborLineID: id(21),
                                    technicianID: shop.technician.id, start: hour(3))
            let other = TimeEntry(id: id(63), repairOrderID: order.id, laborLineID: id(22),
                                  technicianID: shop.otherTechnician.id, start: hour(30), end: hour(31))
            try await database.write { stores in
                try await stores.repairOrders.insert([order])
                try await stores.repairOrders.insert([running, finished, other])
            }
            #expect(try await database.read { try await $0.repairOrders.openEntry(technician: shop.technician.id) }
                == running)
            #expect(try await database.read { try await $0.repairOrders.openEntry(technician: shop.otherTechnician.id) }
                == nil)
            // A second open entry for the same technician is refused by the schema itself.
            await #expect(throws: StoreError.self) {
                try await database.write { stores in
                    try await stores.repairOrders.insert([TimeEntry(
                        id: id(64), repairOrderID: order.id, laborLineID: id(22), technicianID: shop.technician.id,
                        start: hour(4))])
                }
            }
            var clockedOff = running
            clockedOff.end = hour(4)
            let closed = clockedOff
            try await database.write { try await $0.repairOrders.update(closed) }
            #expect(try await database.read { try await $0.repairOrders.openEntry(technician: shop.technician.id) } == nil)
            #expect(try await database.read { try await $0.repairOrders.entries(of: order.id) }
                == [finished, closed, other])
            // Both technicians work at the order's site; the other one's entry starts after the period.
            let atSite = try await database.read {
                try await $0.repairOrders.entries(site: world.site.id, within: Period(start: hour(1), end: hour(30)))
            }
            #expect(atSite == [finished, closed])
            #expect(try await database.read {
                try await $0.repairOrders.entries(site: world.other.id, within: Period(start: hour(0), end: hour(99)))
            } == [])
        }
    }

    // MARK: Corrupt values

    @Test(arguments: TestBackend.available)
    func aStoredValueTheCodeDoesNotKnowIsACorruptValue(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let database = services.database
            let world = try await World.create(database)
            let technician = Technician(id: id(1), siteID: world.site.id, name: "Zoe", skills: [.brakes], shifts: [])
            try await database.write { try await $0.workshop.insert([technician]) }
            try await Tampering.execute("UPDATE technician_skills SET skill = 'juggling'", on: url)
            await #expect(throws: StoreError.corruptValue(column: "skill", value: "juggling")) {
                try await database.read { try await $0.workshop.technicians(site: world.site.id) }
            }
        }
    }
}

// MARK: - Prerequisite rows

private func id<Entity>(_ value: Int) -> Identifier<Entity> { Identifier(UUID.stub(value)) }

private func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: Currency(code: "USD")!) }

/// `hours` after 2026-03-02T00:00:00Z.
private func hour(_ hours: Int64) -> Instant {
    Instant(microseconds: 1_772_409_600_000_000).adding(seconds: hours * 3_600)
}

/// Sites, parts, vehicles and a user: the catalogue rows service records reference.
private struct World {
    let site: Site
    let other: Site
    let parts: [Part]
    let vehicles: [Vehicle]
    let principal: Principal

    static func create(_ database: any Database) async throws -> World {
        let sites = ["WS-NORTH", "WS-SOUTH"].enumerated().map { index, code in
            Site(id: id(1_001 + index), code: Code(code)!, name: code, kind: .workshop,
                 location: GeoPoint(latitude: 41.9, longitude: -87.6)!, timeZone: "America/Chicago")
        }
        let parts = ["BP-100", "OF-200", "RT-300"].enumerated().map { index, number in
            Part(id: id(1_101 + index), number: PartNumber(number)!, description: "Part \(number)", brand: "ATE",
                 category: .brakes, unit: .each, packs: [], cost: usd(2_150), listPrice: usd(4_999))
        }
        // VINs in the reverse order of their ids, so VIN order is not id order.
        let vehicles = try ["WVWZZZ1JZXW000002", "1M8GDM9JXKP042788"].enumerated().map { index, text in
            var characters = Array(text)
            characters[8] = VIN.checkDigit(for: text)!
            return Vehicle(id: id(1_201 + index), vin: try VIN(validating: String(characters)), make: "Volkswagen",
                           model: "Golf", modelYear: 2019, engine: index == 0 ? nil : "2.0 TDI")
        }
        let principal = Principal(id: id(1_301), name: "zoe.park", role: .technician, sites: [sites[0].id])
        try await database.write { stores in
            for site in sites { try await stores.sites.insert(site) }
            try await stores.parts.insert(parts)
            try await stores.vehicles.insert(vehicles)
            try await stores.principals.insert(principal)
        }
        return World(site: sites[0], other: sites[1], parts: parts, vehicles: vehicles, principal: principal)
    }
}

/// A customer, technicians, bays, operations, reservations and an appointment: what repair
/// orders and appointments reference.
private struct Shop {
    let world: World
    let customer: Customer
    let technician: Technician
    let otherTechnician: Technician
    let bay: Bay
    let otherBay: Bay
    let operations: [LaborOperation]
    let reservations: [Reservation.ID]
    let appointment: Appointment

    static func create(_ database: any Database, _ world: World) async throws -> Shop {
        let customer = Customer(id: id(2_001), kind: .person, name: "Dana Reyes")
        let technicians = (0..<2).map {
            Technician(id: id(2_101 + $0), siteID: world.site.id, name: "Tech \($0)", skills: [.brakes], shifts: [])
        }
        let bays = (0..<2).map {
            Bay(id: id(2_201 + $0), siteID: world.site.id, code: Code("LIFT-\($0)")!, type: .generalLift, hours: [])
        }
        let operations = [("BRK-PAD-F", Skill.brakes), ("ALIGN-4W", Skill.alignment)].enumerated().map {
            LaborOperation(id: id(2_301 + $0.offset), code: Code($0.element.0)!, description: $0.element.0,
                           standardHours: Quantity(units: 1), skill: $0.element.1, bayType: .generalLift, kit: [])
        }
        let reservations = (0..<2).map {
            Reservation(id: id(2_401 + $0), partID: world.parts[$0].id, siteID: world.site.id,
                        demand: Demand(kind: .repairOrder, reference: "RO-1"), priority: .scheduledService,
                        needBy: CalendarDate("2026-03-10")!, requested: Quantity(units: 1), reserved: .zero,
                        backordered: Quantity(units: 1), createdAt: hour(0))
        }
        let appointment = Appointment(
            id: id(2_501), siteID: world.site.id, customerID: customer.id, vehicleID: world.vehicles[0].id,
            operationIDs: [operations[0].id], technicianID: technicians[0].id, bayID: bays[0].id,
            period: Period(start: hour(-100), end: hour(-99)), concern: "Brakes", reservationIDs: [],
            createdBy: world.principal.id, createdAt: hour(0))
        try await database.write { stores in
            try await stores.customers.insert([customer])
            try await stores.workshop.insert(technicians)
            try await stores.workshop.insert(bays)
            try await stores.laborOperations.insert(operations)
            try await stores.reservations.insert(contentsOf: reservations)
            try await stores.appointments.insert([appointment])
        }
        return Shop(world: world, customer: customer, technician: technicians[0], otherTechnician: technicians[1],
                    bay: bays[0], otherBay: bays[1], operations: operations, reservations: reservations.map(\.id),
                    appointment: appointment)
    }

    /// An order without lines, for the customer's first vehicle unless told otherwise.
    func order(_ n: Int, number: String, status: RepairOrderStatus, openedAt: Instant,
               appointmentID: Appointment.ID? = nil, mileage: Int64? = nil, site: Site.ID? = nil,
               vehicle: Vehicle.ID? = nil, completedAt: Instant? = nil, cancelledAt: Instant? = nil) -> RepairOrder {
        RepairOrder(id: id(n), number: number, siteID: site ?? world.site.id, customerID: customer.id,
                    vehicleID: vehicle ?? world.vehicles[0].id, appointmentID: appointmentID, status: status,
                    concern: "Grinding noise when braking", mileage: mileage, laborLines: [], partLines: [],
                    openedBy: world.principal.id, openedAt: openedAt, completedAt: completedAt,
                    cancelledAt: cancelledAt)
    }
}

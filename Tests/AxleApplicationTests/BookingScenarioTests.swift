import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// The test clock starts on Monday 2026-03-02 at 03:00 in Chicago (09:00Z).
@Suite("Booking scenarios")
struct BookingScenarioTests {
    /// A site with one brake technician, one electrician, a lift and an alignment rig, and
    /// a brake job that uses two pads.
    struct Workshop {
        let site: Site
        let bin: Bin
        let pads: Part
        let brakeJob: LaborOperation
        let ana: Technician
        let lift: Bay
        let customer: Customer
        let vehicle: Vehicle
    }

    static func workshop(_ fixtures: Fixtures) async throws -> Workshop {
        let site = try await fixtures.site("DLR-A")
        try await fixtures.serviceSettings(at: site)
        let bin = try await fixtures.bin("A-01", at: site)
        let pads = try await fixtures.part("BP-100", description: "Brake pads, front", category: .brakes)
        let brakeJob = try await fixtures.operation("BRK-F", hours: 2, skill: .brakes, kit: [(pads, 2)])
        let ana = try await fixtures.technician("Ana", at: site, skills: [.brakes, .general])
        _ = try await fixtures.technician("Ben", at: site, skills: [.electrical])
        let lift = try await fixtures.bay("L1", .generalLift, at: site)
        _ = try await fixtures.bay("AL1", .alignment, at: site)
        let (customer, vehicle) = try await fixtures.customerWithVehicle()
        return Workshop(site: site, bin: bin, pads: pads, brakeJob: brakeJob, ana: ana, lift: lift, customer: customer,
                        vehicle: vehicle)
    }

    @Test(arguments: TestBackend.available)
    func theEarliestSlotIsWhereTheBrakeTechnicianTheLiftAndThePadsCoincide(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            try await fixtures.receive(4, of: shop.pads, into: shop.bin)

            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            #expect(slot.start == "2026-03-02T08:00:00-06:00")
            #expect(slot.end == "2026-03-02T10:00:00-06:00")
            #expect(slot.technicianName == "Ana")
            #expect(slot.bayCode.rawValue == "L1")
            #expect(slot.reasons.contains("2 × BP-100 in stock at the site"))

            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            #expect(booked.appointment.status == .booked)
            #expect(booked.start == slot.start)
            let stock = try await fixtures.siteStock(shop.pads, at: shop.site)
            #expect(try (stock.reserved, stock.available) == (Quantity(units: 2), Quantity(units: 2)))
            let reservation = try await services.inventory.reservation(booked.appointment.reservationIDs[0],
                                                                        as: Fixtures.system)
            #expect(reservation.priority == .scheduledService)
            #expect(reservation.needBy == CalendarDate("2026-03-02"))
            #expect(reservation.demand == Demand(kind: .appointment, reference: booked.appointment.id.description))

            // Ana and the lift are now taken at 08:00: the next brake slot starts when both are free again.
            let next = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            #expect(next.start == "2026-03-02T10:00:00-06:00")
            #expect(next.earliestBecause == .technician)
            let trail = try await fixtures.auditTrail().filter { $0.entityType == "appointment" }.map(\.action)
            #expect(trail == ["appointment.book"])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func noSlotIsOfferedWhenTheSkillTheBayOrThePartsAreMissing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            let alignment = try await fixtures.operation("ALN", hours: 1, skill: .alignment, bay: .alignment)
            let ev = try await fixtures.operation("EV-HV", hours: 1, skill: .evHighVoltage, bay: .evBay)
            let search = { (operations: [LaborOperation]) in
                try await services.service.slots(.init(siteId: shop.site.id, vehicleId: shop.vehicle.id,
                                                       operationIds: operations.map(\.id)), as: Fixtures.system)
            }
            let noAligner = try await search([alignment])
            #expect(noAligner.slots.isEmpty)
            #expect(noAligner.sites.first?.unavailable?.contains("alignment") == true)
            let noBay = try await search([ev])
            #expect(noBay.slots.isEmpty)
            // Brake pads: none in stock and none coming.
            let noParts = try await search([shop.brakeJob])
            #expect(noParts.slots.isEmpty)
            #expect(noParts.sites.first?.parts.lines.first?.source == .short)
            #expect(noParts.sites.first?.unavailable?.contains("BP-100") == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func padsArrivingByTransferMoveTheEarliestSlotToTheirDay(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let rack = try await fixtures.bin("R-01", at: warehouse)
            try await fixtures.receive(10, of: shop.pads, into: rack)
            let transfer = try await fixtures.requestTransfer(2, of: shop.pads, from: warehouse, to: shop.site,
                                                              as: Fixtures.system)
            _ = try await fixtures.ship(transfer, arriving: "2026-03-04", as: Fixtures.system)

            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            #expect(slot.start == "2026-03-04T08:00:00-06:00")
            #expect(slot.reasons.contains("2 × BP-100 arrives by transfer, expected 2026-03-04"))

            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            let reservation = try await services.inventory.reservation(booked.appointment.reservationIDs[0],
                                                                        as: Fixtures.system)
            #expect((reservation.reserved, reservation.backordered) == (.zero, Quantity(units: 2)))
            // Booking it for Monday instead would find no pads by then.
            await #expect(throws: ServiceError.partsNotReady(parts: [shop.pads.number])) {
                _ = try await services.commands.run(BookAppointment(.init(
                    siteId: shop.site.id, customerId: shop.customer.id, vehicleId: shop.vehicle.id,
                    operationIds: [shop.brakeJob.id], start: Instant(iso8601: "2026-03-02T13:00:00-06:00")!,
                    technicianId: shop.ana.id, bayId: shop.lift.id, concern: "Brakes")), as: Fixtures.system)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func twoAdvisorsRacingForTheLastSlotCannotBothWin(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            try await fixtures.receive(20, of: shop.pads, into: shop.bin)
            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            let outcomes = await withTaskGroup(of: Result<AppointmentView, any Error>.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            return .success(try await fixtures.book(slot, operations: [shop.brakeJob],
                                                                    customer: shop.customer, vehicle: shop.vehicle))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let won = outcomes.compactMap { try? $0.get() }
            let lost = outcomes.compactMap { outcome -> ServiceError? in
                if case .failure(let error) = outcome { return error as? ServiceError }
                return nil
            }
            #expect(won.count == 1)
            #expect(lost == Array(repeating: .slotTaken, count: 7))
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func cancellingAnAppointmentReleasesItsTechnicianBayAndParts(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            try await fixtures.receive(2, of: shop.pads, into: shop.bin)
            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            #expect(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site) == nil)

            let cancelled = try await services.commands.run(CancelAppointment(appointmentID: booked.appointment.id),
                                                            as: Fixtures.system)
            #expect(cancelled.appointment.status == .cancelled)
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == .zero)
            let again = try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site)
            #expect(again?.start == slot.start)
            await #expect(throws: ServiceError.appointmentNotBooked(.cancelled)) {
                _ = try await services.commands.run(CancelAppointment(appointmentID: booked.appointment.id),
                                                    as: Fixtures.system)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aRescheduledAppointmentKeepsItsPartsAndMovesItsTime(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            try await fixtures.receive(2, of: shop.pads, into: shop.bin)
            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            // After the clocks change on 2026-03-08, 09:00 local is 14:00Z.
            let moved = try await services.commands.run(RescheduleAppointment(
                appointmentID: booked.appointment.id,
                input: .init(start: Instant(iso8601: "2026-03-09T09:00:00-05:00")!, technicianId: shop.ana.id,
                             bayId: shop.lift.id)), as: Fixtures.system)
            #expect(moved.start == "2026-03-09T09:00:00-05:00")
            #expect(moved.appointment.period.start.description == "2026-03-09T14:00:00.000Z")
            #expect(moved.appointment.reservationIDs == booked.appointment.reservationIDs)
            #expect(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site) == nil)
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))
        }
    }
}

extension BookingScenarioTests {
    @Test(arguments: TestBackend.available)
    func aBookingOutsideTheTechniciansShiftIsRefusedAsClosedNotTaken(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await Self.workshop(fixtures)
            try await fixtures.receive(2, of: shop.pads, into: shop.bin)
            let book = { (start: String) in
                _ = try await services.commands.run(BookAppointment(.init(
                    siteId: shop.site.id, customerId: shop.customer.id, vehicleId: shop.vehicle.id,
                    operationIds: [shop.brakeJob.id], start: Instant(iso8601: start)!, technicianId: shop.ana.id,
                    bayId: shop.lift.id, concern: "Brakes")), as: Fixtures.system)
            }
            // Saturday, and a two-hour job starting an hour before the shift ends.
            await #expect(throws: ServiceError.outsideWorkingHours) { try await book("2026-03-07T09:00:00-06:00") }
            await #expect(throws: ServiceError.outsideWorkingHours) { try await book("2026-03-03T16:00:00-06:00") }
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == .zero)
        }
    }
}

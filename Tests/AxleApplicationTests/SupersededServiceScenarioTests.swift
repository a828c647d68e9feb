import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// Service work whose kit names a superseded number: the old stock is used up first there too.
@Suite("Superseded parts in service work")
struct SupersededServiceScenarioTests {
    typealias Workshop = BookingScenarioTests.Workshop

    /// The workshop's pads (BP-100) are replaced by BP-200, one-way, old stock used up; the site
    /// holds 1 of BP-100 and 5 of BP-200.
    static func shop(_ fixtures: Fixtures) async throws -> (Workshop, Part) {
        let shop = try await BookingScenarioTests.workshop(fixtures)
        let newPads = try await fixtures.part("BP-200", description: "Brake pads, front (revised)", category: .brakes)
        _ = try await fixtures.supersede(shop.pads, by: newPads, effectiveOn: CalendarDate("2026-01-01"))
        try await fixtures.receive(1, of: shop.pads, into: shop.bin)
        try await fixtures.receive(5, of: newPads, into: shop.bin)
        return (shop, newPads)
    }

    @Test(arguments: TestBackend.available)
    func approvingAWalkInSplitsTheKitLineIntoTheLastOldPadAndOneNewOneAndCompletingIssuesBoth(
        _ backend: TestBackend
    ) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (shop, newPads) = try await Self.shop(fixtures)
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            #expect(order.order.partLines.map(\.partID) == [shop.pads.id])
            order = try await RepairOrderScenarioTests.step(order, .estimate, services)
            order = try await RepairOrderScenarioTests.step(order, .approve, services)

            #expect(order.order.partLines.map(\.partID) == [shop.pads.id, newPads.id])
            #expect(order.order.partLines.map(\.quantity) == [Quantity(units: 1), Quantity(units: 1)])
            #expect(order.order.partLines.allSatisfy { $0.reservationID != nil && $0.filledAtApproval == true })
            order = try await RepairOrderScenarioTests.step(order, .start, services)
            order = try await RepairOrderScenarioTests.step(order, .requestQualityCheck, services)
            order = try await RepairOrderScenarioTests.step(order, .complete, services)
            let old = try await fixtures.siteStock(shop.pads, at: shop.site)
            let new = try await fixtures.siteStock(newPads, at: shop.site)
            #expect(try [old.onHand, old.reserved, new.onHand, new.reserved] == [0, 0, 4, 0].map { Quantity(units: $0) })
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func theSlotSearchCountsTheOldPadAndBookingReservesItFirst(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (shop, newPads) = try await Self.shop(fixtures)
            let search = try await services.service.slots(.init(
                siteId: shop.site.id, vehicleId: shop.vehicle.id, operationIds: [shop.brakeJob.id]), as: Fixtures.system)
            #expect(search.sites[0].parts.lines.map(\.free) == [Quantity(units: 6)])
            #expect(search.sites[0].parts.lines.map(\.source) == [.stock])
            let slot = try #require(search.slots.first)
            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            var reserved: [Part.ID: Quantity] = [:]
            for id in booked.appointment.reservationIDs {
                let reservation = try await services.inventory.reservation(id, as: Fixtures.system)
                reserved[reservation.partID] = reservation.reserved
            }
            #expect(reserved == [shop.pads.id: Quantity(units: 1), newPads.id: Quantity(units: 1)])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func jobsAtRiskMissOnlyWhatTheLastOldPadDidNotCover(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            let newPads = try await fixtures.part("BP-200", description: "Brake pads, front (revised)", category: .brakes)
            _ = try await fixtures.supersede(shop.pads, by: newPads, effectiveOn: CalendarDate("2026-01-01"))
            try await fixtures.receive(1, of: shop.pads, into: shop.bin)
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            order = try await RepairOrderScenarioTests.step(order, .estimate, services)
            order = try await RepairOrderScenarioTests.step(order, .approve, services)
            #expect(order.order.partLines.map(\.filledAtApproval) == [true, false])

            let risk = try await services.service.atRisk(site: shop.site.id, days: 7, as: Fixtures.system)
            let job = try #require(risk.jobs.first)
            #expect(job.number == order.order.number)
            #expect(job.parts.map(\.number) == [newPads.number])
            #expect(job.parts.map(\.missing) == [Quantity(units: 1)])
            #expect(job.parts.map(\.reason) == [.short])
        }
    }
}

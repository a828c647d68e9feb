import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Mobile technicians")
struct MobileServiceScenarioTests {
    @Test(arguments: TestBackend.available)
    func aFieldDiagnosisFetchesPartsFromTheNearestBranchAndProposesTheFollowUpVisit(_ backend: TestBackend)
        async throws
    {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let van = try await fixtures.site("VAN-1", kind: .mobileVan, latitude: 41.90, longitude: -87.70)
            try await fixtures.serviceSettings(at: van, threshold: .init(kind: .amount, value: "500.00"))
            let near = try await fixtures.site("DLR-B", latitude: 41.95, longitude: -87.65)
            let far = try await fixtures.site("DLR-C", latitude: 42.40, longitude: -88.10)
            let pads = try await fixtures.part("BP-100", description: "Brake pads, front", category: .brakes)
            try await fixtures.receive(5, of: pads, into: try await fixtures.bin("B-01", at: near))
            try await fixtures.receive(5, of: pads, into: try await fixtures.bin("C-01", at: far))
            let (moUser, _) = try await fixtures.user("mo", role: .technician, sites: [van.code])
            let mo = try await fixtures.technician("Mo", at: van, skills: [.brakes, .diagnostics], user: moUser)
            let vanBay = try await fixtures.bay("VAN", .generalLift, at: van)
            let (customer, vehicle) = try await fixtures.customerWithVehicle()
            clock.advance(seconds: 6 * 3_600)  // 09:00 in Chicago

            var order = try await services.commands.run(OpenRepairOrder(.init(
                siteId: van.id, customerId: customer.id, vehicleId: vehicle.id, concern: "Brakes grind, car at home",
                labor: [.init(description: "Field brake inspection and repair", hours: Quantity(units: 1),
                              skill: .brakes)])), as: Fixtures.system)
            for event in [RepairOrderEvent.estimate, .approve, .start] {
                order = try await RepairOrderScenarioTests.step(order, event, services)
            }

            let plan = try await services.commands.run(AddFieldParts(orderID: order.order.id, input: .init(
                parts: [.init(partId: pads.id, quantity: Quantity(units: 2))])), as: moUser)
            #expect(plan.order.order.status == .awaitingParts)
            #expect(plan.transfers.map(\.sourceSiteID) == [near.id])
            #expect(plan.transfers.map(\.destinationSiteID) == [van.id])
            #expect(plan.transfers.map(\.quantity) == [Quantity(units: 2)])
            #expect(plan.partsExpected == CalendarDate("2026-03-03"))
            let followUp = try #require(plan.followUp)
            #expect(followUp.start == "2026-03-03T08:00:00-06:00")
            #expect((followUp.technicianId, followUp.bayId) == (mo.id, vanBay.id))
            #expect(try await fixtures.siteStock(pads, at: near).reserved == Quantity(units: 2))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func fieldPartsAreOnlyForVanOrders(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            order = try await RepairOrderScenarioTests.step(order, .estimate, services)
            await #expect(throws: ValidationError(field: "orderId",
                                                  reason: "field visits are repair orders of a mobile van site")) {
                _ = try await services.commands.run(AddFieldParts(orderID: order.order.id, input: .init(
                    parts: [.init(partId: shop.pads.id, quantity: Quantity(units: 1))])), as: Fixtures.system)
            }
        }
    }
}

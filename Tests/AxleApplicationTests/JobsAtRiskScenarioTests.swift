import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Jobs at risk")
struct JobsAtRiskScenarioTests {
    @Test(arguments: TestBackend.available)
    func theMorningListNamesEachUncoveredPartItsReasonAndItsBestRemedy(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            let near = try await fixtures.site("DLR-B", latitude: 41.95, longitude: -87.65)
            try await fixtures.receive(5, of: shop.pads, into: try await fixtures.bin("B-01", at: near))
            let atRisk = { try await services.service.atRisk(site: shop.site.id, days: 14, as: Fixtures.system) }

            var first = try await RepairOrderScenarioTests.walkIn(shop, services)
            first = try await RepairOrderScenarioTests.step(first, .estimate, services)
            first = try await RepairOrderScenarioTests.step(first, .approve, services)
            var list = try await atRisk()
            #expect(list.jobs.map(\.number) == ["RO-000001"])
            let short = try #require(list.jobs.first?.parts.first)
            #expect((short.number, short.missing, short.reason) == (shop.pads.number, Quantity(units: 2), .short))
            #expect(short.remedy.kind == .transfer)
            #expect(short.remedy.siteCode?.rawValue == "DLR-B")
            #expect(short.remedy.arrivesBy == CalendarDate("2026-03-03"))

            // The transfer is on its way but lands on Thursday, after the job started.
            let transfer = try await services.commands.run(RequestPartTransfer(
                orderID: first.order.id, lineID: first.shortages[0].lineId), as: Fixtures.system)
            _ = try await fixtures.ship(transfer, arriving: "2026-03-05")
            list = try await atRisk()
            let late = try #require(list.jobs.first?.parts.first)
            #expect((late.reason, late.expected) == (.inboundLate, CalendarDate("2026-03-05")))

            // A second order for the same pads queues behind the first for that stock.
            let (other, car) = try await fixtures.customerWithVehicle("Lee Park", serial: "654321")
            var second = try await services.commands.run(OpenRepairOrder(.init(
                siteId: shop.site.id, customerId: other.id, vehicleId: car.id, concern: "Brakes",
                labor: [.init(operationId: shop.brakeJob.id)])), as: Fixtures.system)
            second = try await RepairOrderScenarioTests.step(second, .estimate, services)
            second = try await RepairOrderScenarioTests.step(second, .approve, services)
            list = try await atRisk()
            #expect(list.jobs.map(\.number) == ["RO-000001", "RO-000002"])
            let queued = try #require(list.jobs.last?.parts.first)
            #expect(queued.reason == .onBackorder)
            #expect(queued.remedy.kind == .transfer)

            // Once the pads arrive the first order drops off the list.
            _ = try await fixtures.receive(transfer, good: 2, into: shop.bin)
            list = try await atRisk()
            #expect(list.jobs.map(\.number) == ["RO-000002"])
            #expect(try await fixtures.verify() == [])
        }
    }
}

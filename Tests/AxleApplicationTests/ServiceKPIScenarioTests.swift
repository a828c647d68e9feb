import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Service KPIs")
struct ServiceKPIScenarioTests {
    @Test(arguments: TestBackend.available)
    func cycleTimeFirstTimeFixUtilizationAndFillRateFollowTheirDefinitions(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(4, of: shop.pads, into: shop.bin)
            let (anaUser, _) = try await fixtures.user("ana", role: .technician, sites: [shop.site.code])
            let ana = try await fixtures.technician("Ana Two", at: shop.site, skills: [.brakes], user: anaUser)
            let step = { (order: RepairOrderView, event: RepairOrderEvent, services: AxleServices) in
                try await RepairOrderScenarioTests.step(order, event, services)
            }
            // Monday 08:00 local: the first order is filled from stock, clocked 90 minutes, done by 11:00.
            clock.advance(seconds: 5 * 3_600)
            let start = clock.now
            var fixed = try await RepairOrderScenarioTests.walkIn(shop, services)
            for event in [RepairOrderEvent.estimate, .approve, .start] { fixed = try await step(fixed, event, services) }
            _ = try await services.commands.run(ClockLabor(orderID: fixed.order.id, lineID: fixed.order.laborLines[0].id,
                                                           action: .on), as: anaUser)
            clock.advance(seconds: 5_400)
            _ = try await services.commands.run(ClockLabor(orderID: fixed.order.id, lineID: fixed.order.laborLines[0].id,
                                                           action: .off), as: anaUser)
            clock.advance(seconds: 5_400)
            for event in [RepairOrderEvent.requestQualityCheck, .complete] { fixed = try await step(fixed, event, services) }

            // A second car's brakes: three sets asked, two left at the site, so the line is not filled in full.
            let (other, car) = try await fixtures.customerWithVehicle("Lee Park", serial: "654321")
            var short = try await services.commands.run(OpenRepairOrder(.init(
                siteId: shop.site.id, customerId: other.id, vehicleId: car.id, concern: "Brakes",
                parts: [.init(partId: shop.pads.id, quantity: Quantity(units: 3))])), as: Fixtures.system)
            for event in [RepairOrderEvent.estimate, .approve] { short = try await step(short, event, services) }
            #expect(short.order.status == .awaitingParts)

            let day = Period(start: start.adding(seconds: -8 * 3_600), end: start.adding(seconds: 16 * 3_600))
            var kpis = try await services.service.kpis(site: shop.site.id, from: day.start, to: day.end, as: Fixtures.system)
            #expect(kpis.serviceCycleTime.orders == 1)
            #expect(kpis.serviceCycleTime.meanHours == Quantity(units: 3))
            #expect(kpis.firstTimeFix.percent == Percentage(basisPoints: 10_000))
            #expect(kpis.partsFillRate.numerator == 1)
            #expect(kpis.partsFillRate.denominator == 2)
            let anaToday = try #require(kpis.technicians.first { $0.technicianId == ana.id })
            #expect((anaToday.clockedMinutes, anaToday.availableMinutes) == (90, 540))
            #expect(anaToday.ratio.percent == Percentage(basisPoints: 1_667))

            // The same brake job on the same car ten days later is a comeback.
            clock.advance(seconds: 10 * 86_400)
            _ = try await RepairOrderScenarioTests.walkIn(shop, services)
            kpis = try await services.service.kpis(site: shop.site.id, from: day.start, to: day.end, as: Fixtures.system)
            #expect(kpis.firstTimeFix.numerator == 0)
            #expect(kpis.firstTimeFix.denominator == 1)
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// "Today" is the date at the site: a Chicago site at 19:00 local time is not yet in tomorrow,
/// though UTC is.
@Suite("Business dates at a Chicago site")
struct BusinessDateScenarioTests {
    /// 19:00 CDT on Tuesday 31 March 2026: 1 April in UTC.
    static let lastEveningOfMarch = Instant(iso8601: "2026-04-01T00:00:00Z")!
    /// 23:30 CST on Sunday 1 November 2026, after clocks went back: 2 November in UTC, and
    /// still 00:30 on 2 November had the offset stayed at summer time.
    static let lastHalfHourOfNovemberFirst = Instant(iso8601: "2026-11-02T05:30:00Z")!

    @Test(arguments: TestBackend.available)
    func aSupersessionEffectiveTomorrowAtTheSiteDoesNotApplyAtSevenInTheEvening(_ backend: TestBackend) async throws {
        let clock = TestClock(Self.lastEveningOfMarch)
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let old = try await fixtures.part("AF-1"), new = try await fixtures.part("AF-2")
            // Old stock must not be used once the link applies.
            _ = try await fixtures.supersede(old, by: new, effectiveOn: CalendarDate("2026-04-01"), useUpOldStock: false)
            let bin = try await fixtures.bin("A-01", at: site)
            try await fixtures.receive(3, of: old, into: bin)
            try await fixtures.receive(5, of: new, into: bin)

            let evening = try await fixtures.reserve(2, of: old, at: site, reference: "RO-EVENING")
            #expect(evening.parts.map(\.number) == [old.number])
            clock.advance(seconds: 5 * 3_600)
            let midnight = try await fixtures.reserve(2, of: old, at: site, reference: "RO-MIDNIGHT")
            #expect(midnight.parts.map(\.number) == [new.number])
        }
    }

    @Test(arguments: TestBackend.available)
    func availableToPromiseStartsOnTheSitesDate(_ backend: TestBackend) async throws {
        let clock = TestClock(Self.lastEveningOfMarch)
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let part = try await fixtures.part("AF-1")
            try await fixtures.receive(3, of: part, into: try await fixtures.bin("A-01", at: site))
            let atp = try await services.inventory.availableToPromise(
                part: part.id, site: site.id, through: CalendarDate("2026-04-01"), as: Fixtures.system)
            #expect(atp.days.map(\.date) == [CalendarDate("2026-03-31")!, CalendarDate("2026-04-01")!])

            clock.advance(seconds: (Self.lastHalfHourOfNovemberFirst.microseconds
                                    - Self.lastEveningOfMarch.microseconds) / 1_000_000)
            let autumn = try await services.inventory.availableToPromise(part: part.id, site: site.id, through: nil,
                                                                         as: Fixtures.system)
            #expect(autumn.days.map(\.date) == [CalendarDate("2026-11-01")!])
        }
    }

    @Test(arguments: TestBackend.available)
    func aTransferShippedLateOnTheFirstOfNovemberMayStillArriveThatDay(_ backend: TestBackend) async throws {
        let clock = TestClock(Self.lastHalfHourOfNovemberFirst)
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let source = try await fixtures.site("DC-1"), destination = try await fixtures.site("DLR-N")
            let part = try await fixtures.part("AF-1")
            try await fixtures.receive(4, of: part, into: try await fixtures.bin("A-01", at: source))
            let transfer = try await fixtures.requestTransfer(2, of: part, from: source, to: destination)
            let reservation = try await services.inventory.reservation(transfer.reservationID, as: Fixtures.system)
            #expect(reservation.needBy == CalendarDate("2026-11-01"))
            let shipped = try await fixtures.ship(transfer, arriving: "2026-11-01")
            #expect(shipped.transfer.expectedArrival == CalendarDate("2026-11-01"))
            await #expect(throws: ValidationError.self) {
                _ = try await fixtures.ship(try await fixtures.requestTransfer(1, of: part, from: source, to: destination),
                                            arriving: "2026-10-31")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aRepairOrderApprovedAtSevenInTheEveningNeedsItsPartsThatDay(_ backend: TestBackend) async throws {
        let clock = TestClock(Self.lastEveningOfMarch)
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(2, of: shop.pads, into: shop.bin)
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            order = try await RepairOrderScenarioTests.step(order, .estimate, services)
            order = try await RepairOrderScenarioTests.step(order, .approve, services)
            let reservation = try await services.inventory.reservation(try #require(order.order.partLines[0].reservationID),
                                                                        as: Fixtures.system)
            #expect(reservation.needBy == CalendarDate("2026-03-31"))
        }
    }

    @Test(arguments: TestBackend.available)
    func countsArePlannedForTheSitesDateAndAccuracyEndsOnIt(_ backend: TestBackend) async throws {
        let clock = TestClock(Self.lastEveningOfMarch)
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let part = try await fixtures.part("AF-1")
            try await fixtures.receive(3, of: part, into: try await fixtures.bin("A-01", at: site))
            let plan = try await services.commands.run(GenerateCountTasks(.init(siteId: site.id)), as: Fixtures.system)
            #expect(plan.asOf == CalendarDate("2026-03-31"))
            await #expect(throws: ValidationError.self) {
                _ = try await services.commands.run(
                    GenerateCountTasks(.init(siteId: site.id, asOf: CalendarDate("2026-04-01"))), as: Fixtures.system)
            }
            let accuracy = try await services.inventory.inventoryAccuracy(site: site.id, from: nil, until: nil,
                                                                          as: Fixtures.system)
            #expect(accuracy.until == CalendarDate("2026-03-31"))
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// Where a superseded number meets stock, the rule on its link decides which stock serves.
@Suite("Superseded stock scenarios")
struct SupersededStockScenarioTests {
    /// A → B → C, both links one-way and "use up old stock"; the site holds 3 of A and 5 of C.
    struct Chain: Sendable {
        let fixtures: Fixtures
        let site: Site
        let a: Part, b: Part, c: Part

        static func make(_ services: AxleServices, aLink: Supersession.Interchangeability = .oneWay,
                         aUsesUp: Bool = true) async throws -> Chain {
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let a = try await fixtures.part("WP-100"), b = try await fixtures.part("WP-100A")
            let c = try await fixtures.part("WP-100B")
            _ = try await fixtures.supersede(a, by: b, aLink, effectiveOn: CalendarDate("2026-01-01"),
                                             useUpOldStock: aUsesUp)
            _ = try await fixtures.supersede(b, by: c, effectiveOn: CalendarDate("2026-01-01"))
            let bin = try await fixtures.bin("A-01", at: site)
            try await fixtures.receive(3, of: a, into: bin)
            try await fixtures.receive(5, of: c, into: bin)
            return Chain(fixtures: fixtures, site: site, a: a, b: b, c: c)
        }

        func reserve(_ quantity: Int64, number: PartNumber? = nil, id: Part.ID? = nil, reference: String = "RO-1",
                     allowPartial: Bool = false, backorder: Bool = false) async throws -> Reserve.Outcome {
            try await fixtures.services.commands.run(Reserve(.init(
                partId: id, partNumber: number, siteId: site.id, quantity: Quantity(units: quantity),
                demand: Demand(kind: .repairOrder, reference: reference), priority: .customerWaiting,
                needBy: CalendarDate("2026-03-10")!, allowPartial: allowPartial, backorderRemainder: backorder)),
                as: Fixtures.system)
        }

        func stock(_ part: Part) async throws -> SiteStock { try await fixtures.siteStock(part, at: site) }
    }

    static func units(_ values: Int64...) -> [Quantity] { values.map { Quantity(units: $0) } }

    @Test(arguments: TestBackend.available)
    func reservingFourOfTheOldNumberUsesUpItsThreeThenTakesOneOfTheCurrentPart(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            let outcome = try await chain.reserve(4, number: chain.a.number)

            #expect(outcome.requestedPart == chain.a.number)
            #expect(outcome.parts.map(\.number) == [chain.a.number, chain.c.number])
            #expect(outcome.parts.map(\.reserved) == Self.units(3, 1))
            #expect(outcome.reservations.map(\.partID) == [chain.a.id, chain.c.id])
            #expect(outcome.reservations.allSatisfy { $0.demand.reference == "RO-1" })
            #expect(outcome.notReserved == .zero)
            #expect(try await chain.stock(chain.a).available == .zero)
            #expect(try await chain.stock(chain.c).available == Quantity(units: 4))
            #expect(try await chain.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func reservingByTheOldPartsIdReachesItsStockTooAndSplitReservationsConsumeAndRelease(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            let outcome = try await chain.reserve(4, id: chain.a.id)
            #expect(outcome.parts.map(\.reserved) == Self.units(3, 1))

            let fromA = try await services.commands.run(
                ConsumeReservation(reservationID: outcome.reservations[0].id, input: .init()), as: Fixtures.system)
            #expect(fromA.reservation.status == .consumed)
            #expect(fromA.movements.map(\.partID) == [chain.a.id])
            let releasedC = try await services.commands.run(
                ReleaseReservation(reservationID: outcome.reservations[1].id), as: Fixtures.system)
            #expect(releasedC.status == .released)
            let a = try await chain.stock(chain.a), c = try await chain.stock(chain.c)
            #expect(try [a.onHand, a.reserved, c.onHand, c.reserved, c.available] == Self.units(0, 0, 5, 0, 5))

            // A is used up: the next demand for A goes to C alone.
            let next = try await chain.reserve(2, id: chain.a.id, reference: "RO-2")
            #expect(next.parts.map(\.number) == [chain.c.number])
            #expect(try await chain.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func whatNoNumberCoversIsBackorderedOnTheCurrentPartAndFilledWhenItArrives(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            let outcome = try await chain.reserve(10, number: chain.a.number, allowPartial: true, backorder: true)
            #expect(outcome.parts.map(\.number) == [chain.a.number, chain.c.number])
            #expect(outcome.parts.map(\.reserved) == Self.units(3, 5))
            #expect(outcome.parts.map(\.backordered) == Self.units(0, 2))
            #expect(outcome.notReserved == .zero)

            let receipt = try await chain.fixtures.receive(2, of: chain.c, into: try await chain.fixtures.bin("B-01", at: chain.site))
            #expect(receipt.allocations.map(\.reservationID) == [outcome.reservations[1].id])
            let c = try await chain.stock(chain.c)
            #expect(try [c.reserved, c.backordered, c.available] == Self.units(7, 0, 0))
            #expect(try await chain.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aShortSiteCountsEveryUsableNumberAndReservesNothingWithoutAllowPartial(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            await #expect {
                _ = try await chain.reserve(9, number: chain.a.number)
            } throws: { error in
                (error as? ReservationRefused)?.available == Quantity(units: 8)
            }
            #expect(try await chain.stock(chain.a).reserved == .zero)
            #expect(try await chain.stock(chain.c).reserved == .zero)
        }
    }

    @Test(arguments: TestBackend.available)
    func oneWayOldStockNeverServesADemandForTheNewNumber(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            let outcome = try await chain.reserve(4, number: chain.c.number)
            #expect(outcome.parts.map(\.number) == [chain.c.number])
            #expect(try await chain.stock(chain.a).available == Quantity(units: 3))
        }
    }

    @Test(arguments: TestBackend.available)
    func twoWayOldStockIsUsedUpFirstEvenForTheNewNumber(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let old = try await fixtures.part("SP-7"), new = try await fixtures.part("SP-7X")
            _ = try await fixtures.supersede(old, by: new, .twoWay, effectiveOn: CalendarDate("2026-01-01"))
            let bin = try await fixtures.bin("A-01", at: site)
            try await fixtures.receive(2, of: old, into: bin)
            try await fixtures.receive(5, of: new, into: bin)
            let outcome = try await fixtures.reserve(3, of: new, at: site)
            #expect(outcome.parts.map(\.number) == [old.number, new.number])
            #expect(outcome.parts.map(\.reserved) == Self.units(2, 1))
            let atp = try await services.inventory.availableToPromise(part: new.id, site: site.id, through: nil,
                                                                      as: Fixtures.system)
            #expect(atp.availableNow == Quantity(units: 4))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aLinkWithoutUseUpLeavesTheOldStockAloneEverywhere(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let chain = try await Chain.make(services, aUsesUp: false)
            let outcome = try await chain.reserve(4, number: chain.a.number)
            #expect(outcome.parts.map(\.number) == [chain.c.number])
            #expect(outcome.parts.map(\.reserved) == Self.units(4))
            #expect(try await chain.stock(chain.a).available == Quantity(units: 3))
            let atp = try await services.inventory.availableToPromise(part: chain.a.id, site: chain.site.id,
                                                                      through: nil, as: Fixtures.system)
            #expect(atp.availableNow == Quantity(units: 1))
        }
    }

    @Test(arguments: TestBackend.available)
    func theAvailableToPromiseOfAnOldNumberCountsItsUsableStockAndTheCurrentParts(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            let atp = try await services.inventory.availableToPromise(part: chain.a.id, site: chain.site.id,
                                                                      through: nil, as: Fixtures.system)
            #expect(atp.availableNow == Quantity(units: 8))
            let current = try await services.inventory.availableToPromise(part: chain.c.id, site: chain.site.id,
                                                                          through: nil, as: Fixtures.system)
            #expect(current.availableNow == Quantity(units: 5))
        }
    }

    @Test(arguments: TestBackend.available)
    func demandsForTheOldAndTheNewNumberAtOnceNeverReserveMoreThanTheSiteHolds(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let chain = try await Chain.make(services)
            // Six demands for A (A's 3, then C) and six for C (C only) race for 3 of A and 5 of C.
            let outcomes = await withTaskGroup(of: Result<Reserve.Outcome, any Error>.self) { group in
                for index in 0..<12 {
                    let number = index.isMultiple(of: 2) ? chain.a.number : chain.c.number
                    group.addTask {
                        await Result(catching: { try await chain.reserve(1, number: number, reference: "RO-\(index)") })
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let reserved = outcomes.compactMap { try? $0.get() }
            let refusals = outcomes.compactMap { outcome -> (any Error)? in
                if case .failure(let error) = outcome { return error }
                return nil
            }
            #expect(reserved.count == 8)
            #expect(refusals.allSatisfy { $0 is ReservationRefused }, "\(refusals)")
            let a = try await chain.stock(chain.a), c = try await chain.stock(chain.c)
            #expect([a.reserved, c.reserved] == Self.units(3, 5))
            #expect(try await chain.fixtures.verify() == [])
        }
    }
}

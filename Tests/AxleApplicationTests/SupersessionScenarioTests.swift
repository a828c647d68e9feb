import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Supersession scenarios")
struct SupersessionScenarioTests {
    @Test(arguments: TestBackend.available)
    func aLookupOfAnOldNumberResolvesThroughTwoSupersessionsToTheCurrentPart(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let a = try await fixtures.part("OF-100"), b = try await fixtures.part("OF-100A"), c = try await fixtures.part("OF-100B")
            _ = try await fixtures.supersede(a, by: b)
            _ = try await fixtures.supersede(b, by: c)

            let lookup = try await services.catalog.lookup(number: a.number, as: Fixtures.system)
            #expect(lookup.requested.number == a.number)
            #expect(lookup.current.number == c.number)
            #expect(lookup.chain.map(\.part.number) == [b.number, c.number])
            #expect(lookup.requested.lifecycle == .superseded)
            let middle = try await services.catalog.partDetails(b.id, as: Fixtures.system)
            #expect(middle.part.lifecycle == .superseded)
            #expect(middle.replaces.map(\.partID) == [a.id])
            #expect(try await services.catalog.lookup(number: c.number, as: Fixtures.system).chain.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func closingACycleIsRefusedAndWritesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let a = try await fixtures.part("A-1"), b = try await fixtures.part("B-1"), c = try await fixtures.part("C-1")
            _ = try await fixtures.supersede(a, by: b)
            _ = try await fixtures.supersede(b, by: c)
            let auditBefore = try await fixtures.auditTrail().count
            await #expect(throws: CatalogError.supersessionCycle(c.number, a.number)) {
                _ = try await fixtures.supersede(c, by: a)
            }
            #expect(try await fixtures.auditTrail().count == auditBefore)
            #expect(try await services.catalog.partDetails(c.id, as: Fixtures.system).part.lifecycle == .active)
        }
    }

    @Test(arguments: TestBackend.available)
    func twoClerksLinkingTwoPartsBothWaysAtOnceCannotCloseACycle(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            for round in 0..<10 {
                let a = try await fixtures.part("X-\(round)"), b = try await fixtures.part("Y-\(round)")
                async let forward = Result(catching: { try await fixtures.supersede(a, by: b) })
                async let backward = Result(catching: { try await fixtures.supersede(b, by: a) })
                let outcomes = await [forward, backward]
                #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1, "round \(round)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aFutureSupersessionLeavesThePartCurrentUntilItsDate(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let a = try await fixtures.part("F-1"), b = try await fixtures.part("F-2")
            _ = try await fixtures.supersede(a, by: b, effectiveOn: CalendarDate("2030-01-01"))
            let lookup = try await services.catalog.lookup(number: a.number, as: Fixtures.system)
            #expect(lookup.current.id == a.id)
            #expect(lookup.requested.lifecycle == .active)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}

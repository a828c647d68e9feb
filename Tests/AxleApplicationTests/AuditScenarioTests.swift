import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Audit trail")
struct AuditScenarioTests {
    @Test(arguments: TestBackend.available)
    func everyWriteLeavesOneRecordWithActorBeforeAndAfter(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (manager, _) = try await fixtures.user("maria", role: .partsManager)
            let part = try await services.commands.run(CreatePart(.init(
                number: PartNumber("BP-1")!, description: "Brake pad set", brand: "ATE", category: .brakes, unit: .set,
                cost: "20.00", listPrice: "45.00")), as: manager)
            _ = try await services.commands.run(UpdatePart(partID: part.id, expectedVersion: 1, input: .init(
                listPrice: "47.50", reason: "supplier price list 2026")), as: manager)

            let records = try await fixtures.auditTrail().filter { $0.entityID == part.id.description }
            #expect(records.map(\.action) == ["part.create", "part.update"])
            #expect(records.allSatisfy { $0.actorName == "maria" && $0.requestID == "test" })
            #expect(records[0].before == nil)
            #expect(records[1].before?.contains(#""listPrice":"45.00""#) == true)
            #expect(records[1].after?.contains(#""listPrice":"47.50""#) == true)
            #expect(records[1].reason == "supplier price list 2026")
        }
    }

    @Test(arguments: TestBackend.available)
    func issuingATokenIsAuditedWithoutItsSecretOrHash(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (_, secret) = try await fixtures.user("ops", role: .admin)
            let issued = try #require(try await fixtures.auditTrail().first { $0.action == "token.issue" })
            #expect(issued.actorName == "system")
            #expect(issued.after?.contains("principalId") == true)
            #expect(issued.after?.contains("secretHash") == false)
            #expect(issued.after?.contains(secret) == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRefusedWriteLeavesNoRecord(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            _ = try await fixtures.part("BP-1")
            let before = try await fixtures.auditTrail()
            await #expect(throws: CatalogError.partNumberTaken(PartNumber("BP-1")!)) { _ = try await fixtures.part("bp-1") }
            await #expect(throws: ValidationError.self) { _ = try await fixtures.part("BP-2", cost: "-1.00") }
            #expect(try await fixtures.auditTrail() == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func theTrailFiltersByEntityActorAndTime(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let (admin, _) = try await fixtures.user("ada", role: .admin)
            clock.advance(seconds: 60)
            let start = clock.now
            let site = try await services.commands.run(CreateSite(.init(
                code: Code("DLR-1")!, name: "North", kind: .dealership,
                location: GeoPoint(latitude: 41.9, longitude: -87.6)!)), as: admin)
            clock.advance(seconds: 3600)
            _ = try await fixtures.part("BP-1")
            func records(_ query: AuditQuery) async throws -> [String] {
                try await services.audit.records(query, PageRequest(after: nil, limit: 100), as: admin).map(\.action)
            }
            #expect(try await records(AuditQuery(entityType: "site", entityID: site.id.description)) == ["site.create"])
            #expect(try await records(AuditQuery(actorID: admin.principal.id)) == ["site.create"])
            #expect(try await records(AuditQuery(from: start, until: start.adding(seconds: 1))) == ["site.create"])
            #expect(try await records(AuditQuery(from: start.adding(seconds: 3600))) == ["part.create"])
            let (technician, _) = try await fixtures.user("tom", role: .technician)
            await #expect(throws: AccessError.self) {
                _ = try await services.audit.records(AuditQuery(), PageRequest(after: nil, limit: 1), as: technician)
            }
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// The batch path: many commands in one transaction, each still authorised and audited, each
/// undone alone when it fails.
@Suite("Command batch")
struct CommandBatchTests {
    @Test(arguments: TestBackend.available)
    func commandsInABatchSeeEachOtherAndAFailureIsUndoneAlone(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (technician, _) = try await fixtures.user("tom", role: .technician)
            let outcome = try await services.batch { batch in
                let first = try await batch.commands.run(Self.createPart("BP-1"), as: Fixtures.system)
                let found = try await batch.catalog.lookup(number: PartNumber("BP-1")!, as: Fixtures.system)
                var refusals: [String] = []
                do {
                    _ = try await batch.commands.run(Self.createPart("BP-1"), as: Fixtures.system)
                } catch {
                    refusals.append("\(error)")
                }
                do {
                    _ = try await batch.commands.run(Self.createPart("BP-3"), as: technician)
                } catch {
                    refusals.append("\(error)")
                }
                let second = try await batch.commands.run(Self.createPart("BP-2"), as: Fixtures.system)
                return (found.requested.id == first.id, refusals, [first.id, second.id])
            }
            #expect(outcome.0, "a query in the batch sees the part created before it")
            #expect(outcome.1.count == 2, "the duplicate and the unauthorised command are refused: \(outcome.1)")

            let parts = try await services.database.read { stores in
                try await stores.parts.find(ids: outcome.2)
            }
            #expect(Set(parts.map(\.number.rawValue)) == ["BP-1", "BP-2"])
            let created = try await fixtures.auditTrail().filter { $0.action == "part.create" }
            #expect(created.map(\.entityID).sorted() == outcome.2.map(\.description).sorted())
        }
    }

    @Test(arguments: TestBackend.available)
    func aBatchThatThrowsWritesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await services.batch { batch in
                    _ = try await batch.commands.run(Self.createPart("BP-9"), as: Fixtures.system)
                    throw Abandoned()
                }
            }
            let found = try await services.database.read { stores in
                try await stores.parts.find(number: PartNumber("BP-9")!)
            }
            #expect(found == nil)
            #expect(try await Fixtures(services: services).auditTrail().allSatisfy { $0.action != "part.create" })
        }
    }

    private static func createPart(_ number: String) -> CreatePart {
        CreatePart(.init(number: PartNumber(number)!, description: "Brake pad set", brand: "ATE", category: .brakes,
                         unit: .set, cost: "20.00", listPrice: "45.00"))
    }
}

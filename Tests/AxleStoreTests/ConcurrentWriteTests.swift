import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

@Suite("Concurrent writes")
struct ConcurrentWriteTests {
    struct Refused: Error {}

    /// Many writers at once (batched into shared commits on SQLite): each succeeds or fails
    /// on its own, and exactly the successful ones are stored.
    @Test(arguments: TestBackend.available)
    func eachConcurrentWriteCommitsOrRollsBackAlone(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let usd = Currency(code: "USD")!
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        do {
                            try await database.write { stores in
                                try await stores.parts.insert([Part(
                                    id: Identifier(UUID()), number: PartNumber("C-\(index)")!, description: "part \(index)",
                                    brand: "OEM", category: .body, unit: .each, cost: Money(minorUnits: 1, currency: usd),
                                    listPrice: Money(minorUnits: 2, currency: usd))])
                                if index % 5 == 0 { throw Refused() }
                            }
                            return true
                        } catch is Refused {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 48)
            let stored = try await database.read { stores in
                try await stores.parts.search(PartQuery(numberPrefix: "C-"), PageRequest(after: nil, limit: 100))
            }
            #expect(stored.count == 48)
            #expect(stored.allSatisfy { Int($0.part.number.rawValue.dropFirst(2))! % 5 != 0 })
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// On PostgreSQL, statements run prepared once per connection with their values written into
/// `EXECUTE` as literals; whatever text a user types must arrive exactly as typed, on both backends.
@Suite("Statement values")
struct StatementValueTests {
    static let awkwardTexts = [
        "O'Reilly's oil filter",
        "back\\slash, \\' and '' doubled",
        "'); DROP TABLE parts; --",
        "Ölfilter – 油フィルター 🚗",
        "percent %, underscore _ and a $1 placeholder",
        "semicolon; and a -- comment /* too */",
    ]

    @Test("text with quotes, backslashes and other scripts is stored and read back exactly, call after call",
          arguments: TestBackend.available)
    func awkwardTextRoundTrips(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            for (index, text) in Self.awkwardTexts.enumerated() {
                _ = try await fixtures.part("Q-\(index)", description: text)
            }
            // More calls than PostgreSQL makes before it switches a prepared statement to a generic plan.
            for _ in 0..<8 {
                for (index, text) in Self.awkwardTexts.enumerated() {
                    let found = try await services.database.read { stores in
                        try await stores.parts.find(number: PartNumber("Q-\(index)")!)
                    }
                    #expect(found?.description == text)
                }
            }
            let all = try await services.database.read { stores in
                try await stores.parts.find(number: PartNumber("Q-2")!)
            }
            #expect(all != nil, "the parts table is still there")
        }
    }
}

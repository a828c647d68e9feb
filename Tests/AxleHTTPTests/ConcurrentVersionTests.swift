import AxleApplication
import AxleDomain
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Optimistic concurrency under real concurrency: of eight `PATCH` requests sent at once with
/// the same `If-Match`, exactly one changes the resource and the other seven are refused with 412.
@Suite("Concurrent updates of one version")
struct ConcurrentVersionTests {
    static let writers = 8

    @Test(arguments: TestBackend.available)
    func ofEightConcurrentPartUpdatesFromOneVersionExactlyOneWins(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let created = try await api.send(.post, "/api/v1/parts", json: PartJSON.oilFilter)
            let id = try #require(created.string("id"), "\(created)")
            let responses = try await Self.race(api, "/api/v1/parts/\(id)") { #"{"listPrice": "10.0\#($0)"}"# }
            let winner = try Self.checkOneWinner(responses)
            let part = try await api.send(.get, "/api/v1/parts/\(id)")
            #expect(part.headers[.eTag] == "\"2\"")
            #expect((part.json["part"] as? [String: Any])?["listPrice"] as? String == winner.string("listPrice"))
            #expect(try await Self.audited("part.update", api) == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func ofEightConcurrentSupplierUpdatesFromOneVersionExactlyOneWins(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let supplier = try await api.services.commands.run(
                CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
            let uri = "/api/v1/suppliers/\(supplier.id)"
            let responses = try await Self.race(api, uri) { #"{"name": "Bosch \#($0)"}"# }
            let winner = try Self.checkOneWinner(responses)
            let stored = try await api.send(.get, uri)
            #expect(stored.headers[.eTag] == "\"2\"")
            #expect(stored.string("name") == winner.string("name"))
            #expect(try await Self.audited("supplier.update", api) == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func ofEightConcurrentSiteUpdatesFromOneVersionExactlyOneWins(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-NORTH")
            let uri = "/api/v1/sites/\(site.id)"
            let responses = try await Self.race(api, uri) { #"{"name": "North \#($0)"}"# }
            let winner = try Self.checkOneWinner(responses)
            let stored = try await api.send(.get, uri)
            #expect(stored.headers[.eTag] == "\"2\"")
            #expect(stored.string("name") == winner.string("name"))
            #expect(try await Self.audited("site.update", api) == 1)
        }
    }

    /// Sends `writers` PATCH requests at once, each with its own body and all with `If-Match: "1"`.
    static func race(_ api: APIHarness, _ uri: String, body: @escaping @Sendable (Int) -> String) async throws
        -> [APIResponse]
    {
        try await withThrowingTaskGroup(of: APIResponse.self) { group in
            for writer in 0..<writers {
                group.addTask { try await api.send(.patch, uri, json: body(writer), headers: [.ifMatch: "\"1\""]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Exactly one 200 (at version 2) and all others 412 naming version 2; returns the 200.
    static func checkOneWinner(_ responses: [APIResponse]) throws -> APIResponse {
        let winners = responses.filter { $0.status == .ok }
        #expect(winners.count == 1, "\(responses)")
        let refused = responses.filter { $0.status == .preconditionFailed }
        #expect(refused.count == writers - 1, "\(responses)")
        for response in refused {
            #expect(response.errorCode == "request.stale_version")
            let details = (response.json["error"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["currentVersion"] as? Int == 2, "\(response)")
        }
        let winner = try #require(winners.first)
        #expect(winner.headers[.eTag] == "\"2\"")
        return winner
    }

    static func audited(_ action: String, _ api: APIHarness) async throws -> Int {
        try await api.fixtures.auditTrail().filter { $0.action == action }.count
    }
}

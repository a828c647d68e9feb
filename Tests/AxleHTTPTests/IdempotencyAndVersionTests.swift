import Foundation
import AxleApplication
import AxleDomain
import AxleTestSupport
import HTTPTypes
import Testing

@Suite("Idempotent retries and optimistic concurrency")
struct IdempotencyAndVersionTests {
    @Test(arguments: TestBackend.available)
    func aRetryWithTheSameKeyReturnsTheFirstResponseAndWritesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let key: HTTPFields = [.idempotencyKey: "create-of-100"]
            let first = try await api.send(.post, "/api/v1/parts", json: PartJSON.oilFilter, headers: key)
            #expect(first.status == .created, "\(first)")
            #expect(first.headers[.eTag] == "\"1\"")
            let trail = try await api.fixtures.auditTrail()

            let retry = try await api.send(.post, "/api/v1/parts", json: PartJSON.oilFilter, headers: key)
            #expect(retry.status == .created)
            #expect(retry.body == first.body)
            #expect(retry.headers[.idempotentReplayed] == "true")
            #expect(retry.headers[.eTag] == "\"1\"")
            #expect(try await api.fixtures.auditTrail() == trail)

            let other = PartJSON.oilFilter.replacingOccurrences(of: "OF-100", with: "OF-200")
            let reused = try await api.send(.post, "/api/v1/parts", json: other, headers: key)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.errorCode == "request.idempotency_key_reused")
            let search = try await api.send(.get, "/api/v1/parts?number=OF")
            #expect((search.json["items"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentRetriesWithOneKeyCreateOnePart(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let key: HTTPFields = [.idempotencyKey: "burst"]
            let responses = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await api.send(.post, "/api/v1/parts", json: PartJSON.oilFilter, headers: key) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.allSatisfy { $0.status == .created })
            #expect(Set(responses.map(\.body)).count == 1)
            let creations = try await api.fixtures.auditTrail().filter { $0.action == "part.create" }
            #expect(creations.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aStaleUpdateIsRefusedNotSilentlyApplied(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let created = try await api.send(.post, "/api/v1/parts", json: PartJSON.oilFilter)
            let id = try #require(created.string("id"))
            let read = try await api.send(.get, "/api/v1/parts/\(id)")
            #expect(read.headers[.eTag] == "\"1\"")

            let update = #"{"listPrice": "10.50"}"#
            let first = try await api.send(.patch, "/api/v1/parts/\(id)", json: update, headers: [.ifMatch: "\"1\""])
            #expect(first.status == .ok, "\(first)")
            #expect(first.headers[.eTag] == "\"2\"")
            #expect(first.string("listPrice") == "10.50")

            let stale = try await api.send(.patch, "/api/v1/parts/\(id)", json: #"{"listPrice": "9.00"}"#,
                                           headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.errorCode == "request.stale_version")
            let missing = try await api.send(.patch, "/api/v1/parts/\(id)", json: update)
            #expect(missing.status == .preconditionRequired)
            let after = try await api.send(.get, "/api/v1/parts/\(id)")
            #expect((after.json["part"] as? [String: Any])?["listPrice"] as? String == "10.50")
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}

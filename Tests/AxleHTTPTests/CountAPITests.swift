import AxleApplication
import AxleDomain
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Cycle counts over HTTP")
struct CountAPITests {
    @Test(arguments: TestBackend.available)
    func theCounterNeverSeesTheExpectedQuantity(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: part, into: try await fixtures.bin("A-01", at: site))
            let (_, counter) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            let (_, manager) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])

            let generated = try await api.send(.post, "/api/v1/counts/generate", token: counter,
                                               json: #"{"siteId": "\#(site.id)"}"#)
            #expect(generated.status == .ok, "\(generated)")
            #expect(generated.json["created"] as? Int == 1)
            let list = try await api.send(.get, "/api/v1/counts?site=\(site.id)&state=open", token: counter)
            let items = try #require(list.json["items"] as? [[String: Any]])
            let id = try #require(items.first?["id"] as? String)
            #expect(items.first?["partNumber"] as? String == "OF-1")
            #expect(items.first?["binCode"] as? String == "A-01")

            var seenByCounter = [list]
            seenByCounter.append(try await api.send(.get, "/api/v1/counts/\(id)", token: counter))
            let first = try await api.send(.post, "/api/v1/counts/\(id)/entries", token: counter, json: #"{"quantity": 7}"#)
            #expect(first.status == .created, "\(first)")
            #expect(first.string("state") == "recountRequired")
            let recount = try await api.send(.post, "/api/v1/counts/\(id)/entries", token: counter,
                                             json: #"{"quantity": 7.5}"#)
            #expect(recount.string("state") == "pendingApproval")
            seenByCounter += [first, recount, try await api.send(.get, "/api/v1/counts/\(id)", token: counter),
                              try await api.send(.get, "/api/v1/counts?site=\(site.id)", token: counter)]

            let review = try await api.send(.get, "/api/v1/counts/\(id)", token: manager).json["review"] as? [String: Any]
            #expect(review?["expected"] as? Int == 10)
            #expect(review?["variance"] as? Double == -2.5)
            let approved = try await api.send(.post, "/api/v1/counts/\(id)/approve", token: manager)
            #expect(approved.status == .ok, "\(approved)")
            #expect(approved.string("state") == "posted")
            seenByCounter.append(try await api.send(.get, "/api/v1/counts/\(id)", token: counter))

            for response in seenByCounter {
                #expect(response.status.code < 300, "\(response)")
                #expect(!response.body.contains("review") && !response.body.contains("expected")
                    && !response.body.contains("variance") && !response.body.contains("\"book"), "\(response)")
            }
            #expect(try await api.unrestricted(part, at: site) == 7.5)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aRetriedCountWithTheSameIdempotencyKeyPostsOnce(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(100, of: part, into: try await fixtures.bin("A-01", at: site))
            _ = try await api.send(.post, "/api/v1/counts/generate", json: #"{"siteId": "\#(site.id)"}"#)
            let list = try await api.send(.get, "/api/v1/counts?site=\(site.id)")
            let id = try #require((list.json["items"] as? [[String: Any]])?.first?["id"] as? String)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "count-\(id)"]
            let once = try await api.send(.post, "/api/v1/counts/\(id)/entries", json: #"{"quantity": 97}"#, headers: key)
            let twice = try await api.send(.post, "/api/v1/counts/\(id)/entries", json: #"{"quantity": 97}"#, headers: key)
            #expect(once.string("state") == "posted")
            #expect(twice.status == .created)
            #expect(twice.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(twice.body == once.body)
            #expect(try await api.unrestricted(part, at: site) == 97)
            let accuracy = try await api.send(.get, "/api/v1/inventory-accuracy?site=\(site.id)")
            #expect(accuracy.json["countedLines"] as? Int == 1)
            #expect(accuracy.string("accuracyPercent") == "100.00")
            #expect(try await fixtures.verify() == [])
        }
    }

    /// Whose token a bad request is sent with.
    enum Caller: Sendable {
        case admin
        case warehouseA, warehouseB
        /// The parts manager at site A who counted the pending task.
        case managerA
        /// Another parts manager at site A.
        case otherManagerA
        case managerB
    }

    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        var caller: Caller = .warehouseA

        var description: String { "\(method) \(path) \(body ?? "") as \(caller)" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"

    static func rules(a: String = #""A""#, interval: String = "30", dropC: Bool = false) -> String {
        let c = dropC ? "" : #", {"abcClass": "C", "intervalDays": 365, "toleranceBasisPoints": 1000}"#
        return #"{"rules": [{"abcClass": \#(a), "intervalDays": \#(interval), "toleranceBasisPoints": 200}, "#
            + #"{"abcClass": "B", "intervalDays": 91, "toleranceBasisPoints": 500}\#(c)]}"#
    }

    /// `{siteA}`, `{open}` (an open task at site A) and `{pending}` (a task at site A awaiting
    /// approval, counted by `managerA`) are replaced by real identifiers.
    static let cases: [Case] = [
        Case(method: .get, path: "/api/v1/counts/\(unknown)", body: nil, status: 404, code: "inventory.count.not_found"),
        Case(method: .get, path: "/api/v1/counts/not-an-id", body: nil, status: 404, code: "inventory.count.not_found"),
        Case(method: .post, path: "/api/v1/counts/\(unknown)/entries", body: #"{"quantity": 1}"#, status: 404, code: "inventory.count.not_found"),
        Case(method: .post, path: "/api/v1/counts/\(unknown)/approve", body: nil, status: 404, code: "inventory.count.not_found", caller: .otherManagerA),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: #"{"quantity": -1}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: #"{"quantity": 1.0005}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: #"{"quantity": "7"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: #"{"quantity": null}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: "{}", status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: "", status: 400, code: "request.malformed_json"),
        Case(method: .post, path: "/api/v1/counts/{open}/entries", body: #"{"quantity": 10}"#, status: 403, code: "auth.site_out_of_scope", caller: .warehouseB),
        Case(method: .post, path: "/api/v1/counts/{pending}/entries", body: #"{"quantity": 10}"#, status: 409, code: "inventory.count.transition_not_allowed"),
        Case(method: .post, path: "/api/v1/counts/{pending}/approve", body: nil, status: 403, code: "inventory.count.own_approval", caller: .managerA),
        Case(method: .post, path: "/api/v1/counts/{pending}/reject", body: nil, status: 403, code: "inventory.count.own_approval", caller: .managerA),
        Case(method: .post, path: "/api/v1/counts/{pending}/approve", body: nil, status: 403, code: "auth.permission_denied"),
        Case(method: .post, path: "/api/v1/counts/{pending}/approve", body: nil, status: 403, code: "auth.site_out_of_scope", caller: .managerB),
        Case(method: .post, path: "/api/v1/counts/{open}/approve", body: nil, status: 409, code: "inventory.count.transition_not_allowed", caller: .otherManagerA),
        Case(method: .get, path: "/api/v1/counts/{open}", body: nil, status: 403, code: "auth.site_out_of_scope", caller: .warehouseB),
        Case(method: .post, path: "/api/v1/counts/generate", body: #"{"siteId": "{siteA}"}"#, status: 403, code: "auth.site_out_of_scope", caller: .warehouseB),
        Case(method: .post, path: "/api/v1/counts/generate", body: #"{"siteId": "{siteA}", "asOf": "2099-01-01"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/generate", body: #"{"siteId": "{siteA}", "asOf": "2026-02-30"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/generate", body: #"{"siteId": "nope"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/counts/generate", body: #"{"siteId": "\#(unknown)"}"#, status: 404, code: "catalog.site.not_found", caller: .admin),
        Case(method: .get, path: "/api/v1/counts", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/counts?site={siteA}&state=counted", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/counts?site={siteA}&limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/counts?site={siteA}", body: nil, status: 403, code: "auth.site_out_of_scope", caller: .managerB),
        Case(method: .get, path: "/api/v1/sites/\(unknown)/count-policy", body: nil, status: 404, code: "catalog.site.not_found", caller: .admin),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(dropC: true), status: 400, code: "request.invalid_field", caller: .managerA),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(interval: "0"), status: 400, code: "request.invalid_field", caller: .managerA),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(interval: #""30""#), status: 400, code: "request.invalid_field", caller: .managerA),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(a: #""D""#), status: 400, code: "request.invalid_field", caller: .managerA),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(a: #""B""#), status: 400, code: "request.invalid_field", caller: .managerA),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(), status: 403, code: "auth.permission_denied"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/count-policy", body: rules(), status: 403, code: "auth.site_out_of_scope", caller: .managerB),
        Case(method: .get, path: "/api/v1/inventory-accuracy", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/inventory-accuracy?site={siteA}&from=yesterday", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/inventory-accuracy?site={siteA}&from=2026-03-05&until=2026-03-01", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/inventory-accuracy?site={siteA}&from=2000-01-01", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/inventory-accuracy?site={siteA}", body: nil, status: 403, code: "auth.site_out_of_scope", caller: .warehouseB),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadCountRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let siteA = try await fixtures.site("DLR-A"), siteB = try await fixtures.site("DLR-B")
            let bin = try await fixtures.bin("A-01", at: siteA)
            let (filters, pads) = (try await fixtures.part("OF-1"), try await fixtures.part("BP-1", category: .brakes))
            try await fixtures.receive(10, of: filters, into: bin)
            try await fixtures.receive(10, of: pads, into: bin)
            let (managerA, managerAToken) = try await fixtures.user("pm-a", role: .partsManager, sites: [siteA.code])
            var tokens: [String: String] = ["managerA": managerAToken]
            for (name, role, site) in [("warehouseA", Role.warehouse, siteA), ("warehouseB", Role.warehouse, siteB),
                                       ("otherManagerA", Role.partsManager, siteA), ("managerB", Role.partsManager, siteB)] {
                tokens[name] = try await fixtures.user(name, role: role, sites: [site.code]).token
            }
            let commands = fixtures.services.commands
            _ = try await commands.run(GenerateCountTasks(.init(siteId: siteA.id)), as: managerA)
            let tasks = try #require(try await api.send(.get, "/api/v1/counts?site=\(siteA.id)").json["items"]
                as? [[String: Any]])
            let open = try #require(tasks.first { $0["partId"] as? String == filters.id.description }?["id"] as? String)
            let pendingText = try #require(tasks.first { $0["partId"] as? String == pads.id.description }?["id"] as? String)
            let pending = try #require(CountTask.ID(pendingText))
            for _ in 1...2 {
                _ = try await commands.run(EnterCount(taskID: pending, input: .init(quantity: Quantity(units: 4))),
                                           as: managerA)
            }
            let placeholders = ["{siteA}": siteA.id.description, "{open}": open, "{pending}": pending.description]
            func fill(_ text: String) -> String {
                placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let trail = try await fixtures.auditTrail()

            for testCase in Self.cases {
                let token = switch testCase.caller {
                case .admin: api.adminToken
                case .warehouseA: tokens["warehouseA"]!
                case .warehouseB: tokens["warehouseB"]!
                case .managerA: tokens["managerA"]!
                case .otherManagerA: tokens["otherManagerA"]!
                case .managerB: tokens["managerB"]!
                }
                let response = try await api.send(testCase.method, fill(testCase.path), token: token,
                                                  json: testCase.body.map(fill))
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }

            #expect(try await fixtures.auditTrail() == trail)
            #expect(try await fixtures.services.inventory.countTask(pending, as: managerA).state == .pendingApproval)
            #expect(try await api.unrestricted(pads, at: siteA) == 10)
            #expect(try await fixtures.verify() == [])
        }
    }
}

extension APIHarness {
    /// A part's unrestricted stock at a site, as the stock endpoint reports it.
    fileprivate func unrestricted(_ part: Part, at site: Site) async throws -> Double? {
        let items = try await send(.get, "/api/v1/stock?part=\(part.id)&site=\(site.id)").json["items"] as? [[String: Any]]
        return (items?.first?["stock"] as? [String: Any])?["unrestricted"] as? Double
    }
}

import AxleDomain
import AxleHTTP
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// What the HTTP edge answers before a route's own rules: methods, media types, `If-Match`,
/// query identifiers, text and numbers the decoder lets through, and permission before input.
@Suite("The HTTP edge")
struct HTTPEdgeTests {
    @Test(arguments: TestBackend.available)
    func aMethodAPathDoesNotServeIs405WithAllow(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let part = try await api.fixtures.part("OF-1")
            let collection = try await api.send(.delete, "/api/v1/parts")
            #expect(collection.status == .methodNotAllowed, "\(collection)")
            #expect(collection.errorCode == "request.method_not_allowed")
            #expect(collection.headers[.allow] == "GET, POST")
            let item = try await api.send(.put, "/api/v1/parts/\(part.id)", json: "{}")
            #expect(item.status == .methodNotAllowed, "\(item)")
            #expect(item.headers[.allow] == "GET, PATCH")
            #expect(try await api.send(.get, "/api/v1/nowhere").status == .notFound)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBodyThatIsNotDeclaredAsJSONIs415(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let trail = try await api.fixtures.auditTrail()
            let response = try await api.send(.post, "/api/v1/suppliers",
                                              json: #"{"code": "S-1", "name": "Parts Co", "leadTimeDays": 7}"#,
                                              headers: [.contentType: "text/plain"])
            #expect(response.status == .unsupportedMediaType, "\(response)")
            #expect(response.errorCode == "request.unsupported_media_type")
            let withCharset = try await api.send(.post, "/api/v1/suppliers",
                                                 json: #"{"code": "S-1", "name": "Parts Co", "leadTimeDays": 7}"#,
                                                 headers: [.contentType: "application/json; charset=utf-8"])
            #expect(withCharset.status == .created, "\(withCharset)")
            #expect(try await api.fixtures.auditTrail().count == trail.count + 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func anIfMatchThatIsNoEntityTagIs400(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            for header in ["*", "1", "", #""""#, #""1", "2""#] {
                let response = try await api.send(.patch, "/api/v1/sites/\(site.id)", json: #"{"name": "x"}"#,
                                                  headers: [.ifMatch: header])
                #expect(response.status == .badRequest, "If-Match: \(header) → \(response)")
                #expect(response.errorCode == "request.malformed_if_match", "If-Match: \(header)")
            }
            let unknownTag = try await api.send(.patch, "/api/v1/sites/\(site.id)", json: #"{"name": "x"}"#,
                                                headers: [.ifMatch: #""abc""#])
            #expect(unknownTag.status == .preconditionFailed, "\(unknownTag)")
        }
    }

    @Test(arguments: TestBackend.available)
    func anEmptyIdentifierParameterIs400NamingIt(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let part = try await api.fixtures.part("OF-1")
            for path in ["/api/v1/transfers?site=", "/api/v1/exceptions?site=", "/api/v1/stock?part=\(part.id)&site=",
                         "/api/v1/reservations?part=\(part.id)&site="] {
                let response = try await api.send(.get, path)
                #expect(response.status == .badRequest, "\(path) → \(response)")
                #expect((response.json["error"] as? [String: Any])?["details"] as? [String: String] == ["parameter": "site"],
                        "\(path) → \(response)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anEmptyFilterParameterIs400NamingItRatherThanIgnored(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-N")
            let part = try await api.fixtures.part("OF-1")
            let cases: [(path: String, parameter: String)] = [
                ("/api/v1/appointments?site=\(site.id)&status=", "status"),
                ("/api/v1/appointments?site=\(site.id)&from=", "from"),
                ("/api/v1/appointments?site=\(site.id)&days=", "days"),
                ("/api/v1/repair-orders?site=\(site.id)&status=", "status"),
                ("/api/v1/transfers?state=", "state"),
                ("/api/v1/exceptions?state=", "state"),
                ("/api/v1/counts?site=\(site.id)&state=", "state"),
                ("/api/v1/atp?part=\(part.id)&site=\(site.id)&date=", "date"),
                ("/api/v1/parts?category=", "category"),
            ]
            for (path, parameter) in cases {
                let response = try await api.send(.get, path)
                #expect(response.status == .badRequest, "\(path) → \(response)")
                #expect((response.json["error"] as? [String: Any])?["details"] as? [String: String] == ["parameter": parameter],
                        "\(path) → \(response)")
            }
            let search = try await api.send(.get, "/api/v1/parts?q=&number=")
            #expect(search.status == .ok, "an empty search matches everything: \(search)")
        }
    }

    @Test(arguments: TestBackend.available)
    func controlCharactersInTextAreRefusedNamingTheField(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let trail = try await api.fixtures.auditTrail()
            for name in [#"A\u0000B"#, #"bell\u0007"#, #"\u001b[31mred"#] {
                let response = try await api.send(.post, "/api/v1/suppliers",
                                                  json: #"{"code": "S-1", "name": "\#(name)", "leadTimeDays": 7}"#)
                #expect(response.status == .badRequest, "\(name) → \(response)")
                #expect(Self.field(of: response) == "name", "\(name) → \(response)")
            }
            #expect(try await api.fixtures.auditTrail() == trail)
            let multiline = try await api.send(.post, "/api/v1/suppliers",
                                               json: #"{"code": "S-2", "name": "Parts\tCo\nNorth", "leadTimeDays": 7}"#)
            #expect(multiline.status == .created, "\(multiline)")
        }
    }

    @Test(arguments: TestBackend.available)
    func aNumberThatDoesNotFitItsFieldIsNamedNotCalledMalformed(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            for number in ["1e308", "-1e200", "9.3e18", "7.5"] {
                let response = try await api.send(.post, "/api/v1/suppliers",
                                                  json: #"{"code": "S-1", "name": "Parts Co", "leadTimeDays": \#(number)}"#)
                #expect(response.status == .badRequest, "\(number) → \(response)")
                #expect(response.errorCode == "request.invalid_field", "\(number) → \(response)")
                #expect(Self.field(of: response) == "leadTimeDays", "\(number) → \(response)")
            }
            let broken = try await api.send(.post, "/api/v1/suppliers", json: #"{"code": "S-1", "#)
            #expect(broken.errorCode == "request.malformed_json")
        }
    }

    /// A caller the route refuses learns nothing about its input: not that the body is
    /// invalid, an `If-Match` missing, or a record absent.
    @Test(arguments: TestBackend.available)
    func aRefusedCallerGets403WhateverItSends(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let siteA = try await api.fixtures.site("DLR-A")
            let siteB = try await api.fixtures.site("DLR-B")
            let (_, buyer) = try await api.fixtures.user("bea-buyer", role: .buyer, sites: [Code("DLR-A")!])
            let (_, unassigned) = try await api.fixtures.user("will-warehouse", role: .warehouse)
            let (_, managerAtA) = try await api.fixtures.user("max-manager", role: .partsManager, sites: [Code("DLR-A")!])
            let unknown = "00000000-0000-7000-8000-00000000dead"
            let refused: [(token: String, method: HTTPRequest.Method, path: String, body: String?, code: String)] = [
                (buyer, .post, "/api/v1/parts", "{", "auth.permission_denied"),
                (buyer, .post, "/api/v1/parts", #"{"number": 5}"#, "auth.permission_denied"),
                (buyer, .patch, "/api/v1/parts/\(unknown)", #"{"name": "x"}"#, "auth.permission_denied"),
                (buyer, .post, "/api/v1/receipts", "[]", "auth.permission_denied"),
                (buyer, .post, "/api/v1/counts/\(unknown)/approve", nil, "auth.permission_denied"),
                (unassigned, .post, "/api/v1/receipts", "{", "auth.site_out_of_scope"),
                (managerAtA, .put, "/api/v1/sites/\(siteB.id)/count-policy", "{", "auth.site_out_of_scope"),
            ]
            for request in refused {
                let response = try await api.send(request.method, request.path, token: request.token, json: request.body)
                #expect(response.status == .forbidden, "\(request.method) \(request.path) → \(response)")
                #expect(response.errorCode == request.code, "\(request.method) \(request.path) → \(response)")
            }
            // A caller who may write still hears what is wrong with the input.
            let allowed = try await api.send(.put, "/api/v1/sites/\(siteA.id)/count-policy", token: managerAtA, json: "{")
            #expect(allowed.status == .badRequest, "\(allowed)")
        }
    }

    /// Every write route is gated: a read-only role gets 403 on each, whatever path
    /// identifiers, headers and body it sends.
    @Test(arguments: TestBackend.available)
    func everyWriteRouteRefusesAReadOnlyCallerBeforeReadingItsInput(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let (_, auditor) = try await api.fixtures.user("ada-auditor", role: .auditor)
            let writes = APIRouter.build(services: api.services).endpoints.filter { $0.method != "GET" }
            #expect(writes.count > 40)
            for endpoint in writes {
                let path = endpoint.path.replacingOccurrences(of: "{id}", with: "not-an-id")
                    .replacingOccurrences(of: "{lineId}", with: "00000000-0000-7000-8000-00000000dead")
                let response = try await api.send(HTTPRequest.Method(endpoint.method)!, path, token: auditor, json: "{",
                                                  headers: [.ifMatch: "*", .idempotencyKey: ""])
                #expect(response.status == .forbidden, "\(endpoint.method) \(endpoint.path) → \(response)")
            }
        }
    }

    /// Statuses the count routes answer that the document did not list.
    @Test(arguments: TestBackend.available)
    func countDecisionsAndGenerationAnswerOnlyDocumentedStatuses(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            let unknown = "00000000-0000-7000-8000-00000000dead"
            let longKey = String(repeating: "k", count: 201)
            var answered: [(operation: String, path: String, status: Int)] = []
            for action in ["approve", "reject"] {
                let path = "/api/v1/counts/\(unknown)/\(action)"
                let response = try await api.send(.post, path, headers: [.idempotencyKey: longKey])
                answered.append(("/api/v1/counts/{id}/\(action)", path, Int(response.status.code)))
            }
            let generate = #"{"siteId": "\#(site.id)", "asOf": "2020-01-01"}"#
            _ = try await api.send(.post, "/api/v1/counts/generate", json: generate, headers: [.idempotencyKey: "k-1"])
            let reused = try await api.send(.post, "/api/v1/counts/generate",
                                            json: #"{"siteId": "\#(site.id)", "asOf": "2020-01-02"}"#,
                                            headers: [.idempotencyKey: "k-1"])
            answered.append(("/api/v1/counts/generate", "/api/v1/counts/generate", Int(reused.status.code)))
            #expect(answered.map(\.status) == [400, 400, 422])

            let document = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.text().utf8)) as? [String: Any]
            let paths = try #require(document?["paths"] as? [String: [String: [String: Any]]])
            for answer in answered {
                let responses = paths[answer.operation]?["post"]?["responses"] as? [String: Any] ?? [:]
                #expect(responses["\(answer.status)"] != nil, "\(answer.path) answered \(answer.status)")
            }
        }
    }

    /// Lists that used to answer everything at once page like the others: `limit`, then
    /// `nextCursor` until it is absent, each item once.
    @Test(arguments: TestBackend.available)
    func listsBoundedByASiteArePagedWithACursor(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let sites = [try await api.fixtures.site("DLR-A"), try await api.fixtures.site("DLR-B"),
                         try await api.fixtures.site("DLR-C")]
            let hours = #"[{"weekday": "monday", "start": "08:00", "end": "17:00"}]"#
            for code in ["L1", "L2", "L3"] {
                let bay = try await api.send(.post, "/api/v1/bays", json: """
                    {"siteId": "\(sites[0].id)", "code": "\(code)", "type": "generalLift", "hours": \(hours)}
                    """)
                #expect(bay.status == .created, "\(bay)")
            }
            for list in ["/api/v1/bays?site=\(sites[0].id)", "/api/v1/inventory-value",
                         "/api/v1/sites/nearest?latitude=41.9&longitude=-87.6"] {
                let whole = try await api.send(.get, list)
                let everything = (whole.json["items"] as? [Any])?.count
                #expect(everything == 3, "\(list) → \(whole)")
                var seen = 0
                var pages = 0
                var cursor: String?
                repeat {
                    let query = (list.contains("?") ? "&" : "?") + "limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let page = try await api.send(.get, list + query)
                    #expect(page.status == .ok, "\(list) → \(page)")
                    seen += (page.json["items"] as? [Any])?.count ?? 0
                    cursor = page.string("nextCursor")
                    pages += 1
                } while cursor != nil && pages < 5
                #expect(seen == 3, "\(list)")
                #expect(pages == 2, "\(list)")
            }
            let notASite = Data("not-a-site".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            let stale = try await api.send(.get, "/api/v1/inventory-value?cursor=\(notASite)")
            #expect(stale.errorCode == "request.invalid_cursor")
        }
    }

    static func field(of response: APIResponse) -> String? {
        ((response.json["error"] as? [String: Any])?["details"] as? [String: Any])?["field"] as? String
    }
}

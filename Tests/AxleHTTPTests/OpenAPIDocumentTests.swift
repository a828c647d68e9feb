import HTTPTypes
import AxleApplication
import AxleHTTP
import AxleTestSupport
import Foundation
import Testing

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func describesExactlyTheRegisteredRoutes() async throws {
        var registered: Set<String> = []
        try await TestBackend.sqlite.withServices { services in
            registered = Set(APIRouter.build(services: services).endpoints.map { "\($0.method) \($0.path)" })
        }
        let document = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.text().utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "post", "patch", "put", "delete"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        #expect(documented == registered)
    }

    /// Any write can be refused (403), be sent an invalid `Idempotency-Key` or input (400) or
    /// a reused key (422), and one with a body a body that is not JSON (415).
    @Test func everyWriteDocumentsTheStatusesEveryWriteCanAnswer() throws {
        let document = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.text().utf8)) as? [String: Any]
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        var writes = 0
        for (path, operations) in paths {
            for method in ["post", "put", "patch"] {
                guard let operation = operations[method] as? [String: Any] else { continue }
                writes += 1
                let responses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                var expected: Set<String> = ["400", "401", "403", "422", "500"]
                if operation["requestBody"] != nil { expected.insert("415") }
                #expect(expected.isSubset(of: responses), "\(method.uppercased()) \(path) lacks \(expected.subtracting(responses).sorted())")
            }
        }
        #expect(writes > 40)
    }

    @Test func everyReferencedSchemaExists() throws {
        let text = try OpenAPIDocument.text()
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let components = try #require(document?["components"] as? [String: [String: Any]])
        let pattern = try NSRegularExpression(pattern: ##""\$ref"\s*:\s*"#/components/(\w+)/(\w+)""##)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(!matches.isEmpty)
        for match in matches {
            let kind = String(text[Range(match.range(at: 1), in: text)!])
            let name = String(text[Range(match.range(at: 2), in: text)!])
            #expect(components[kind]?[name] != nil, "#/components/\(kind)/\(name)")
        }
    }

    @Test(arguments: TestBackend.available)
    func isServedToAuthenticatedClients(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let response = try await api.send(.get, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.string("openapi") == "3.1.0")
        }
    }
}

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

import HTTPTypes
import AxleDomain
import AxleTestSupport
import Foundation
import Testing

@Suite("Part search over HTTP")
struct PartSearchAPITests {
    func numbers(_ api: APIHarness, _ uri: String) async throws -> [String] {
        let response = try await api.send(.get, uri)
        #expect(response.status == .ok, "\(uri): \(response)")
        return CatalogueAPITests.numbers(response)
    }

    func addCatalogue(_ api: APIHarness) async throws {
        _ = try await api.fixtures.part("BP-1234", description: "Brake pad set, front", category: .brakes)
        _ = try await api.fixtures.part("BP-2000", description: "Brake disc, vented", category: .brakes)
        _ = try await api.fixtures.part("PAD-9", description: "Wear sensor", category: .brakes)
        _ = try await api.fixtures.part("SP-1", description: "Padding, seat", category: .body)
    }

    /// The README's example: a `+` in a query string is a space, as browsers send it.
    @Test(arguments: TestBackend.available)
    func theReadmeExampleFindsBrakePads(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            try await addCatalogue(api)
            #expect(try await numbers(api, "/api/v1/parts?q=brake+pad&limit=5") == ["BP-1234"])
            #expect(try await numbers(api, "/api/v1/parts?q=Brake%20PADS") == ["BP-1234"])
            #expect(try await numbers(api, "/api/v1/parts?q=pad") == ["PAD-9", "BP-1234", "SP-1"])
            #expect(try await numbers(api, "/api/v1/parts?q=pads&category=brakes") == ["PAD-9", "BP-1234"])
            // `%2B` is a plus, a word without letters or digits: it matches nothing. A lone `+` is
            // a blank query, which lists the catalogue.
            #expect(try await numbers(api, "/api/v1/parts?q=%2B") == [])
            #expect(try await numbers(api, "/api/v1/parts?q=+") == ["BP-1234", "BP-2000", "PAD-9", "SP-1"])
        }
    }

    @Test(arguments: TestBackend.available)
    func rankedResultsPageThroughTheCursor(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            try await addCatalogue(api)
            let unpaged = try await numbers(api, "/api/v1/parts?q=p")
            #expect(unpaged == ["PAD-9", "BP-1234", "SP-1"])
            var paged: [String] = []
            var uri = "/api/v1/parts?q=p&limit=1"
            while true {
                let response = try await api.send(.get, uri)
                #expect(response.status == .ok, "\(response)")
                paged += CatalogueAPITests.numbers(response)
                guard let cursor = response.string("nextCursor") else { break }
                uri = "/api/v1/parts?q=p&limit=1&cursor=\(cursor)"
            }
            #expect(paged == unpaged)
            let forged = try await api.send(.get, "/api/v1/parts?q=p&cursor=\(Data("9 BP-1".utf8).base64EncodedString())")
            #expect(forged.status == .badRequest)
            #expect(forged.errorCode == "request.invalid_cursor")
        }
    }

    /// Quotes, operators and broken percent-encoding answer 200 with what the letters and
    /// digits match; never a 500.
    @Test(arguments: TestBackend.available)
    func hostileQueriesAreAnsweredNotFailed(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            try await addCatalogue(api)
            for query in [
                "%22", "%22brake", "%27pad%27%3A*", "pad*", "*", "%3A", "number%3Apad", "%28", "NEAR%28brake",
                "brake%26pad", "%21pad", "pad%7Cx", "%3C-%3E", "%5C", "%25", "%", "%ZZ", "%C3", "%00", "pad%00",
                "%27%3B--", "AND", "OR+NOT", "%7Bnumber%7D%3Apad",
            ] {
                let response = try await api.send(.get, "/api/v1/parts?q=\(query)")
                #expect(response.status == .ok, "q=\(query): \(response)")
            }
            #expect(try await numbers(api, "/api/v1/parts?q=%22brake+pad%22") == ["BP-1234"])
            #expect(try await numbers(api, "/api/v1/parts?q=pad*") == ["PAD-9", "BP-1234", "SP-1"])
        }
    }
}

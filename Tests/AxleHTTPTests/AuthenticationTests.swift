import HTTPTypes
import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Authentication and site scope over HTTP")
struct AuthenticationTests {
    @Test(arguments: TestBackend.available)
    func healthIsOpenAndEverythingElseNeedsAToken(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let health = try await api.sendAnonymously(.get, "/health")
            #expect(health.status == .ok)
            for path in ["/api/v1/parts", "/api/v1/sites", "/api/v1/openapi.json", "/api/v1/audit"] {
                let response = try await api.sendAnonymously(.get, path)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(response.errorCode == "auth.token_missing")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            let forged = try await api.send(.get, "/api/v1/parts", token: "axle_not-a-real-token")
            #expect(forged.status == .unauthorized)
            #expect(forged.errorCode == "auth.token_invalid")
        }
    }

    @Test(arguments: TestBackend.available)
    func revokedAndExpiredTokensStopWorking(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let issued = try await api.services.commands.run(
                IssueToken(name: "temp", role: .buyer, siteCodes: [], validForSeconds: 3600), as: Fixtures.system)
            #expect(try await api.send(.get, "/api/v1/suppliers", token: issued.secret).status == .ok)
            api.clock.advance(seconds: 3600)
            let expired = try await api.send(.get, "/api/v1/suppliers", token: issued.secret)
            #expect(expired.errorCode == "auth.token_expired")

            let leaver = try await api.services.commands.run(
                IssueToken(name: "leaver", role: .buyer, siteCodes: [], validForSeconds: nil), as: Fixtures.system)
            #expect(try await api.send(.get, "/api/v1/suppliers", token: leaver.secret).status == .ok)
            _ = try await api.services.commands.run(RevokeToken(tokenID: leaver.token.id), as: Fixtures.system)
            let revoked = try await api.send(.get, "/api/v1/suppliers", token: leaver.secret)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.errorCode == "auth.token_revoked")
        }
    }

    @Test(arguments: TestBackend.available)
    func aTokenRevokedByAnotherProcessStopsWorkingWithinASecond(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let leaver = try await api.services.commands.run(
                IssueToken(name: "leaver", role: .buyer, siteCodes: [], validForSeconds: nil), as: Fixtures.system)
            #expect(try await api.send(.get, "/api/v1/suppliers", token: leaver.secret).status == .ok)
            // Another process (`axle token revoke`, another server) writes the revocation: this
            // server trusts the token it verified a moment ago for at most a second more.
            _ = try await api.services.database.write { try await $0.principals.revoke(leaver.token.id, at: api.clock.now) }
            #expect(try await api.send(.get, "/api/v1/suppliers", token: leaver.secret).status == .ok)
            api.clock.advance(seconds: 1)
            let revoked = try await api.send(.get, "/api/v1/suppliers", token: leaver.secret)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.errorCode == "auth.token_revoked")
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartsManagerAtSiteACannotCreateBinsAtSiteB(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let siteA = try await api.fixtures.site("DLR-A")
            let siteB = try await api.fixtures.site("DLR-B")
            let (_, manager) = try await api.fixtures.user("pm-a", role: .partsManager, sites: [siteA.code])
            let bin = #"{"code": "A-01-01", "description": "fast movers"}"#
            let own = try await api.send(.post, "/api/v1/sites/\(siteA.id)/bins", token: manager, json: bin)
            #expect(own.status == .created, "\(own)")
            let other = try await api.send(.post, "/api/v1/sites/\(siteB.id)/bins", token: manager, json: bin)
            #expect(other.status == .forbidden)
            #expect(other.errorCode == "auth.site_out_of_scope")
            let bins = try await api.send(.get, "/api/v1/sites/\(siteB.id)/bins")
            #expect((bins.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func aTechnicianReadsTheCatalogueButCannotChangeIt(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let (_, technician) = try await api.fixtures.user("tech", role: .technician)
            #expect(try await api.send(.get, "/api/v1/parts", token: technician).status == .ok)
            let create = try await api.send(.post, "/api/v1/parts", token: technician, json: PartJSON.oilFilter)
            #expect(create.status == .forbidden)
            #expect(create.errorCode == "auth.permission_denied")
            #expect(try await api.send(.get, "/api/v1/audit", token: technician).status == .forbidden)
        }
    }
}

enum PartJSON {
    static let oilFilter = """
        {"number": "OF-100", "description": "Oil filter, spin-on", "brand": "Mann-Filter", "category": "filters",
         "unit": "each", "packs": [{"name": "box", "quantity": 10}], "cost": "4.10", "listPrice": "9.95"}
        """
}

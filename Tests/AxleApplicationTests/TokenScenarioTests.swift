import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Tokens and site scope")
struct TokenScenarioTests {
    static let firstPage = PageRequest<AccessToken.ID>(after: nil, limit: 50)

    @Test(arguments: TestBackend.available)
    func anAdminScopedToSiteACannotReceiveStockAtSiteB(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let siteA = try await fixtures.site("DLR-A"), siteB = try await fixtures.site("DLR-B")
            let binA = try await fixtures.bin("A-01", at: siteA), binB = try await fixtures.bin("B-01", at: siteB)
            let part = try await fixtures.part("OF-1")
            let (scopedAdmin, _) = try await fixtures.user("admin-a", role: .admin, sites: [siteA.code])
            let (groupAdmin, _) = try await fixtures.user("admin-all", role: .admin)

            try await fixtures.receive(2, of: part, into: binA, as: scopedAdmin)
            await #expect(throws: AccessError.siteOutOfScope(siteB.id)) {
                try await fixtures.receive(2, of: part, into: binB, as: scopedAdmin)
            }
            try await fixtures.receive(3, of: part, into: binB, as: groupAdmin)
            #expect(try await fixtures.siteStock(part, at: siteA).unrestricted == Quantity(units: 2))
            #expect(try await fixtures.siteStock(part, at: siteB).unrestricted == Quantity(units: 3))
        }
    }

    @Test(arguments: TestBackend.available)
    func aTokenValidForNoTimeIsRefused(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            for seconds: Int64 in [0, -86_400, IssueToken.longestValidDays * 86_400 + 1, .max] {
                await #expect(throws: ValidationError.self) {
                    _ = try await services.commands.run(
                        IssueToken(name: "ops", role: .admin, siteCodes: [], validForSeconds: seconds),
                        as: Fixtures.system)
                }
            }
            let issued = try await services.tokens.tokens(Self.firstPage, as: Fixtures.system)
            #expect(issued.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func theTokenListShowsHolderScopeAndLifeButNoSecret(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let north = try await fixtures.site("DLR-NORTH"), west = try await fixtures.site("DLR-WEST")
            let created = clock.now
            let manager = try await services.commands.run(
                IssueToken(name: "maria", role: .partsManager, siteCodes: [west.code, north.code], validForSeconds: 86_400),
                as: Fixtures.system)
            let admin = try await services.commands.run(
                IssueToken(name: "ops", role: .admin, siteCodes: [], validForSeconds: nil), as: Fixtures.system)
            let clerk = try await services.commands.run(
                IssueToken(name: "clerk", role: .warehouse, siteCodes: [], validForSeconds: nil), as: Fixtures.system)
            clock.advance(seconds: 10)
            _ = try await services.commands.run(RevokeToken(tokenID: admin.token.id), as: Fixtures.system)

            let listed = try await services.tokens.tokens(Self.firstPage, as: Fixtures.system)
            #expect(listed == [
                TokenSummary(id: manager.token.id, name: "maria", role: .partsManager, sites: [north.code, west.code],
                             createdAt: created, expiresAt: created.adding(seconds: 86_400), lastUsedAt: nil,
                             revokedAt: nil),
                TokenSummary(id: admin.token.id, name: "ops", role: .admin, sites: nil, createdAt: created,
                             expiresAt: nil, lastUsedAt: nil, revokedAt: created.adding(seconds: 10)),
                TokenSummary(id: clerk.token.id, name: "clerk", role: .warehouse, sites: [], createdAt: created,
                             expiresAt: nil, lastUsedAt: nil, revokedAt: nil),
            ].sorted { $0.id.description < $1.id.description })

            let second = try await services.tokens.tokens(PageRequest(after: listed[0].id, limit: 1), as: Fixtures.system)
            #expect(second.map(\.id) == [listed[1].id])
            let (technician, _) = try await fixtures.user("tech", role: .technician, sites: [north.code])
            await #expect(throws: AccessError.missingPermission(.manageUsers, role: .technician)) {
                _ = try await services.tokens.tokens(Self.firstPage, as: technician)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aTokensLastUseIsRecordedAtMostOnceAMinute(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let (_, secret) = try await fixtures.user("ops", role: .admin)
            let issuedAt = clock.now
            func lastUse() async throws -> Instant? {
                try await services.tokens.tokens(Self.firstPage, as: Fixtures.system).first?.lastUsedAt
            }
            #expect(try await lastUse() == nil)

            _ = try await services.authenticator.principal(forSecret: secret)
            #expect(try await lastUse() == issuedAt)
            // Past the one-second cache, so the token is read again, but within the minute: no write.
            clock.advance(seconds: AccessToken.useRecordingInterval - 1)
            _ = try await services.authenticator.principal(forSecret: secret)
            #expect(try await lastUse() == issuedAt)
            clock.advance(seconds: 1)
            _ = try await services.authenticator.principal(forSecret: secret)
            #expect(try await lastUse() == issuedAt.adding(seconds: AccessToken.useRecordingInterval))
        }
    }
}

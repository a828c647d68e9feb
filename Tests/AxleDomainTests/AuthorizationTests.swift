import AxleDomain
import Foundation
import Testing

@Suite("Roles and site scope")
struct AuthorizationTests {
    let siteA = Site.ID(UUID())
    let siteB = Site.ID(UUID())

    func principal(_ role: Role, sites: Set<Site.ID>) -> Principal {
        Principal(id: Principal.ID(UUID()), name: role.rawValue, role: role, sites: sites)
    }

    @Test func aPartsManagerAtSiteACannotAddBinsAtSiteB() {
        let manager = principal(.partsManager, sites: [siteA])
        #expect(throws: Never.self) { try manager.authorize(.editBins, at: siteA) }
        #expect(throws: AccessError.siteOutOfScope(siteB)) { try manager.authorize(.editBins, at: siteB) }
    }

    @Test func anAdminGivenSitesIsLimitedToThemAndOneWithoutCoversEverySite() {
        let scoped = principal(.admin, sites: [siteA])
        #expect(throws: Never.self) { try scoped.authorize(.receiveStock, at: siteA) }
        #expect(throws: AccessError.siteOutOfScope(siteB)) { try scoped.authorize(.receiveStock, at: siteB) }
        #expect(!scoped.coversAllSites)
        let unscoped = principal(.admin, sites: [])
        #expect(throws: Never.self) { try unscoped.authorize(.receiveStock, at: siteB) }
        #expect(unscoped.coversAllSites)
        #expect(Principal.system.coversAllSites)
    }

    @Test func theAuditorCoversEverySiteWhateverItHolds() {
        #expect(principal(.auditor, sites: [siteA]).coversAllSites)
        #expect(throws: Never.self) { try principal(.auditor, sites: [siteA]).authorize(.readStock, at: siteB) }
    }

    @Test func aUseIsRecordedWhenTheLastOneIsAMinuteOld() {
        let issued = Instant(microseconds: 1_000_000_000)
        let token = AccessToken(id: AccessToken.ID(UUID()), principalID: Principal.ID(UUID()), secretHash: "x",
                                createdAt: issued, expiresAt: nil)
        #expect(token.useNeedsRecording(at: issued))
        let used = AccessToken(id: token.id, principalID: token.principalID, secretHash: "x", createdAt: issued,
                               expiresAt: nil, lastUsedAt: issued)
        #expect(!used.useNeedsRecording(at: issued.adding(seconds: AccessToken.useRecordingInterval - 1)))
        #expect(used.useNeedsRecording(at: issued.adding(seconds: AccessToken.useRecordingInterval)))
    }

    @Test func theAuditorReadsEverythingAndWritesNothing() {
        let auditor = principal(.auditor, sites: [])
        #expect(throws: Never.self) { try auditor.authorize(.readAudit) }
        #expect(throws: Never.self) { try auditor.authorize(.readMasterData) }
        #expect(throws: Never.self) { try auditor.authorize(.readStock) }
        #expect(throws: Never.self) { try auditor.authorize(.readService) }
        let reads: Set<Permission> = [.readAudit, .readMasterData, .readStock, .readService]
        for permission in Permission.allCases where !reads.contains(permission) {
            #expect(throws: AccessError.self) { try auditor.authorize(permission) }
        }
    }

    @Test(arguments: Role.allCases)
    func everyRoleReadsMasterDataAndOnlyAdminsManageUsers(_ role: Role) {
        let user = principal(role, sites: [])
        #expect(throws: Never.self) { try user.authorize(.readMasterData) }
        if role == .admin {
            #expect(throws: Never.self) { try user.authorize(.manageUsers) }
        } else {
            #expect(throws: AccessError.self) { try user.authorize(.manageUsers) }
        }
    }

    @Test func anExpiredOrRevokedTokenIsRefused() {
        let now = Instant(microseconds: 1_000_000)
        var token = AccessToken(id: AccessToken.ID(UUID()), principalID: Principal.ID(UUID()), secretHash: "x",
                                createdAt: now, expiresAt: now.adding(seconds: 60))
        #expect(throws: Never.self) { try token.checkUsable(at: now) }
        #expect(throws: AccessError.tokenExpired) { try token.checkUsable(at: now.adding(seconds: 60)) }
        token.revokedAt = now
        #expect(throws: AccessError.tokenRevoked) { try token.checkUsable(at: now) }
    }
}

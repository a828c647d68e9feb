public import AxleDomain
import AxleStore

/// Issues a bearer token for a named user, creating the user on first use.
/// The secret is returned once and never stored.
public struct IssueToken: Command {
    public struct Output: Sendable {
        public let secret: String
        public let token: AccessToken
        public let principal: Principal
    }

    public let name: String
    public let role: Role
    public let siteCodes: [Code]
    /// nil: the token does not expire; otherwise from one second to `longestValidDays`.
    public let validForSeconds: Int64?

    /// A hundred years: anything longer is a mistake, and far enough to overflow the clock.
    public static let longestValidDays: Int64 = 36_500

    public init(name: String, role: Role, siteCodes: [Code], validForSeconds: Int64?) {
        self.name = name
        self.role = role
        self.siteCodes = siteCodes
        self.validForSeconds = validForSeconds
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageUsers)
    }

    public func execute(in scope: WriteScope) async throws -> Output {
        let name = try Validate.text(self.name, field: "name", maximumLength: 80)
        if let validForSeconds, !(1...Self.longestValidDays * 86_400).contains(validForSeconds) {
            // A token valid for no time at all would be expired the moment it is issued.
            throw ValidationError(field: "validForSeconds",
                                  reason: "must be from 1 second to \(Self.longestValidDays) days")
        }
        var sites: Set<Site.ID> = []
        for code in siteCodes {
            guard let site = try await scope.stores.sites.find(code: code) else {
                throw CatalogError.siteNotFound(code.rawValue)
            }
            sites.insert(site.id)
        }
        let principal: Principal
        if let existing = try await scope.stores.principals.find(name: name) {
            guard existing.role == role, existing.sites == sites else {
                throw SecurityError.principalExistsWithOtherGrants(name: name, role: existing.role)
            }
            principal = existing
        } else {
            principal = Principal(id: scope.newID(), name: name, role: role, sites: sites)
            try await scope.stores.principals.insert(principal)
            try await scope.audit(.principalCreate, entityID: principal.id.description,
                                  before: Principal?.none, after: principal)
        }
        let secret = TokenSecret.generate()
        let token = AccessToken(id: scope.newID(), principalID: principal.id, secretHash: TokenSecret.hash(secret),
                                createdAt: scope.now, expiresAt: validForSeconds.map { scope.now.adding(seconds: $0) })
        try await scope.stores.principals.insert(token)
        try await scope.audit(.tokenIssue, entityID: token.id.description,
                              before: AccessToken?.none, after: token)
        return Output(secret: secret, token: token, principal: principal)
    }
}

/// Revokes a token: it stops working at once in this process, and within
/// `VerifiedCredentials.timeToLive` in servers running beside it.
public struct RevokeToken: RevokesCredentials {
    public let tokenID: AccessToken.ID

    public init(tokenID: AccessToken.ID) {
        self.tokenID = tokenID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageUsers)
    }

    public func execute(in scope: WriteScope) async throws -> AccessToken {
        guard let before = try await scope.stores.principals.token(id: tokenID) else {
            throw SecurityError.tokenNotFound(tokenID.description)
        }
        guard before.revokedAt == nil else { return before }
        // Revoked by a concurrent request since it was read: that one recorded it.
        guard try await scope.stores.principals.revoke(tokenID, at: scope.now) else {
            guard let current = try await scope.stores.principals.token(id: tokenID) else {
                throw SecurityError.tokenNotFound(tokenID.description)
            }
            return current
        }
        var after = before
        after.revokedAt = scope.now
        try await scope.audit(.tokenRevoke, entityID: tokenID.description,
                              before: before, after: after)
        return after
    }
}

public import AxleDomain
public import AxleStore

/// A token as an operator sees it in a list: whose it is and where it stands, never its
/// secret or its hash.
public struct TokenSummary: Sendable, Equatable {
    public let id: AccessToken.ID
    public let name: String
    public let role: Role
    /// The codes of the holder's sites, sorted; nil when the holder covers every site.
    public let sites: [Code]?
    public let createdAt: Instant
    public let expiresAt: Instant?
    /// To within `AccessToken.useRecordingInterval`; nil when never used.
    public let lastUsedAt: Instant?
    public let revokedAt: Instant?

    public init(id: AccessToken.ID, name: String, role: Role, sites: [Code]?, createdAt: Instant, expiresAt: Instant?,
                lastUsedAt: Instant?, revokedAt: Instant?) {
        self.id = id
        self.name = name
        self.role = role
        self.sites = sites
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// Reading the issued tokens, so that an operator can find the one to revoke.
public struct TokenQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    /// Every token, revoked and expired ones included, in the order they were issued.
    public func tokens(_ page: PageRequest<AccessToken.ID>, as caller: Caller) async throws -> [TokenSummary] {
        try await runner.read(.manageUsers, as: caller) { stores in
            let issued = try await stores.principals.tokens(page)
            let codes = Dictionary(uniqueKeysWithValues: try await stores.sites.all().map { ($0.id, $0.code) })
            return issued.map { issued in
                let principal = issued.principal, token = issued.token
                return TokenSummary(
                    id: token.id, name: principal.name, role: principal.role,
                    sites: principal.coversAllSites ? nil : principal.sites.compactMap { codes[$0] }.sorted(),
                    createdAt: token.createdAt, expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt,
                    revokedAt: token.revokedAt)
            }
        }
    }
}

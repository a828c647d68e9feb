/// A bearer token as stored: only a hash of the secret is kept, never the secret.
public struct AccessToken: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<AccessToken>

    public let id: ID
    public let principalID: Principal.ID
    /// Hex SHA-256 of the secret the holder presents.
    public let secretHash: String
    public let createdAt: Instant
    public let expiresAt: Instant?
    public var revokedAt: Instant?

    public init(id: ID, principalID: Principal.ID, secretHash: String, createdAt: Instant,
                expiresAt: Instant?, revokedAt: Instant? = nil) {
        self.id = id
        self.principalID = principalID
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    private enum CodingKeys: String, CodingKey {
        // The hash is left out of every JSON form (audit records included): it is nobody's business.
        case id, principalID, createdAt, expiresAt, revokedAt
    }

    /// Throws when the token may no longer be used at `now`.
    public func checkUsable(at now: Instant) throws(AccessError) {
        if revokedAt != nil { throw .tokenRevoked }
        if let expiresAt, expiresAt <= now { throw .tokenExpired }
    }
}

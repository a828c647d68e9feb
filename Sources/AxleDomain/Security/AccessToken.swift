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
    /// When the token last authenticated a request, to within `AccessToken.useRecordingInterval`;
    /// nil when never.
    public let lastUsedAt: Instant?

    /// How stale `lastUsedAt` may get before a use records it again: one write per token per
    /// minute at most, however busy the token.
    public static let useRecordingInterval: Int64 = 60

    public init(id: ID, principalID: Principal.ID, secretHash: String, createdAt: Instant,
                expiresAt: Instant?, revokedAt: Instant? = nil, lastUsedAt: Instant? = nil) {
        self.id = id
        self.principalID = principalID
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    private enum CodingKeys: String, CodingKey {
        // The hash is left out of every JSON form (audit records included): it is nobody's business.
        // The last use is bookkeeping that changes without an audit record, so it is left out too.
        case id, principalID, createdAt, expiresAt, revokedAt
    }

    /// Whether a use at `now` should be written down: never recorded, or recorded longer ago than
    /// `useRecordingInterval`.
    public func useNeedsRecording(at now: Instant) -> Bool {
        guard let lastUsedAt else { return true }
        return now.microseconds - lastUsedAt.microseconds >= Self.useRecordingInterval * 1_000_000
    }

    /// Throws when the token may no longer be used at `now`.
    public func checkUsable(at now: Instant) throws(AccessError) {
        if revokedAt != nil { throw .tokenRevoked }
        if let expiresAt, expiresAt <= now { throw .tokenExpired }
    }
}

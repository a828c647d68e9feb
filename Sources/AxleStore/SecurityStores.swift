public import AxleDomain

public protocol PrincipalStore: Sendable {
    func insert(_ principal: Principal) async throws
    func find(id: Principal.ID) async throws -> Principal?
    func find(name: String) async throws -> Principal?
    func insert(_ token: AccessToken) async throws
    /// The token with this secret hash, and whom it belongs to.
    func token(secretHash: String) async throws -> (AccessToken, Principal)?
    func token(id: AccessToken.ID) async throws -> AccessToken?
    /// Tokens with their holders, ordered by id (the order they were issued in).
    func tokens(_ page: PageRequest<AccessToken.ID>) async throws -> [IssuedToken]
    /// Revokes the token unless it already is revoked, in one statement; true when this call revoked it.
    func revoke(_ token: AccessToken.ID, at instant: Instant) async throws -> Bool
    /// Sets the token's last use to `instant`, unless a use after `unlessUsedAfter` is recorded
    /// (another process wrote it in the meantime).
    func recordUse(of token: AccessToken.ID, at instant: Instant, unlessUsedAfter: Instant) async throws
}

/// A token and the principal it belongs to.
public struct IssuedToken: Sendable {
    public let token: AccessToken
    public let principal: Principal

    public init(token: AccessToken, principal: Principal) {
        self.token = token
        self.principal = principal
    }
}

/// An audit record before the store gives it its sequence number.
public struct AuditEntry: Sendable, Equatable {
    public let at: Instant
    public let actor: Principal
    public let action: String
    public let entityType: String
    public let entityID: String
    public let before: String?
    public let after: String?
    public let reason: String?
    public let requestID: String?

    public init(at: Instant, actor: Principal, action: String, entityType: String, entityID: String,
                before: String?, after: String?, reason: String?, requestID: String?) {
        self.at = at
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.before = before
        self.after = after
        self.reason = reason
        self.requestID = requestID
    }
}

public struct AuditQuery: Sendable {
    public var entityType: String?
    public var entityID: String?
    public var actorID: Principal.ID?
    public var from: Instant?
    /// Exclusive.
    public var until: Instant?

    public init(entityType: String? = nil, entityID: String? = nil, actorID: Principal.ID? = nil,
                from: Instant? = nil, until: Instant? = nil) {
        self.entityType = entityType
        self.entityID = entityID
        self.actorID = actorID
        self.from = from
        self.until = until
    }
}

/// The audit trail: append and read, nothing else — no store offers an update or delete.
public protocol AuditStore: Sendable {
    func append(_ entries: [AuditEntry]) async throws
    /// Ordered by sequence, oldest first.
    func list(_ query: AuditQuery, _ page: PageRequest<Int64>) async throws -> [AuditRecord]
}

/// The first answer to a request sent with an `Idempotency-Key`, kept to answer retries.
public struct IdempotentResponse: Sendable, Equatable {
    /// A digest of what was asked (method, path, body): the same key with another request is refused.
    public let requestFingerprint: String
    public let status: Int
    public let body: String
    /// The entity tag sent with the first response, sent again with every replay.
    public let eTag: String?

    public init(requestFingerprint: String, status: Int, body: String, eTag: String?) {
        self.requestFingerprint = requestFingerprint
        self.status = status
        self.body = body
        self.eTag = eTag
    }
}

public protocol IdempotencyStore: Sendable {
    func find(principal: Principal.ID, key: String) async throws -> IdempotentResponse?
    func save(principal: Principal.ID, key: String, response: IdempotentResponse, at: Instant) async throws
}

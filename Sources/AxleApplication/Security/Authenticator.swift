public import AxleDomain
import AxleStore

/// Turns a presented bearer secret into the principal it belongs to.
public struct Authenticator: Sendable {
    let dependencies: Dependencies
    /// Tokens read recently, shared with the `CommandRunner` that revokes them.
    let credentials: VerifiedCredentials

    public init(dependencies: Dependencies, credentials: VerifiedCredentials = VerifiedCredentials()) {
        self.dependencies = dependencies
        self.credentials = credentials
    }

    public func principal(forSecret secret: String) async throws -> Principal {
        guard secret.hasPrefix(TokenSecret.prefix), secret.count < 200 else { throw AccessError.invalidToken }
        let hash = TokenSecret.hash(secret)
        let now = dependencies.clock.now()
        if let (token, principal) = credentials.verified(hash, at: now) {
            try token.checkUsable(at: now)
            return principal
        }
        let generation = credentials.generation
        let found = try await dependencies.database.read { try await $0.principals.token(secretHash: hash) }
        guard let (token, principal) = found else { throw AccessError.invalidToken }
        try token.checkUsable(at: dependencies.clock.now())
        try await recordUse(of: token, at: now)
        credentials.remember(hash, token: token, principal: principal, readAt: now, generation: generation)
        return principal
    }

    /// Writes down the token's use when the stored last use is over a minute old. Only a token
    /// read from the database gets here, at most once a second per process thanks to
    /// `VerifiedCredentials`, and only every `useRecordingInterval` does that read find a use
    /// to write: a busy token costs one small write a minute. The write is bookkeeping about the
    /// credential, not a change to business data, so it has no audit record (one per token per
    /// minute would drown the trail).
    private func recordUse(of token: AccessToken, at now: Instant) async throws {
        guard token.useNeedsRecording(at: now) else { return }
        let id = token.id
        let stale = now.adding(seconds: -AccessToken.useRecordingInterval)
        try await dependencies.database.write { stores in
            try await stores.principals.recordUse(of: id, at: now, unlessUsedAfter: stale)
        }
    }
}

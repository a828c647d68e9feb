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
        credentials.remember(hash, token: token, principal: principal, readAt: now, generation: generation)
        return principal
    }
}

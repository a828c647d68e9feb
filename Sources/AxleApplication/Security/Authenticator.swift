public import AxleDomain
import AxleStore

/// Turns a presented bearer secret into the principal it belongs to.
public struct Authenticator: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func principal(forSecret secret: String) async throws -> Principal {
        guard secret.hasPrefix(TokenSecret.prefix), secret.count < 200 else { throw AccessError.invalidToken }
        let hash = TokenSecret.hash(secret)
        let found = try await dependencies.database.read { try await $0.principals.token(secretHash: hash) }
        guard let (token, principal) = found else { throw AccessError.invalidToken }
        try token.checkUsable(at: dependencies.clock.now())
        return principal
    }
}

public import AxleApplication
import AxleDomain
public import Hummingbird

/// Hummingbird's request context plus what Axle's middleware establishes: the request's
/// identifier and, once the bearer token is checked, the caller.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` on every route that needs a token.
    public var caller: Caller?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.caller = nil
    }

    /// The identifier logged with the request and kept in its audit records.
    public var requestID: String { id }

    /// The authenticated caller; routes behind the middleware always have one.
    func requireCaller() throws -> Caller {
        guard let caller else { throw AccessError.missingToken }
        return caller
    }
}

import AxleApplication
import AxleDomain
import Hummingbird
import Logging

/// Establishes who is calling from the bearer token; nothing else a client sends
/// (headers, body fields) can name the actor or widen its site scope.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let authenticator: Authenticator
    /// Paths served without a token.
    let publicPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !publicPaths.contains(request.uri.path) else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else { throw AccessError.missingToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AccessError.invalidToken }
        let principal = try await authenticator.principal(forSecret: String(parts[1]))
        var context = context
        context.caller = Caller(principal: principal, requestID: context.requestID)
        context.logger[metadataKey: "user.name"] = .string(principal.name)
        return try await next(request, context)
    }
}

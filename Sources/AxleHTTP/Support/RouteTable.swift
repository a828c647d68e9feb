import AxleApplication
import Hummingbird

/// One documented operation of the API, as registered with the router.
public struct Endpoint: Hashable, Sendable {
    public let method: String
    /// OpenAPI form: `/api/v1/parts/{id}`.
    public let path: String
}

/// Registers routes and remembers them, so the OpenAPI document can be checked against
/// exactly what the router serves. Every write route declares who may call it (`WriteAccess`),
/// checked before its handler runs.
final class RouteTable {
    private let router: Router<APIRequestContext>
    private(set) var endpoints: [Endpoint] = []

    init(router: Router<APIRequestContext>) {
        self.router = router
    }

    typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response

    func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, _ access: WriteAccess, _ handler: @escaping Handler) {
        add(.post, path, guarded(access, handler))
    }
    func patch(_ path: String, _ access: WriteAccess, _ handler: @escaping Handler) {
        add(.patch, path, guarded(access, handler))
    }
    func put(_ path: String, _ access: WriteAccess, _ handler: @escaping Handler) {
        add(.put, path, guarded(access, handler))
    }

    private func guarded(_ access: WriteAccess, _ handler: @escaping Handler) -> Handler {
        { request, context in
            try access.check(try context.requireCaller().principal, parameters: context.parameters)
            return try await handler(request, context)
        }
    }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        endpoints.append(Endpoint(method: method.rawValue, path: path))
        router.on(RouterPath(Self.routerPath(path)), method: method, use: handler)
    }

    /// `/parts/{id}` → `/parts/:id`.
    static func routerPath(_ openAPIPath: String) -> String {
        openAPIPath.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }
}

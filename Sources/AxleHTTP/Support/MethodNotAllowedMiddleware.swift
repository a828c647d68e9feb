import Hummingbird

/// Answers a request for a path the API serves, with a method it does not serve there, with
/// 405 and `Allow` instead of 404.
///
/// Added to the router after every route: Hummingbird gives a route the middleware added
/// before it, and its not-found responder all of them, so this one sees only requests that
/// matched no route.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// Each path template, split into segments (nil for a `{parameter}`), with its methods.
    private let templates: [(segments: [Substring?], methods: [String])]

    init(endpoints: [Endpoint]) {
        let methodsByPath = Dictionary(grouping: endpoints, by: \.path).mapValues { $0.map(\.method).sorted() }
        templates = methodsByPath.map { path, methods in
            let segments = path.split(separator: "/").map { segment -> Substring? in
                segment.hasPrefix("{") ? nil : segment
            }
            return (segments, methods)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let segments = request.uri.path.split(separator: "/")
        let allowed = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { expected, actual in
                    expected.map { $0 == actual } ?? true
                }
        }.flatMap(\.methods)
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else {
            return try await next(request, context)
        }
        throw HTTPRequestError.methodNotAllowed(method: request.method.rawValue, allowed: Array(Set(allowed)).sorted())
    }
}

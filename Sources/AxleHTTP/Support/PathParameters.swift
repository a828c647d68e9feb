import AxleDomain
import Hummingbird

extension APIRequestContext {
    /// The identifier in a path segment; text that is no identifier names nothing, so it is a 404.
    func identifier<Entity>(_ name: String, orElse notFound: (String) -> any Error) throws -> Identifier<Entity> {
        let text = parameters.get(name) ?? ""
        guard let id = Identifier<Entity>(text) else { throw notFound(text) }
        return id
    }
}

extension Request {
    /// An optional query parameter.
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }

    /// A required query parameter.
    func requireQuery(_ name: String) throws -> String {
        guard let value = query(name), !value.isEmpty else {
            throw RequestError.invalidParameter(name: name, reason: "is required")
        }
        return value
    }
}

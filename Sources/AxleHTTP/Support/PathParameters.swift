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
    /// An optional query parameter, decoded as browsers encode it (`QueryString`): every
    /// query value is read through here.
    func query(_ name: String) -> String? {
        uri.query.flatMap { QueryString.value(name, in: $0[...]) }
    }

    /// A required query parameter.
    func requireQuery(_ name: String) throws -> String {
        guard let value = query(name), !value.isEmpty else {
            throw RequestError.invalidParameter(name: name, reason: "is required")
        }
        return value
    }
}

extension Request {
    /// A required identifier in the query string.
    func queryIdentifier<Entity>(_ name: String) throws -> Identifier<Entity> {
        guard let id = Identifier<Entity>(try requireQuery(name)) else {
            throw RequestError.invalidParameter(name: name, reason: "is not an identifier")
        }
        return id
    }

    /// An optional identifier in the query string; present, it must be one (`?site=` is a 400).
    func optionalQueryIdentifier<Entity>(_ name: String) throws -> Identifier<Entity>? {
        guard let text = query(name) else { return nil }
        guard let id = Identifier<Entity>(text) else {
            throw RequestError.invalidParameter(name: name, reason: "is not an identifier")
        }
        return id
    }
}

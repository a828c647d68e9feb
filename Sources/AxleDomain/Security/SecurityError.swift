/// Rules about users and tokens.
public enum SecurityError: AxleError, Equatable {
    case principalExistsWithOtherGrants(name: String, role: Role)
    case tokenNotFound(String)

    public var code: String {
        switch self {
        case .principalExistsWithOtherGrants: "security.principal.exists"
        case .tokenNotFound: "security.token.not_found"
        }
    }

    public var message: String {
        switch self {
        case .principalExistsWithOtherGrants(let name, let role):
            "user \(name) already exists as \(role.rawValue) with other sites; a token cannot change a user's grants"
        case .tokenNotFound(let id): "no token \(id)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .principalExistsWithOtherGrants: .conflict
        case .tokenNotFound: .notFound
        }
    }
}

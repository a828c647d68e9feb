import Foundation

/// A person or system that acts in Axle, as established by its token, never by what a client claims.
public struct Principal: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Principal>

    public let id: ID
    public let name: String
    public let role: Role
    /// The sites this principal works at. An admin with none works at every site; an auditor
    /// reads every site whatever it holds (`coversAllSites`).
    public let sites: Set<Site.ID>

    public init(id: ID, name: String, role: Role, sites: Set<Site.ID>) {
        self.id = id
        self.name = name
        self.role = role
        self.sites = sites
    }

    /// The operator running the `axle` command line on the server: it has the database
    /// itself, so it acts as an administrator. It has no token and cannot sign in over HTTP.
    public static let system = Principal(
        id: Identifier(UUID(uuidString: "00000000-0000-7000-8000-000000000000")!),
        name: "system", role: .admin, sites: [])

    /// Throws unless the role grants the permission.
    public func authorize(_ permission: Permission) throws(AccessError) {
        guard role.permissions.contains(permission) else { throw .missingPermission(permission, role: role) }
    }

    /// Whether every site is in scope: for the auditor (it only reads) and for an admin created
    /// without sites. An admin given sites is limited to them, like every other role.
    public var coversAllSites: Bool {
        switch role {
        case .auditor: true
        case .admin: sites.isEmpty
        default: false
        }
    }

    /// Throws unless the role grants the permission and the site is in scope.
    public func authorize(_ permission: Permission, at site: Site.ID) throws(AccessError) {
        try authorize(permission)
        guard coversAllSites || sites.contains(site) else { throw .siteOutOfScope(site) }
    }
}

/// Why a request may not proceed. Unauthenticated is 401; everything else is 403.
public enum AccessError: AxleError, Equatable {
    case missingToken
    case invalidToken
    case tokenExpired
    case tokenRevoked
    case missingPermission(Permission, role: Role)
    case siteOutOfScope(Site.ID)

    public var code: String {
        switch self {
        case .missingToken: "auth.token_missing"
        case .invalidToken: "auth.token_invalid"
        case .tokenExpired: "auth.token_expired"
        case .tokenRevoked: "auth.token_revoked"
        case .missingPermission: "auth.permission_denied"
        case .siteOutOfScope: "auth.site_out_of_scope"
        }
    }

    public var message: String {
        switch self {
        case .missingToken: "send Authorization: Bearer <token>"
        case .invalidToken: "the token is not valid"
        case .tokenExpired: "the token has expired"
        case .tokenRevoked: "the token has been revoked"
        case .missingPermission(let permission, let role):
            "the \(role.rawValue) role does not allow \(permission.rawValue)"
        case .siteOutOfScope: "this site is outside your site scope"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .missingToken, .invalidToken, .tokenExpired, .tokenRevoked: .unauthenticated
        case .missingPermission, .siteOutOfScope: .forbidden
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .missingPermission(let permission, _): ["permission": .text(permission.rawValue)]
        case .siteOutOfScope(let site): ["siteId": .text(site.description)]
        default: [:]
        }
    }
}

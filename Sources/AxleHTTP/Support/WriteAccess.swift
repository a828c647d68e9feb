import AxleDomain
import Hummingbird

/// Who may call a write route at all, declared with the route and checked from the caller's
/// token before the route reads anything the client sent: its path identifiers, `If-Match`,
/// `Idempotency-Key` or body. A refused caller therefore gets 403 whatever its input, and
/// learns nothing about validation or about what exists.
///
/// The command still authorises itself (`Command.authorize`, then against the sites it finds),
/// so this gate only ever refuses earlier, never allows more:
/// - `company`: the permission is not bound to a site (the catalogue, suppliers, customers).
/// - `site(in:)`: the site is the path's identifier; the caller needs the permission there.
/// - `anySite`: the site is in the body or found from the path's record; the caller needs
///   the permission and a site to use it at (an assignment, or a role that sees all sites).
///   The exact site is checked once the command knows it.
struct WriteAccess: Sendable {
    enum Scope: Sendable {
        case company
        case site(parameter: String)
        case anySite
    }

    /// The caller needs one of these (a repair order's events need different ones).
    let permissions: [Permission]
    let scope: Scope

    static func company(_ permission: Permission) -> Self { Self(permissions: [permission], scope: .company) }

    static func site(_ permission: Permission, in parameter: String = "id") -> Self {
        Self(permissions: [permission], scope: .site(parameter: parameter))
    }

    static func anySite(_ permissions: Permission...) -> Self { Self(permissions: permissions, scope: .anySite) }

    func check(_ principal: Principal, parameters: Parameters) throws {
        guard let granted = permissions.first(where: principal.role.permissions.contains) else {
            throw AccessError.missingPermission(permissions[0], role: principal.role)
        }
        switch scope {
        case .company:
            return
        case .site(let parameter):
            // Text that is no identifier names no site; the route answers it with a 404.
            if let site = Site.ID(parameters.get(parameter) ?? "") { try principal.authorize(granted, at: site) }
        case .anySite:
            guard principal.coversAllSites || !principal.sites.isEmpty else { throw HTTPRequestError.noSiteInScope }
        }
    }
}

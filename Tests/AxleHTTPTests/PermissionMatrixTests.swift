import AxleApplication
import AxleDomain
import AxleHTTP
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Every route × every role × a site in and out of the caller's scope → allowed or 403.
///
/// The matrix is written out by hand, independently of `Role.permissions` and of the routes'
/// declared `WriteAccess`, so a change to either that alters who may call a route fails here.
/// A route the router serves that the matrix does not list (or the reverse) fails too.
///
/// The body is a placeholder (`{}`) and path identifiers name nothing, so an allowed call may
/// answer 400, 404, 412, 422 or 428: the matrix asserts permission only — allowed ⇒ neither 401
/// nor 403; refused ⇒ exactly 403 with the error shape and the code that says why.
@Suite struct PermissionMatrixTests {
    /// Where the site a call acts on comes from, which decides what "out of scope" means.
    enum Scope {
        /// Not bound to a site. Out of scope: a caller assigned to no site at all.
        case company
        /// The site is named in the path or query (`{site}`). Out of scope: a caller
        /// assigned to site A naming site B.
        case named
        /// The site is in the body or found from the record, which the placeholder does not
        /// name; the caller needs a site to act at. Out of scope: a caller assigned to no site.
        /// (Which exact site is checked once the command knows it, in the command's tests.)
        case body
    }

    struct Entry {
        let method: HTTPRequest.Method
        /// OpenAPI form, as the route table lists it.
        let path: String
        /// The path and query sent: `{site}` becomes the target site, `{id}`, `{lineId}` and
        /// `{partId}` an identifier of nothing.
        let target: String
        let roles: Set<Role>
        let scope: Scope

        init(_ method: HTTPRequest.Method, _ path: String, query: String? = nil, _ roles: Set<Role>, _ scope: Scope) {
            self.method = method
            self.path = path
            self.target = query.map { "\(path)?\($0)" } ?? path
            self.roles = roles
            self.scope = scope
        }

        var name: String { "\(method.rawValue) \(path)" }
    }

    // Who holds each permission, as the product defines the roles (README, Role.swift).
    static let everyone = Set(Role.allCases)
    static let readService: Set<Role> = [.admin, .partsManager, .serviceAdvisor, .technician, .finance,
                                         .warrantyAdmin, .auditor]
    static let readAudit: Set<Role> = [.admin, .partsManager, .auditor]
    static let adminOnly: Set<Role> = [.admin]
    static let partsManagers: Set<Role> = [.admin, .partsManager]
    static let editSuppliers: Set<Role> = [.admin, .partsManager, .buyer]
    static let stockHandlers: Set<Role> = [.admin, .partsManager, .warehouse]
    static let reserveStock: Set<Role> = [.admin, .partsManager, .serviceAdvisor]
    static let issueStock: Set<Role> = [.admin, .partsManager, .warehouse, .technician]
    static let requestTransfers: Set<Role> = [.admin, .partsManager, .warehouse, .serviceAdvisor]
    static let advisors: Set<Role> = [.admin, .serviceAdvisor]
    static let workRepairOrders: Set<Role> = [.admin, .serviceAdvisor, .technician]
    static let repairOrderEvents: Set<Role> = [.admin, .serviceAdvisor, .technician, .finance]
    static let clockLabor: Set<Role> = [.admin, .technician]
    static let purchaseParts: Set<Role> = [.admin, .partsManager, .buyer]

    static let matrix: [Entry] = [
        Entry(.get, "/health", everyone, .company),
        Entry(.get, "/api/v1/openapi.json", everyone, .company),
        Entry(.get, "/api/v1/company", everyone, .company),
        Entry(.get, "/api/v1/audit", readAudit, .company),
        // Sites and bins
        Entry(.post, "/api/v1/sites", adminOnly, .company),
        Entry(.get, "/api/v1/sites", everyone, .company),
        Entry(.get, "/api/v1/sites/nearest", query: "latitude=41.9&longitude=-87.6", everyone, .company),
        Entry(.get, "/api/v1/sites/{id}", everyone, .company),
        Entry(.patch, "/api/v1/sites/{id}", adminOnly, .named),
        Entry(.post, "/api/v1/sites/{id}/bins", stockHandlers, .named),
        Entry(.get, "/api/v1/sites/{id}/bins", everyone, .company),
        Entry(.get, "/api/v1/sites/{id}/stock-policy", everyone, .company),
        Entry(.put, "/api/v1/sites/{id}/stock-policy", adminOnly, .named),
        Entry(.get, "/api/v1/sites/{id}/count-policy", everyone, .named),
        Entry(.put, "/api/v1/sites/{id}/count-policy", partsManagers, .named),
        Entry(.get, "/api/v1/sites/{id}/service-settings", readService, .named),
        Entry(.put, "/api/v1/sites/{id}/service-settings", adminOnly, .named),
        // Catalogue, suppliers, vehicles
        Entry(.post, "/api/v1/suppliers", editSuppliers, .company),
        Entry(.get, "/api/v1/suppliers", everyone, .company),
        Entry(.get, "/api/v1/suppliers/{id}", everyone, .company),
        Entry(.patch, "/api/v1/suppliers/{id}", editSuppliers, .company),
        Entry(.post, "/api/v1/parts", partsManagers, .company),
        Entry(.get, "/api/v1/parts", everyone, .company),
        Entry(.get, "/api/v1/parts/lookup", query: "number=NOPE-1", everyone, .company),
        Entry(.get, "/api/v1/parts/fitting", query: "vin=1HGCM82633A004352", everyone, .company),
        Entry(.get, "/api/v1/parts/{id}", everyone, .company),
        Entry(.patch, "/api/v1/parts/{id}", partsManagers, .company),
        Entry(.post, "/api/v1/parts/{id}/supersessions", partsManagers, .company),
        Entry(.post, "/api/v1/parts/{id}/substitutes", partsManagers, .company),
        Entry(.post, "/api/v1/parts/{id}/fitments", partsManagers, .company),
        Entry(.get, "/api/v1/vehicles/decode", query: "vin=1HGCM82633A004352", everyone, .company),
        Entry(.post, "/api/v1/vehicles", advisors, .company),
        Entry(.get, "/api/v1/vehicles", everyone, .company),
        // Stock
        Entry(.post, "/api/v1/receipts", stockHandlers, .body),
        Entry(.post, "/api/v1/stock-moves", stockHandlers, .body),
        Entry(.post, "/api/v1/adjustments", stockHandlers, .body),
        Entry(.get, "/api/v1/adjustments", query: "site={site}", everyone, .company),
        Entry(.post, "/api/v1/adjustments/{id}/approve", partsManagers, .body),
        Entry(.post, "/api/v1/adjustments/{id}/reject", partsManagers, .body),
        Entry(.get, "/api/v1/stock", query: "part={id}&site={site}", everyone, .company),
        Entry(.get, "/api/v1/stock/ledger", query: "part={id}&site={site}", everyone, .company),
        Entry(.get, "/api/v1/inventory-value", everyone, .company),
        Entry(.get, "/api/v1/atp", query: "part={id}&site={site}", everyone, .company),
        Entry(.post, "/api/v1/reservations", reserveStock, .body),
        Entry(.get, "/api/v1/reservations", query: "part={id}&site={site}", everyone, .company),
        Entry(.get, "/api/v1/reservations/{id}", everyone, .company),
        Entry(.post, "/api/v1/reservations/{id}/release", reserveStock, .body),
        Entry(.post, "/api/v1/reservations/{id}/consume", issueStock, .body),
        // Counts
        Entry(.post, "/api/v1/counts/generate", stockHandlers, .body),
        Entry(.get, "/api/v1/counts", query: "site={site}", everyone, .named),
        Entry(.get, "/api/v1/counts/{id}", everyone, .company),
        Entry(.post, "/api/v1/counts/{id}/entries", stockHandlers, .body),
        Entry(.post, "/api/v1/counts/{id}/approve", partsManagers, .body),
        Entry(.post, "/api/v1/counts/{id}/reject", partsManagers, .body),
        Entry(.get, "/api/v1/inventory-accuracy", query: "site={site}", everyone, .named),
        // Transfers and their exceptions
        Entry(.post, "/api/v1/transfers", requestTransfers, .body),
        Entry(.get, "/api/v1/transfers", query: "site={site}", everyone, .company),
        Entry(.get, "/api/v1/transfers/{id}", everyone, .company),
        Entry(.post, "/api/v1/transfers/{id}/approve", partsManagers, .body),
        Entry(.post, "/api/v1/transfers/{id}/ship", stockHandlers, .body),
        Entry(.post, "/api/v1/transfers/{id}/receive", stockHandlers, .body),
        Entry(.post, "/api/v1/transfers/{id}/cancel", requestTransfers, .body),
        Entry(.get, "/api/v1/exceptions", query: "site={site}", everyone, .company),
        Entry(.post, "/api/v1/exceptions/{id}/resolve", partsManagers, .body),
        // Purchasing
        Entry(.put, "/api/v1/suppliers/{id}/parts/{partId}", editSuppliers, .company),
        Entry(.get, "/api/v1/parts/{id}/supplier-parts", everyone, .company),
        Entry(.get, "/api/v1/sites/{id}/purchasing-policy", everyone, .named),
        Entry(.put, "/api/v1/sites/{id}/purchasing-policy", adminOnly, .named),
        Entry(.post, "/api/v1/purchase-orders", purchaseParts, .body),
        Entry(.get, "/api/v1/purchase-orders", query: "site={site}", everyone, .named),
        Entry(.get, "/api/v1/purchase-orders/{id}", everyone, .company),
        Entry(.post, "/api/v1/purchase-orders/{id}/submit", purchaseParts, .body),
        Entry(.post, "/api/v1/purchase-orders/{id}/approve", partsManagers, .body),
        Entry(.post, "/api/v1/purchase-orders/{id}/send", purchaseParts, .body),
        Entry(.post, "/api/v1/purchase-orders/{id}/cancel", purchaseParts, .body),
        Entry(.post, "/api/v1/purchase-orders/{id}/receipts", stockHandlers, .body),
        // Service set-up
        Entry(.post, "/api/v1/labor-operations", adminOnly, .company),
        Entry(.get, "/api/v1/labor-operations", readService, .company),
        Entry(.get, "/api/v1/labor-operations/{id}", readService, .company),
        Entry(.post, "/api/v1/technicians", adminOnly, .body),
        Entry(.get, "/api/v1/technicians", query: "site={site}", readService, .named),
        Entry(.post, "/api/v1/technicians/{id}/absences", adminOnly, .body),
        Entry(.post, "/api/v1/bays", adminOnly, .body),
        Entry(.get, "/api/v1/bays", query: "site={site}", readService, .named),
        // Customers, appointments, repair orders
        Entry(.post, "/api/v1/customers", advisors, .company),
        Entry(.get, "/api/v1/customers", readService, .company),
        Entry(.get, "/api/v1/customers/{id}", readService, .company),
        Entry(.post, "/api/v1/customers/{id}/vehicles", advisors, .company),
        Entry(.post, "/api/v1/vehicles/{id}/mileage", advisors, .company),
        Entry(.post, "/api/v1/appointments/search", advisors, .body),
        Entry(.post, "/api/v1/appointments", advisors, .body),
        Entry(.get, "/api/v1/appointments", query: "site={site}", readService, .named),
        Entry(.get, "/api/v1/appointments/{id}", readService, .company),
        Entry(.post, "/api/v1/appointments/{id}/cancel", advisors, .body),
        Entry(.post, "/api/v1/appointments/{id}/reschedule", advisors, .body),
        Entry(.post, "/api/v1/repair-orders", advisors, .body),
        Entry(.get, "/api/v1/repair-orders", query: "site={site}", readService, .named),
        Entry(.get, "/api/v1/repair-orders/{id}", readService, .company),
        Entry(.post, "/api/v1/repair-orders/{id}/lines", workRepairOrders, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/events", repairOrderEvents, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/customer-decisions", advisors, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/labor/{lineId}/clock-on", clockLabor, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/labor/{lineId}/clock-off", clockLabor, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/parts/{lineId}/transfer", requestTransfers, .body),
        Entry(.post, "/api/v1/repair-orders/{id}/field-parts", workRepairOrders, .body),
        Entry(.get, "/api/v1/repair-orders/{id}/time-entries", readService, .company),
        Entry(.get, "/api/v1/service/at-risk", query: "site={site}", readService, .named),
        Entry(.get, "/api/v1/service/kpis", query: "site={site}&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", readService, .named),
        // CSV import jobs: master data needs an administrator (opening stock a parts manager too,
        // which the import tests show); reading a job either import permission.
        Entry(.post, "/api/v1/imports", query: "entity=parts", adminOnly, .company),
        Entry(.get, "/api/v1/imports/{id}", partsManagers, .company),
        Entry(.get, "/api/v1/imports/{id}/rejected", partsManagers, .company),
    ]

    @Test func theMatrixListsExactlyTheRoutesTheRouterServes() async throws {
        try await TestBackend.sqlite.withServices(clock: TestClock()) { services in
            let served = Set(APIRouter.build(services: services).endpoints.map { "\($0.method) \($0.path)" })
            let listed = Self.matrix.map(\.name)
            #expect(Set(listed).count == listed.count, "a route is listed twice")
            #expect(served.subtracting(listed).sorted() == [], "routes the matrix does not list")
            #expect(Set(listed).subtracting(served).sorted() == [], "routes the matrix lists that are not served")
        }
    }

    @Test(arguments: TestBackend.available)
    func everyRouteAnswersEachRoleAsTheMatrixSays(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let siteA = try await api.fixtures.site("DLR-A")
            let siteB = try await api.fixtures.site("DLR-B")
            let nothing = "00000000-0000-7000-8000-00000000dead"
            var atA: [Role: (caller: Caller, token: String)] = [:]
            var nowhere: [Role: (caller: Caller, token: String)] = [:]
            for role in Role.allCases {
                atA[role] = try await api.fixtures.user("\(role.rawValue)-at-a", role: role, sites: [siteA.code])
                nowhere[role] = try await api.fixtures.user("\(role.rawValue)-nowhere", role: role)
            }
            for entry in Self.matrix {
                for role in Role.allCases {
                    for inScope in [true, false] {
                        let site = entry.scope == .named && !inScope ? siteB : siteA
                        let user = entry.scope == .named || inScope ? atA[role]! : nowhere[role]!
                        let token = user.token
                        let isSiteID = entry.path.hasPrefix("/api/v1/sites/{id}")
                        let target = entry.target
                            .replacingOccurrences(of: "{site}", with: site.id.description)
                            .replacingOccurrences(of: "{id}", with: isSiteID ? site.id.description : nothing)
                            .replacingOccurrences(of: "{lineId}", with: nothing)
                            .replacingOccurrences(of: "{partId}", with: nothing)
                        let response = try await api.send(entry.method, target, token: token,
                                                          json: entry.method == .get ? nil : "{}")
                        let context = "\(entry.name) as \(role) \(inScope ? "in" : "out of") scope → \(response)"
                        let permitted = entry.roles.contains(role)
                        if permitted && (inScope || user.caller.principal.coversAllSites || entry.scope == .company) {
                            #expect(![401, 403].contains(response.status.code), "\(context)")
                        } else {
                            #expect(response.status == .forbidden, "\(context)")
                            #expect(response.errorCode == (permitted ? "auth.site_out_of_scope" : "auth.permission_denied"),
                                    "\(context)")
                        }
                    }
                }
            }
        }
    }
}

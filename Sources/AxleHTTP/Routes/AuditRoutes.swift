import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

struct AuditRoutes {
    let services: AxleServices

    func register(on routes: RouteTable) {
        routes.get("/api/v1/audit") { request, context in
            let parameters = try PageParameters(request)
            let records = try await services.audit.records(try Self.query(request), try parameters.page { Int64($0) },
                                                           as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(records, limit: parameters.limit, key: { String($0.sequence) }))
        }
        routes.get("/api/v1/company") { _, context in
            try JSONResponse.make(.ok, try await services.catalog.company(as: try context.requireCaller()))
        }
    }

    /// `entityType`, `entityId`, `actorId`, and a time range `from` (inclusive) … `until` (exclusive).
    static func query(_ request: Request) throws -> AuditQuery {
        var query = AuditQuery(entityType: request.query("entityType"), entityID: request.query("entityId"))
        if let actor = request.query("actorId") {
            guard let id = Principal.ID(actor) else {
                throw RequestError.invalidParameter(name: "actorId", reason: "is not an identifier")
            }
            query.actorID = id
        }
        query.from = try instant(request, "from")
        query.until = try instant(request, "until")
        return query
    }

    private static func instant(_ request: Request, _ name: String) throws -> Instant? {
        guard let text = request.query(name) else { return nil }
        guard let instant = Instant(iso8601: text) else {
            throw RequestError.invalidParameter(name: name, reason: "must be an ISO 8601 time such as 2026-11-25T10:00:00Z")
        }
        return instant
    }
}

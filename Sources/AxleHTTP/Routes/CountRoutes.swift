import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Cycle counts: each site's count policy, generating count tasks, blind count entry,
/// approval of doubtful counts, and inventory accuracy.
struct CountRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.get("/api/v1/sites/{id}/count-policy") { _, context in
            try JSONResponse.make(.ok, try await services.inventory.countPolicy(site: try SiteRoutes.siteID(context),
                                                                                as: try context.requireCaller()))
        }
        routes.put("/api/v1/sites/{id}/count-policy", .site(.configureCounts)) { request, context in
            let site = try SiteRoutes.siteID(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                UpdateCountPolicy(siteID: site, input: try JSONBody.decode(UpdateCountPolicy.Input.self, from: body))
            }
        }
        routes.post("/api/v1/counts/generate", .anySite(.countStock)) { request, context in
            try await writer.respond(to: request, context: context, status: .ok) { body in
                GenerateCountTasks(try JSONBody.decode(GenerateCountTasks.Input.self, from: body))
            }
        }
        routes.get("/api/v1/counts") { request, context in
            let parameters = try PageParameters(request)
            let tasks = try await services.inventory.countTasks(
                site: try request.queryIdentifier("site"), state: try Self.state(request), try parameters.page { $0 },
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(tasks, limit: parameters.limit, key: \.id.description))
        }
        routes.get("/api/v1/counts/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.inventory.countTask(try Self.id(context),
                                                                              as: try context.requireCaller()))
        }
        routes.post("/api/v1/counts/{id}/entries", .anySite(.countStock)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context) { body in
                EnterCount(taskID: id, input: try JSONBody.decode(EnterCount.Input.self, from: body))
            }
        }
        for (action, approve) in [("approve", true), ("reject", false)] {
            routes.post("/api/v1/counts/{id}/\(action)", .anySite(.approveCounts)) { request, context in
                let id = try Self.id(context)
                return try await writer.respond(to: request, context: context, status: .ok) { _ in
                    DecideCount(taskID: id, approve: approve)
                }
            }
        }
        routes.get("/api/v1/inventory-accuracy") { request, context in
            try JSONResponse.make(.ok, try await services.inventory.inventoryAccuracy(
                site: try request.queryIdentifier("site"), from: try request.optionalQueryDate("from"),
                until: try request.optionalQueryDate("until"), as: try context.requireCaller()))
        }
    }

    static func id(_ context: APIRequestContext) throws -> CountTask.ID {
        try context.identifier("id") { CountError.taskNotFound($0) }
    }

    /// The `state` filter: one of the states a task rests in.
    static func state(_ request: Request) throws -> CountTask.State? {
        guard let text = try request.optionalQueryText("state") else { return nil }
        guard let state = CountTask.State(rawValue: text), CountTask.State.stored.contains(state) else {
            throw RequestError.invalidParameter(
                name: "state", reason: "must be one of: " + CountTask.State.stored.map(\.rawValue).joined(separator: ", "))
        }
        return state
    }
}

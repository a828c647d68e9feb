import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Receipts, status and bin moves, adjustments, and questions about stock.
struct StockRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/receipts", .anySite(.receiveStock)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                ReceiveStock(try JSONBody.decode(ReceiveStock.Input.self, from: body))
            }
        }
        routes.post("/api/v1/stock-moves", .anySite(.moveStock)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                MoveStock(try JSONBody.decode(MoveStock.Input.self, from: body))
            }
        }
        routes.post("/api/v1/adjustments", .anySite(.adjustStock)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                RequestAdjustment(try JSONBody.decode(RequestAdjustment.Input.self, from: body))
            }
        }
        routes.get("/api/v1/adjustments") { request, context in
            let parameters = try PageParameters(request)
            let pending = try await services.inventory.pendingAdjustments(
                site: try request.optionalQueryIdentifier("site"), try parameters.page { $0 },
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(pending, limit: parameters.limit, key: \.id.description))
        }
        for (action, approve) in [("approve", true), ("reject", false)] {
            routes.post("/api/v1/adjustments/{id}/\(action)", .anySite(.approveAdjustments)) { request, context in
                let id: Adjustment.ID = try context.identifier("id") { InventoryError.adjustmentNotFound($0) }
                return try await writer.respond(to: request, context: context, status: .ok) { _ in
                    DecideAdjustment(adjustmentID: id, approve: approve)
                }
            }
        }
        routes.get("/api/v1/sites/{id}/stock-policy") { _, context in
            try JSONResponse.make(.ok, try await services.inventory.policy(site: try SiteRoutes.siteID(context),
                                                                          as: try context.requireCaller()))
        }
        routes.put("/api/v1/sites/{id}/stock-policy", .site(.editSites)) { request, context in
            let id = try SiteRoutes.siteID(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                SetStockPolicy(siteID: id, input: try JSONBody.decode(SetStockPolicy.Input.self, from: body))
            }
        }
        routes.get("/api/v1/stock") { request, context in
            let parameters = try PageParameters(request)
            let detail = try await services.inventory.stock(
                part: try request.queryIdentifier("part"), site: try request.optionalQueryIdentifier("site"),
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: detail, parameters, key: \.stock.siteID.description))
        }
        routes.get("/api/v1/stock/ledger") { request, context in
            let parameters = try PageParameters(request)
            let entries = try await services.inventory.ledger(
                part: try request.queryIdentifier("part"), site: try request.optionalQueryIdentifier("site"),
                try parameters.page { Int64($0) }, as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(entries, limit: parameters.limit, key: { String($0.sequence) }))
        }
        routes.get("/api/v1/inventory-value") { request, context in
            let parameters = try PageParameters(request)
            let values = try await services.inventory.value(as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: values, parameters, key: \.site.id.description))
        }
        routes.get("/api/v1/atp") { request, context in
            let through = try request.optionalQueryDate("date")
            let atp = try await services.inventory.availableToPromise(
                part: try request.queryIdentifier("part"), site: try request.queryIdentifier("site"), through: through,
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, atp)
        }
    }
}

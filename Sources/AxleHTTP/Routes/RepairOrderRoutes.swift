import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Repair orders: open (from an appointment or as a walk-in), add lines, record the customer's
/// answer, move through the status model, clock labor, fetch short parts by transfer.
struct RepairOrderRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/repair-orders", .anySite(.manageRepairOrders)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                OpenRepairOrder(try JSONBody.decode(OpenRepairOrder.Input.self, from: body))
            }
        }
        routes.get("/api/v1/repair-orders") { request, context in
            let parameters = try PageParameters(request)
            let orders = try await services.service.repairOrders(
                site: try request.queryIdentifier("site"),
                status: try request.optionalQueryValue("status", RepairOrderStatus.self), try parameters.page { $0 },
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(orders, limit: parameters.limit, key: \.id.description))
        }
        routes.get("/api/v1/repair-orders/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.service.repairOrder(try Self.id(context),
                                                                              as: try context.requireCaller()))
        }
        routes.post("/api/v1/repair-orders/{id}/lines", .anySite(.workRepairOrders)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                AddRepairOrderLines(orderID: id, input: try JSONBody.decode(AddRepairOrderLines.Input.self, from: body))
            }
        }
        // Which permission an event needs is known from the body; a caller with none of them is refused first.
        let anyEventPermission = WriteAccess.anySite(.manageRepairOrders, .workRepairOrders, .invoiceRepairOrders)
        routes.post("/api/v1/repair-orders/{id}/events", anyEventPermission) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                ChangeRepairOrderStatus(orderID: id,
                                        input: try JSONBody.decode(ChangeRepairOrderStatus.Input.self, from: body))
            }
        }
        routes.post("/api/v1/repair-orders/{id}/customer-decisions",
                    .anySite(.manageRepairOrders)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                RecordCustomerDecision(orderID: id,
                                       input: try JSONBody.decode(RecordCustomerDecision.Input.self, from: body))
            }
        }
        for (path, action, status) in [("clock-on", ClockLabor.Action.on, HTTPResponse.Status.created),
                                       ("clock-off", .off, .ok)] {
            routes.post("/api/v1/repair-orders/{id}/labor/{lineId}/\(path)",
                        .anySite(.clockLabor)) { request, context in
                let id = try Self.id(context)
                let line: LaborLine.ID = try context.identifier("lineId") { ServiceError.notFound(.line, $0) }
                return try await writer.respond(to: request, context: context, status: status) { _ in
                    ClockLabor(orderID: id, lineID: line, action: action)
                }
            }
        }
        routes.post("/api/v1/repair-orders/{id}/parts/{lineId}/transfer",
                    .anySite(.requestTransfers)) { request, context in
            let id = try Self.id(context)
            let line: PartLine.ID = try context.identifier("lineId") { ServiceError.notFound(.line, $0) }
            return try await writer.respond(to: request, context: context) { _ in
                RequestPartTransfer(orderID: id, lineID: line)
            }
        }
        routes.post("/api/v1/repair-orders/{id}/field-parts", .anySite(.workRepairOrders)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                AddFieldParts(orderID: id, input: try JSONBody.decode(AddFieldParts.Input.self, from: body))
            }
        }
        routes.get("/api/v1/repair-orders/{id}/time-entries") { request, context in
            let parameters = try PageParameters(request)
            let entries = try await services.service.timeEntries(of: try Self.id(context),
                                                                 as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: entries, parameters, key: \.id.description))
        }
    }

    static func id(_ context: APIRequestContext) throws -> RepairOrder.ID {
        try context.identifier("id") { ServiceError.notFound(.repairOrder, $0) }
    }
}

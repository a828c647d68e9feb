import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Purchasing: what suppliers offer of a part, a site's buyer approval limit, and purchase
/// orders drafted, submitted, approved, sent, cancelled and received.
struct PurchasingRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.put("/api/v1/suppliers/{id}/parts/{partId}", .company(.editSuppliers)) { request, context in
            let supplier = try SupplierRoutes.supplierID(context)
            let part: Part.ID = try context.identifier("partId") { CatalogError.partNotFound($0) }
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                SaveSupplierPart(supplierID: supplier, partID: part,
                                 input: try JSONBody.decode(SaveSupplierPart.Input.self, from: body))
            }
        }
        routes.get("/api/v1/parts/{id}/supplier-parts") { request, context in
            let offers = try await services.purchasing.supplierParts(part: try PartRoutes.partID(context),
                                                                     as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: offers, try PageParameters(request),
                                                       key: \.supplierID.description))
        }
        routes.get("/api/v1/sites/{id}/purchasing-policy") { _, context in
            try JSONResponse.make(.ok, try await services.purchasing.policy(site: try SiteRoutes.siteID(context),
                                                                            as: try context.requireCaller()))
        }
        routes.put("/api/v1/sites/{id}/purchasing-policy", .site(.configurePurchasing)) { request, context in
            let site = try SiteRoutes.siteID(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                SetPurchasingPolicy(siteID: site, input: try JSONBody.decode(SetPurchasingPolicy.Input.self, from: body))
            }
        }
        routes.post("/api/v1/purchase-orders", .anySite(.purchaseParts)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreatePurchaseOrder(try JSONBody.decode(CreatePurchaseOrder.Input.self, from: body))
            }
        }
        routes.get("/api/v1/purchase-orders") { request, context in
            let parameters = try PageParameters(request)
            let orders = try await services.purchasing.orders(
                site: try request.optionalQueryIdentifier("site"), supplier: try request.optionalQueryIdentifier("supplier"),
                status: try request.optionalQueryValue("status", PurchaseOrderStatus.self), try parameters.page { $0 },
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(orders, limit: parameters.limit, key: \.id.description))
        }
        routes.get("/api/v1/purchase-orders/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.purchasing.order(try Self.id(context),
                                                                           as: try context.requireCaller()))
        }
        step("submit", .purchaseParts, on: routes, SubmitPurchaseOrder.init)
        step("approve", .approvePurchaseOrders, on: routes, ApprovePurchaseOrder.init)
        step("send", .purchaseParts, on: routes, SendPurchaseOrder.init)
        step("cancel", .purchaseParts, on: routes, CancelPurchaseOrder.init)
        routes.post("/api/v1/purchase-orders/{id}/receipts", .anySite(.receiveStock)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context) { body in
                ReceivePurchaseOrder(orderID: id, input: try JSONBody.decode(ReceivePurchaseOrder.Input.self, from: body))
            }
        }
    }

    /// A step of an order's life that takes no body: `POST /api/v1/purchase-orders/{id}/<name>`.
    private func step<C: Command>(_ name: String, _ permission: Permission, on routes: RouteTable,
                                  _ command: @escaping @Sendable (PurchaseOrder.ID) -> C)
        where C.Output: Encodable
    {
        routes.post("/api/v1/purchase-orders/{id}/\(name)", .anySite(permission)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { _ in command(id) }
        }
    }

    static func id(_ context: APIRequestContext) throws -> PurchaseOrder.ID {
        try context.identifier("id") { PurchasingError.orderNotFound($0) }
    }
}

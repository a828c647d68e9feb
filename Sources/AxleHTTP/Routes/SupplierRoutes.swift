import AxleApplication
import AxleDomain
import Hummingbird

struct SupplierRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/suppliers", .company(.editSuppliers)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateSupplier(try JSONBody.decode(CreateSupplier.Input.self, from: body))
            }
        }
        routes.get("/api/v1/suppliers") { request, context in
            let parameters = try PageParameters(request)
            let suppliers = try await services.catalog.suppliers(try parameters.page(Code.init),
                                                                 as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(suppliers, limit: parameters.limit, key: \.code.rawValue))
        }
        routes.get("/api/v1/suppliers/{id}") { _, context in
            let supplier = try await services.catalog.supplier(try Self.supplierID(context),
                                                               as: try context.requireCaller())
            return try JSONResponse.make(.ok, supplier, headers: ETag.headers(for: supplier))
        }
        routes.patch("/api/v1/suppliers/{id}", .company(.editSuppliers)) { request, context in
            let id = try Self.supplierID(context)
            let version = try ETag.expectedVersion(request)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                UpdateSupplier(supplierID: id, expectedVersion: version,
                               input: try JSONBody.decode(UpdateSupplier.Input.self, from: body))
            }
        }
    }

    static func supplierID(_ context: APIRequestContext) throws -> Supplier.ID {
        try context.identifier("id") { CatalogError.supplierNotFound($0) }
    }
}

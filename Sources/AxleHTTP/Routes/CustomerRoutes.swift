import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Customers (people and fleet accounts), the vehicles they own, and odometer readings.
struct CustomerRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/customers", .company(.manageCustomers)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateCustomer(try JSONBody.decode(CreateCustomer.Input.self, from: body))
            }
        }
        routes.get("/api/v1/customers") { request, context in
            let parameters = try PageParameters(request)
            let customers = try await services.service.customers(
                nameContains: request.query("q"), try parameters.page { $0 }, as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(customers, limit: parameters.limit, key: \.pageKey))
        }
        routes.get("/api/v1/customers/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.service.customer(try Self.id(context),
                                                                           as: try context.requireCaller()))
        }
        routes.post("/api/v1/customers/{id}/vehicles", .company(.manageCustomers)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context) { body in
                AddCustomerVehicle(customerID: id, input: try JSONBody.decode(AddCustomerVehicle.Input.self, from: body))
            }
        }
        routes.post("/api/v1/vehicles/{id}/mileage", .company(.manageCustomers)) { request, context in
            let id: Vehicle.ID = try context.identifier("id") { CatalogError.vehicleNotFound($0) }
            return try await writer.respond(to: request, context: context) { body in
                RecordMileage(vehicleID: id, input: try JSONBody.decode(RecordMileage.Input.self, from: body))
            }
        }
    }

    static func id(_ context: APIRequestContext) throws -> Customer.ID {
        try context.identifier("id") { ServiceError.notFound(.customer, $0) }
    }
}

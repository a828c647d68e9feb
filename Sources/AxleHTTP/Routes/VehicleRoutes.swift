import AxleApplication
import AxleDomain
import Hummingbird

struct VehicleRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.get("/api/v1/vehicles/decode") { request, context in
            try JSONResponse.make(.ok, try services.vehicles.decode(try Self.vin(request),
                                                                    as: try context.requireCaller()))
        }
        routes.post("/api/v1/vehicles", .company(.registerVehicles)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                RegisterVehicle(try JSONBody.decode(RegisterVehicle.Input.self, from: body))
            }
        }
        routes.get("/api/v1/vehicles") { request, context in
            let parameters = try PageParameters(request)
            let vehicles = try await services.vehicles.vehicles(try parameters.page { $0 },
                                                                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(vehicles, limit: parameters.limit, key: \.vin.rawValue))
        }
    }

    static func vin(_ request: Request) throws -> VIN {
        try VIN(validating: try request.requireQuery("vin"))
    }
}

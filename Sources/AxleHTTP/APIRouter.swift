public import AxleApplication
import AxleDomain
import Foundation
import Logging
public import Hummingbird

/// Builds the router of the whole HTTP API.
public enum APIRouter {
    /// The router and the endpoints it serves (the OpenAPI document must list exactly these).
    public static func build(services: AxleServices) -> (router: Router<APIRequestContext>, endpoints: [Endpoint]) {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(authenticator: services.authenticator,
                                                        publicPaths: ["/health"]))
        let routes = RouteTable(router: router)
        let writer = WriteResponder(services: services)
        routes.get("/health") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        routes.get("/api/v1/openapi.json") { _, _ in
            JSONResponse.make(.ok, json: try OpenAPIDocument.text())
        }
        SiteRoutes(services: services, writer: writer).register(on: routes)
        SupplierRoutes(services: services, writer: writer).register(on: routes)
        PartRoutes(services: services, writer: writer).register(on: routes)
        VehicleRoutes(services: services, writer: writer).register(on: routes)
        AuditRoutes(services: services).register(on: routes)
        StockRoutes(services: services, writer: writer).register(on: routes)
        ReservationRoutes(services: services, writer: writer).register(on: routes)
        return (router, routes.endpoints)
    }
}

/// The OpenAPI 3.1 document describing the API, shipped as a resource.
public enum OpenAPIDocument {
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

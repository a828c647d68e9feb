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
        routes.get("/health") { _, _ in try JSONResponse.make(.ok, ["status": "ok"]) }
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
        CountRoutes(services: services, writer: writer).register(on: routes)
        TransferRoutes(services: services, writer: writer).register(on: routes)
        PurchasingRoutes(services: services, writer: writer).register(on: routes)
        ServiceSetupRoutes(services: services, writer: writer).register(on: routes)
        CustomerRoutes(services: services, writer: writer).register(on: routes)
        AppointmentRoutes(services: services, writer: writer).register(on: routes)
        RepairOrderRoutes(services: services, writer: writer).register(on: routes)
        ServiceReportRoutes(services: services).register(on: routes)
        ImportRoutes(services: services).register(on: routes)
        // Last: it only sees requests that matched no route (see its comment).
        router.add(middleware: MethodNotAllowedMiddleware(endpoints: routes.endpoints))
        return (router, routes.endpoints)
    }
}

/// The OpenAPI 3.1 document describing the API. It ships as several files, one per area
/// (`0-base.json` holds `info`, the shared components and the master-data paths); their
/// `paths` and `components` are merged in file-name order.
public enum OpenAPIDocument {
    public static func text() throws -> String {
        guard let directory = Bundle.module.url(forResource: "openapi", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var document: [String: Any] = [:]
        for file in files {
            guard let part = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            document = merge(document, part)
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Objects merge key by key and lists (such as `tags`) are joined; anything else in
    /// `addition` replaces what was there.
    private static func merge(_ base: [String: Any], _ addition: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in addition {
            if let existing = result[key] as? [String: Any], let added = value as? [String: Any] {
                result[key] = merge(existing, added)
            } else if let existing = result[key] as? [Any], let added = value as? [Any] {
                result[key] = existing + added
            } else {
                result[key] = value
            }
        }
        return result
    }
}

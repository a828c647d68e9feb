import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Sites, their bins and "which site is nearest?".
struct SiteRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/sites", .company(.editSites)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateSite(try JSONBody.decode(CreateSite.Input.self, from: body))
            }
        }
        routes.get("/api/v1/sites") { request, context in
            let parameters = try PageParameters(request)
            let sites = try await services.catalog.sites(try parameters.page(Code.init), as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(sites, limit: parameters.limit, key: \.code.rawValue))
        }
        routes.get("/api/v1/sites/nearest") { request, context in
            let origin = try Self.origin(request)
            let parameters = try PageParameters(request)
            let sites = try await services.catalog.sitesByDistance(from: origin, as: try context.requireCaller())
            let nearby = sites.map { NearbySite(site: $0.site, distanceKm: $0.kilometres) }
            return try JSONResponse.make(.ok, try Page(slicing: nearby, parameters, key: \.site.id.description))
        }
        routes.get("/api/v1/sites/{id}") { _, context in
            let site = try await services.catalog.site(try Self.siteID(context), as: try context.requireCaller())
            return try JSONResponse.make(.ok, site, headers: ETag.headers(for: site))
        }
        routes.patch("/api/v1/sites/{id}", .site(.editSites)) { request, context in
            let id = try Self.siteID(context)
            let version = try ETag.expectedVersion(request)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                UpdateSite(siteID: id, expectedVersion: version,
                           input: try JSONBody.decode(UpdateSite.Input.self, from: body))
            }
        }
        routes.post("/api/v1/sites/{id}/bins", .site(.editBins)) { request, context in
            let id = try Self.siteID(context)
            return try await writer.respond(to: request, context: context) { body in
                CreateBin(siteID: id, input: try JSONBody.decode(CreateBin.Input.self, from: body))
            }
        }
        routes.get("/api/v1/sites/{id}/bins") { request, context in
            let parameters = try PageParameters(request)
            let bins = try await services.catalog.bins(at: try Self.siteID(context), try parameters.page(Code.init),
                                                       as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(bins, limit: parameters.limit, key: \.code.rawValue))
        }
    }

    static func siteID(_ context: APIRequestContext) throws -> Site.ID {
        try context.identifier("id") { CatalogError.siteNotFound($0) }
    }

    static func origin(_ request: Request) throws -> GeoPoint {
        guard let latitude = Double(try request.requireQuery("latitude")), (-90...90).contains(latitude) else {
            throw RequestError.invalidParameter(name: "latitude", reason: "must be decimal degrees from -90 to 90")
        }
        guard let longitude = Double(try request.requireQuery("longitude")),
              let point = GeoPoint(latitude: latitude, longitude: longitude) else {
            throw RequestError.invalidParameter(name: "longitude", reason: "must be decimal degrees from -180 to 180")
        }
        return point
    }
}

/// A site and how far it is from the point asked about.
struct NearbySite: Encodable {
    let site: Site
    let distanceKm: Double
}

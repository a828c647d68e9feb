import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Setting up a workshop: labor operations, technicians and their absences, bays, and each
/// site's service settings (labor rate, tax, approval threshold, holidays).
struct ServiceSetupRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/labor-operations", .company(.configureService)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateLaborOperation(try JSONBody.decode(CreateLaborOperation.Input.self, from: body))
            }
        }
        routes.get("/api/v1/labor-operations") { request, context in
            let parameters = try PageParameters(request)
            let operations = try await services.service.laborOperations(try parameters.page(Code.init),
                                                                        as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(operations, limit: parameters.limit, key: \.code.rawValue))
        }
        routes.get("/api/v1/labor-operations/{id}") { _, context in
            let id: LaborOperation.ID = try context.identifier("id") { ServiceError.notFound(.laborOperation, $0) }
            return try JSONResponse.make(.ok, try await services.service.laborOperation(
                id, as: try context.requireCaller()))
        }
        routes.post("/api/v1/technicians", .anySite(.configureService)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateTechnician(try JSONBody.decode(CreateTechnician.Input.self, from: body))
            }
        }
        routes.get("/api/v1/technicians") { request, context in
            let parameters = try PageParameters(request)
            let technicians = try await services.service.technicians(site: try request.queryIdentifier("site"),
                                                                     as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: technicians, parameters, key: \.id.description))
        }
        routes.post("/api/v1/technicians/{id}/absences", .anySite(.configureService)) { request, context in
            let id: Technician.ID = try context.identifier("id") { ServiceError.notFound(.technician, $0) }
            return try await writer.respond(to: request, context: context) { body in
                RecordAbsence(technicianID: id, input: try JSONBody.decode(RecordAbsence.Input.self, from: body))
            }
        }
        routes.post("/api/v1/bays", .anySite(.configureService)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreateBay(try JSONBody.decode(CreateBay.Input.self, from: body))
            }
        }
        routes.get("/api/v1/bays") { request, context in
            let parameters = try PageParameters(request)
            let bays = try await services.service.bays(site: try request.queryIdentifier("site"),
                                                       as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: bays, parameters, key: \.id.description))
        }
        routes.get("/api/v1/sites/{id}/service-settings") { _, context in
            try JSONResponse.make(.ok, try await services.service.settings(site: try SiteRoutes.siteID(context),
                                                                           as: try context.requireCaller()))
        }
        routes.put("/api/v1/sites/{id}/service-settings", .site(.configureService)) { request, context in
            let id = try SiteRoutes.siteID(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                SaveServiceSettings(siteID: id, input: try JSONBody.decode(SaveServiceSettings.Input.self, from: body))
            }
        }
    }
}

import AxleApplication
import AxleDomain
import Hummingbird

/// What a service manager looks at: the jobs at risk before the customer arrives, and the
/// workshop's KPIs over a period.
struct ServiceReportRoutes {
    let services: AxleServices

    func register(on routes: RouteTable) {
        routes.get("/api/v1/service/at-risk") { request, context in
            let jobs = try await services.service.atRisk(
                site: try request.queryIdentifier("site"),
                days: try request.queryInteger("days", in: 1...AppointmentRoutes.maximumDays, default: 14),
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, jobs)
        }
        routes.get("/api/v1/service/kpis") { request, context in
            let kpis = try await services.service.kpis(
                site: try request.queryIdentifier("site"), from: try request.queryInstant("from"),
                to: try request.queryInstant("to"), as: try context.requireCaller())
            return try JSONResponse.make(.ok, kpis)
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Reservations: reserve, release, consume, and look them up.
struct ReservationRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/reservations", .anySite(.reserveStock)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                Reserve(try JSONBody.decode(Reserve.Input.self, from: body))
            }
        }
        routes.get("/api/v1/reservations") { request, context in
            let parameters = try PageParameters(request)
            let reservations = try await services.inventory.reservations(
                part: try request.queryIdentifier("part"), site: try request.optionalQueryIdentifier("site"),
                openOnly: request.query("open") == "true", try parameters.page { $0 }, as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(reservations, limit: parameters.limit, key: \.id.description))
        }
        routes.get("/api/v1/reservations/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.inventory.reservation(try Self.id(context),
                                                                                as: try context.requireCaller()))
        }
        routes.post("/api/v1/reservations/{id}/release", .anySite(.reserveStock)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { _ in
                ReleaseReservation(reservationID: id)
            }
        }
        routes.post("/api/v1/reservations/{id}/consume", .anySite(.issueStock)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                ConsumeReservation(reservationID: id, input: body.readableBytes == 0
                    ? ConsumeReservation.Input() : try JSONBody.decode(ConsumeReservation.Input.self, from: body))
            }
        }
    }

    static func id(_ context: APIRequestContext) throws -> Reservation.ID {
        try context.identifier("id") { InventoryError.reservationNotFound($0) }
    }
}

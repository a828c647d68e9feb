import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Availability-driven booking: search for slots, book, list, reschedule and cancel appointments.
struct AppointmentRoutes {
    let services: AxleServices
    let writer: WriteResponder

    /// The longest stretch one appointment list covers.
    static let maximumDays = 60

    func register(on routes: RouteTable) {
        // A question, not a change: it writes nothing, so it needs no idempotency key.
        routes.post("/api/v1/appointments/search", .anySite(.bookAppointments)) { request, context in
            let input = try await JSONBody.decode(SearchSlots.Input.self, from: request)
            return try JSONResponse.make(.ok, try await services.service.slots(input, as: try context.requireCaller()))
        }
        routes.post("/api/v1/appointments", .anySite(.bookAppointments)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                BookAppointment(try JSONBody.decode(BookAppointment.Input.self, from: body))
            }
        }
        routes.get("/api/v1/appointments") { request, context in
            let parameters = try PageParameters(request)
            let appointments = try await services.service.appointments(
                site: try request.queryIdentifier("site"), from: try request.optionalQueryInstant("from"),
                days: try request.queryInteger("days", in: 1...Self.maximumDays, default: 14),
                status: try request.optionalQueryValue("status", Appointment.Status.self),
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, try Page(slicing: appointments, parameters,
                                                       key: \.appointment.id.description))
        }
        routes.get("/api/v1/appointments/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.service.appointment(try Self.id(context),
                                                                              as: try context.requireCaller()))
        }
        routes.post("/api/v1/appointments/{id}/cancel", .anySite(.bookAppointments)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { _ in
                CancelAppointment(appointmentID: id)
            }
        }
        routes.post("/api/v1/appointments/{id}/reschedule", .anySite(.bookAppointments)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                RescheduleAppointment(appointmentID: id,
                                      input: try JSONBody.decode(RescheduleAppointment.Input.self, from: body))
            }
        }
    }

    static func id(_ context: APIRequestContext) throws -> Appointment.ID {
        try context.identifier("id") { ServiceError.notFound(.appointment, $0) }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Bad input on the service endpoints gets a clear 4xx in the one error shape and changes
/// nothing: no audit record, no reservation, no booked time.
@Suite("Service bad input")
struct ServiceBadInputTests {
    /// Whose token a case is sent with.
    enum Requester: Sendable {
        case admin
        /// A service advisor whose scope is site A only.
        case advisor
        /// Ana, a technician at site A with her own user.
        case technician
    }

    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        var requester: Requester = .admin

        var description: String { "\(method) \(path) \(body ?? "") as \(requester)" }
    }

    // Valid bodies; each case breaks one thing in one of them. Braces are placeholders for
    // the identifiers of the scenario set up below.
    static let operation = #"{"code": "ALN-1", "description": "Four-wheel alignment", "standardHours": 1.5, "skill": "alignment", "bayType": "alignment", "kit": [{"partId": "{pads}", "quantity": 1}]}"#
    static let technician = #"{"siteId": "{siteA}", "name": "Cleo", "skills": ["brakes"], "shifts": [{"weekday": "monday", "start": "08:00", "end": "17:00"}]}"#
    static let absence = #"{"start": "2026-03-03T08:00:00-06:00", "end": "2026-03-03T12:00:00-06:00", "reason": "Training"}"#
    static let bay = #"{"siteId": "{siteA}", "code": "L2", "type": "generalLift", "hours": [{"weekday": "monday", "start": "08:00", "end": "17:00"}]}"#
    static let settings = #"{"laborRate": "120.00", "taxRate": 8.25, "approvalThreshold": {"kind": "percent", "value": "10"}, "holidays": ["2026-12-25"]}"#
    static let customer = #"{"kind": "person", "name": "Ed Jones", "email": "ed@example.com", "phone": "555-0100"}"#
    static let search = #"{"siteId": "{siteA}", "vehicleId": "{vehicle}", "operationIds": ["{brakeJob}"], "from": "2026-03-03T08:00:00-06:00", "days": 7, "limit": 3, "withinKm": 50}"#
    static let booking = #"{"siteId": "{siteA}", "customerId": "{customer}", "vehicleId": "{vehicle}", "operationIds": ["{brakeJob}"], "start": "2026-03-03T08:00:00-06:00", "technicianId": "{ana}", "bayId": "{lift}", "concern": "Brakes"}"#
    static let reschedule = #"{"start": "2026-03-04T08:00:00-06:00", "technicianId": "{ana}", "bayId": "{lift}"}"#
    static let walkIn = #"{"siteId": "{siteA}", "customerId": "{customer}", "vehicleId": "{vehicle}", "concern": "Noise", "labor": [{"operationId": "{brakeJob}"}]}"#
    static let decision = #"{"decision": "approve", "approvedBy": "Dana Whitfield", "method": "phone"}"#

    static let cases: [Case] = [
        // Labor operations
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("1.5", "-2"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("1.5", "0"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("1.5", "25"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("1.5", "1.0005"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("1.5", #""two""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping(#""skill": "alignment""#, #""skill": "welding""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping(#""bayType": "alignment""#, #""bayType": "pit""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("{pads}", "{unknown}"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping(#""quantity": 1"#, #""quantity": 0"#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping(#"1}]"#, #"1}, {"partId": "{pads}", "quantity": 2}]"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("ALN-1", "BRK-F"), status: 409, code: "service.labor_operation.code_taken"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("ALN-1", "not a code!"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation.swapping("Four-wheel alignment", " "), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/labor-operations", body: "{", status: 400, code: "request.malformed_json"),
        Case(method: .post, path: "/api/v1/labor-operations", body: operation, status: 403, code: "auth.permission_denied", requester: .advisor),
        Case(method: .get, path: "/api/v1/labor-operations/{unknown}", body: nil, status: 404, code: "service.labor_operation.not_found"),
        Case(method: .get, path: "/api/v1/labor-operations/not-an-id", body: nil, status: 404, code: "service.labor_operation.not_found"),
        Case(method: .get, path: "/api/v1/labor-operations?limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/labor-operations?cursor=!!", body: nil, status: 400, code: "request.invalid_cursor"),
        // Technicians and absences
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping(#"["brakes"]"#, "[]"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping(#"["brakes"]"#, #"["welding"]"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping(#"[{"weekday": "monday", "start": "08:00", "end": "17:00"}]"#, "[]"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("08:00", "25:00"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("08:00", "8am"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("17:00", "07:00"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping(#""end": "17:00"}"#, #""end": "17:00"}, {"weekday": "monday", "start": "12:00", "end": "18:00"}"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("monday", "funday"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("Cleo", ""), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping("{siteA}", "{unknown}"), status: 404, code: "catalog.site.not_found"),
        Case(method: .post, path: "/api/v1/technicians", body: technician.swapping(#""Cleo""#, #""Cleo", "principalId": "{unknown}""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians", body: technician, status: 403, code: "auth.permission_denied", requester: .advisor),
        Case(method: .get, path: "/api/v1/technicians", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/technicians?site=nope", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/technicians?site={unknown}", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/technicians?site={siteB}", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/technicians/{unknown}/absences", body: absence, status: 404, code: "service.technician.not_found"),
        Case(method: .post, path: "/api/v1/technicians/not-an-id/absences", body: absence, status: 404, code: "service.technician.not_found"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence.swapping("12:00:00", "07:00:00"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence.swapping("2026-03-03T08:00:00-06:00", "tomorrow"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence.swapping("2026-03-03T08:00:00-06:00", "2026-03-03T08:00:00"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence.swapping("2026-03-03T08:00:00-06:00", "2026-03-03T25:00:00-06:00"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence.swapping("Training", ""), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/technicians/{ana}/absences", body: absence, status: 403, code: "auth.permission_denied", requester: .advisor),
        // Bays
        Case(method: .post, path: "/api/v1/bays", body: bay.swapping("generalLift", "pit"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/bays", body: bay.swapping("L2", "L1"), status: 409, code: "service.bay.code_taken"),
        Case(method: .post, path: "/api/v1/bays", body: bay.swapping(#"[{"weekday": "monday", "start": "08:00", "end": "17:00"}]"#, "[]"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/bays", body: bay.swapping("{siteA}", "{unknown}"), status: 404, code: "catalog.site.not_found"),
        Case(method: .post, path: "/api/v1/bays", body: bay.swapping("{siteA}", "{siteB}"), status: 403, code: "auth.permission_denied", requester: .advisor),
        Case(method: .get, path: "/api/v1/bays", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/bays?site=nope", body: nil, status: 400, code: "request.invalid_parameter"),
        // Service settings
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping(#""120.00""#, #""-5""#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping(#""120.00""#, #""12.345""#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping(#""120.00""#, "120"), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping("8.25", "-1"), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping("8.25", "8.255"), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping("percent", "ratio"), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping(#""10""#, #""ten""#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping(#""percent", "value": "10""#, #""amount", "value": "-3""#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings.swapping("2026-12-25", "2026-02-30"), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/sites/{unknown}/service-settings", body: settings, status: 404, code: "catalog.site.not_found"),
        Case(method: .put, path: "/api/v1/sites/not-an-id/service-settings", body: settings, status: 404, code: "catalog.site.not_found"),
        Case(method: .put, path: "/api/v1/sites/{siteA}/service-settings", body: settings, status: 403, code: "auth.permission_denied", requester: .advisor),
        Case(method: .get, path: "/api/v1/sites/{bare}/service-settings", body: nil, status: 404, code: "service.settings.not_found"),
        Case(method: .get, path: "/api/v1/sites/{unknown}/service-settings", body: nil, status: 404, code: "catalog.site.not_found"),
        // Customers, their vehicles and mileage
        Case(method: .post, path: "/api/v1/customers", body: customer.swapping("person", "alien"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/customers", body: customer.swapping("Ed Jones", "  "), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/customers", body: customer.swapping("ed@example.com", "ed.example.com"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/customers", body: customer.swapping("555-0100", String(repeating: "5", count: 41)), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/customers", body: customer, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .get, path: "/api/v1/customers/{unknown}", body: nil, status: 404, code: "service.customer.not_found"),
        Case(method: .get, path: "/api/v1/customers/not-an-id", body: nil, status: 404, code: "service.customer.not_found"),
        Case(method: .get, path: "/api/v1/customers?limit=1000", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .post, path: "/api/v1/customers/{unknown}/vehicles", body: #"{"vehicleId": "{vehicle}"}"#, status: 404, code: "service.customer.not_found"),
        Case(method: .post, path: "/api/v1/customers/{customer}/vehicles", body: #"{"vehicleId": "{unknown}"}"#, status: 404, code: "catalog.vehicle.not_found"),
        Case(method: .post, path: "/api/v1/customers/{customer}/vehicles", body: #"{"vehicleId": "{vehicle}"}"#, status: 409, code: "service.vehicle.already_owned", requester: .advisor),
        Case(method: .post, path: "/api/v1/customers/{customer}/vehicles", body: #"{"vehicleId": "{vehicle}"}"#, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/vehicles/{unknown}/mileage", body: #"{"kilometres": 60000}"#, status: 404, code: "catalog.vehicle.not_found"),
        Case(method: .post, path: "/api/v1/vehicles/not-an-id/mileage", body: #"{"kilometres": 60000}"#, status: 404, code: "catalog.vehicle.not_found"),
        Case(method: .post, path: "/api/v1/vehicles/{vehicle}/mileage", body: #"{"kilometres": -1}"#, status: 400, code: "request.invalid_field"),
        // Foundation's decoder reports a number that does not fit a whole-number field as invalid JSON, naming no field.
        Case(method: .post, path: "/api/v1/vehicles/{vehicle}/mileage", body: #"{"kilometres": 60000.5}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/vehicles/{vehicle}/mileage", body: #"{"kilometres": "far"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/vehicles/{vehicle}/mileage", body: #"{"kilometres": 100}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/vehicles/{vehicle}/mileage", body: #"{"kilometres": 99999999999}"#, status: 400, code: "request.invalid_field"),
        // Searching for slots
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#"["{brakeJob}"]"#, "[]"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#"["{brakeJob}"]"#, #"["{brakeJob}", "{brakeJob}"]"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping("{brakeJob}", "{unknown}"), status: 404, code: "service.labor_operation.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#""days": 7"#, #""days": 0"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#""days": 7"#, #""days": 61"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#""days": 7"#, #""days": 99999999999999999999"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#""limit": 3"#, #""limit": 0"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping(#""withinKm": 50"#, #""withinKm": -5"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping("2026-03-03T08:00:00-06:00", "next week"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping("{vehicle}", "{unknown}"), status: 404, code: "catalog.vehicle.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping("{siteA}", "{unknown}"), status: 404, code: "catalog.site.not_found"),
        Case(method: .post, path: "/api/v1/appointments/search", body: search.swapping("{siteA}", "{siteB}"), status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/search", body: search, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/appointments/search", body: nil, status: 400, code: "request.malformed_json", requester: .advisor),
        // Booking
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2026-03-01T08:00:00-06:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2026-03-03 08:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2026-03-03T08:00:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping(#"["{brakeJob}"]"#, "[]"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{brakeJob}", "{unknown}"), status: 404, code: "service.labor_operation.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{ana}", "{unknown}"), status: 404, code: "service.technician.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{lift}", "{unknown}"), status: 404, code: "service.bay.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{customer}", "{unknown}"), status: 404, code: "service.customer.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{ana}", "{nils}"), status: 400, code: "service.technician.not_at_site", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{lift}", "{northLift}"), status: 400, code: "service.bay.not_at_site", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{ana}", "{ben}"), status: 422, code: "service.booking.no_qualified_technician", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "{bookedStart}"), status: 409, code: "service.booking.slot_taken", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2026-03-08T10:00:00-05:00"), status: 422, code: "service.booking.outside_working_hours", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2026-03-03T16:00:00-06:00"), status: 422, code: "service.booking.outside_working_hours", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("2026-03-03T08:00:00-06:00", "2027-06-01T08:00:00-05:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("Brakes", ""), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking.swapping("{siteA}", "{siteB}"), status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments", body: booking, status: 403, code: "auth.permission_denied", requester: .technician),
        // Appointments
        Case(method: .get, path: "/api/v1/appointments", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments?site={siteA}&from=monday", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments?site={siteA}&days=0", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments?site={siteA}&days=100000000000000", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments?site={siteA}&status=lost", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments?site={siteB}", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .get, path: "/api/v1/appointments/{unknown}", body: nil, status: 404, code: "service.appointment.not_found"),
        Case(method: .get, path: "/api/v1/appointments/not-an-id", body: nil, status: 404, code: "service.appointment.not_found"),
        Case(method: .post, path: "/api/v1/appointments/{unknown}/cancel", body: nil, status: 404, code: "service.appointment.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{cancelled}/cancel", body: nil, status: 409, code: "service.appointment.not_booked", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{booked}/cancel", body: nil, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/appointments/{booked}/reschedule", body: reschedule.swapping("2026-03-04T08:00:00-06:00", "2026-03-02T02:00:00-06:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{booked}/reschedule", body: reschedule.swapping("2026-03-04T08:00:00-06:00", "2026-13-04T08:00:00-06:00"), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{booked}/reschedule", body: reschedule.swapping("{ana}", "{unknown}"), status: 404, code: "service.technician.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{booked}/reschedule", body: reschedule.swapping("{ana}", "{ben}"), status: 422, code: "service.booking.no_qualified_technician", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{booked}/reschedule", body: reschedule.swapping("2026-03-04T08:00:00-06:00", "2026-03-07T08:00:00-06:00"), status: 422, code: "service.booking.outside_working_hours", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{cancelled}/reschedule", body: reschedule, status: 409, code: "service.appointment.not_booked", requester: .advisor),
        Case(method: .post, path: "/api/v1/appointments/{unknown}/reschedule", body: reschedule, status: 404, code: "service.appointment.not_found", requester: .advisor),
        // Opening repair orders
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#""Noise""#, #""Noise", "appointmentId": "{unknown}""#), status: 404, code: "service.appointment.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#""Noise""#, #""Noise", "appointmentId": "{cancelled}""#), status: 409, code: "service.appointment.not_booked", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#""{brakeJob}"}"#, #""{brakeJob}", "hours": -2}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"{"operationId": "{brakeJob}"}"#, #"{"description": "Diagnose", "hours": -1, "skill": "diagnostics"}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"{"operationId": "{brakeJob}"}"#, #"{"description": "Diagnose", "hours": 1, "skill": "welding"}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"{"operationId": "{brakeJob}"}"#, #"{"description": "Diagnose", "hours": 1}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping("{brakeJob}", "{unknown}"), status: 404, code: "service.labor_operation.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"]}"#, #"], "parts": [{"partId": "{pads}", "quantity": 0}]}"#), status: 400, code: "inventory.quantity.not_positive", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"]}"#, #"], "parts": [{"partId": "{pads}", "quantity": 1, "unitPrice": "-1"}]}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#"]}"#, #"], "parts": [{"partId": "{unknown}", "quantity": 1}]}"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#""Noise""#, #""Noise", "mileage": -5"#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping(#""Noise""#, #""""#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping("{customer}", "{unknown}"), status: 404, code: "service.customer.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping("{siteA}", "{bare}"), status: 422, code: "service.site.no_workshop"),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn.swapping("{siteA}", "{siteB}"), status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders", body: walkIn, status: 403, code: "auth.permission_denied", requester: .technician),
        // Reading repair orders
        Case(method: .get, path: "/api/v1/repair-orders", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/repair-orders?site={siteA}&status=lost", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/repair-orders?site={siteA}&cursor=!!", body: nil, status: 400, code: "request.invalid_cursor", requester: .advisor),
        Case(method: .get, path: "/api/v1/repair-orders?site={siteB}", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .get, path: "/api/v1/repair-orders/{unknown}", body: nil, status: 404, code: "service.repair_order.not_found"),
        Case(method: .get, path: "/api/v1/repair-orders/not-an-id", body: nil, status: 404, code: "service.repair_order.not_found"),
        Case(method: .get, path: "/api/v1/repair-orders/{atB}", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .get, path: "/api/v1/repair-orders/{unknown}/time-entries", body: nil, status: 404, code: "service.repair_order.not_found"),
        Case(method: .get, path: "/api/v1/repair-orders/{atB}/time-entries", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .technician),
        // Adding lines
        Case(method: .post, path: "/api/v1/repair-orders/{working}/lines", body: "{}", status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/lines", body: #"{"labor": [], "parts": []}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/lines", body: #"{"labor": [{"operationId": "{brakeJob}", "hours": -2}]}"#, status: 400, code: "request.invalid_field", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/lines", body: #"{"labor": [{"operationId": "{brakeJob}", "hours": 0}]}"#, status: 400, code: "request.invalid_field", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/lines", body: #"{"parts": [{"partId": "{pads}", "quantity": -1}]}"#, status: 400, code: "inventory.quantity.not_positive", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{unknown}/lines", body: #"{"parts": [{"partId": "{pads}", "quantity": 1}]}"#, status: 404, code: "service.repair_order.not_found"),
        Case(method: .post, path: "/api/v1/repair-orders/{atB}/lines", body: #"{"parts": [{"partId": "{pads}", "quantity": 1}]}"#, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{closed}/lines", body: #"{"parts": [{"partId": "{pads}", "quantity": 1}]}"#, status: 409, code: "service.repair_order.not_open", requester: .advisor),
        // Status events
        Case(method: .post, path: "/api/v1/repair-orders/{working}/events", body: #"{"event": "teleport"}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/events", body: "{}", status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{draft}/events", body: #"{"event": "complete"}"#, status: 409, code: "service.repair_order.illegal_transition", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{draft}/events", body: #"{"event": "approve", "approvedBy": "Dana", "method": "phone"}"#, status: 409, code: "service.repair_order.illegal_transition", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{closed}/events", body: #"{"event": "cancel"}"#, status: 409, code: "service.repair_order.illegal_transition", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{draft}/events", body: #"{"event": "approve", "approvedBy": "Dana", "method": "pigeon"}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{draft}/events", body: #"{"event": "estimate", "note": "\#(String(repeating: "n", count: 501))"}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/events", body: #"{"event": "invoice"}"#, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{atB}/events", body: #"{"event": "cancel"}"#, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{unknown}/events", body: #"{"event": "cancel"}"#, status: 404, code: "service.repair_order.not_found"),
        // Customer decisions
        Case(method: .post, path: "/api/v1/repair-orders/{working}/customer-decisions", body: decision, status: 409, code: "service.line.nothing_awaiting_customer", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/customer-decisions", body: decision.swapping(#""approve""#, #""maybe""#), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/customer-decisions", body: decision.swapping(#", "method": "phone""#, ""), status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/customer-decisions", body: decision, status: 403, code: "auth.permission_denied", requester: .technician),
        // Clocking labor
        Case(method: .post, path: "/api/v1/repair-orders/{working}/labor/{unknown}/clock-on", body: nil, status: 404, code: "service.line.not_found", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/labor/not-an-id/clock-on", body: nil, status: 404, code: "service.line.not_found", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{unknown}/labor/{workingLabor}/clock-on", body: nil, status: 404, code: "service.repair_order.not_found", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{draft}/labor/{draftLabor}/clock-on", body: nil, status: 409, code: "service.clock.order_not_in_progress", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/labor/{workingLabor}/clock-off", body: nil, status: 409, code: "service.clock.not_on", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/labor/{workingLabor}/clock-on", body: nil, status: 403, code: "auth.permission_denied", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/labor/{workingLabor}/clock-on", body: nil, status: 403, code: "service.clock.not_a_technician"),
        Case(method: .post, path: "/api/v1/repair-orders/{atB}/labor/{workingLabor}/clock-on", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .technician),
        // Jobs at risk
        Case(method: .get, path: "/api/v1/service/at-risk", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/at-risk?site=nope", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/at-risk?site={siteA}&days=0", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/at-risk?site={siteA}&days=soon", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/at-risk?site={unknown}", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/service/at-risk?site={siteB}", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .technician),
        // KPIs
        Case(method: .get, path: "/api/v1/service/kpis?site={siteA}&to=2026-03-02T00:00:00Z", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/kpis?site={siteA}&from=march&to=2026-03-02T00:00:00Z", body: nil, status: 400, code: "request.invalid_parameter", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/kpis?site={siteA}&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", body: nil, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/kpis?site={siteA}&from=2020-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", body: nil, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/kpis?site={siteB}&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z", body: nil, status: 403, code: "auth.site_out_of_scope", requester: .advisor),
        Case(method: .get, path: "/api/v1/service/kpis?site={unknown}&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z", body: nil, status: 404, code: "catalog.site.not_found"),
        // Fetching a part by transfer
        Case(method: .post, path: "/api/v1/repair-orders/{working}/parts/{workingPart}/transfer", body: nil, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/parts/{unknown}/transfer", body: nil, status: 404, code: "service.line.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/parts/{workingPart}/transfer", body: nil, status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/repair-orders/{closed}/parts/{workingPart}/transfer", body: nil, status: 409, code: "service.repair_order.not_open", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/field-parts", body: #"{"parts": [{"partId": "{pads}", "quantity": 1}]}"#, status: 400, code: "request.invalid_field", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{unknown}/field-parts", body: #"{"parts": [{"partId": "{pads}", "quantity": 1}]}"#, status: 404, code: "service.repair_order.not_found", requester: .advisor),
        Case(method: .post, path: "/api/v1/repair-orders/{working}/field-parts", body: #"{"parts": "none"}"#, status: 400, code: "request.invalid_field", requester: .advisor),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadServiceRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let scenario = try await Scenario.make(api.fixtures)
            let (_, advisorToken) = try await api.fixtures.user("sam-advisor", role: .serviceAdvisor,
                                                                sites: [scenario.siteA.code])
            func fill(_ text: String) -> String {
                scenario.placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let trail = try await api.fixtures.auditTrail()
            let padsBefore = try await api.fixtures.siteStock(scenario.pads, at: scenario.siteA)

            for testCase in Self.cases {
                let token = switch testCase.requester {
                case .admin: api.adminToken
                case .advisor: advisorToken
                case .technician: scenario.technicianToken
                }
                let response = try await api.send(testCase.method, fill(testCase.path), token: token,
                                                  json: testCase.body.map(fill))
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }

            #expect(try await api.fixtures.auditTrail() == trail)
            #expect(try await api.fixtures.siteStock(scenario.pads, at: scenario.siteA) == padsBefore)
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func questionsReachingPastTheLastDateOfTheCalendarAreAnsweredNotCrashedOn(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let scenario = try await Scenario.make(api.fixtures)
            let site = scenario.placeholders["{siteA}"]!
            let search = #"{"siteId": "\#(site)", "vehicleId": "\#(scenario.placeholders["{vehicle}"]!)", "operationIds": ["\#(scenario.placeholders["{brakeJob}"]!)"], "from": "2999-12-30T08:00:00-06:00", "days": 7}"#
            let slots = try await api.send(.post, "/api/v1/appointments/search", json: search)
            #expect(slots.status == .ok, "\(slots)")
            #expect(slots.array("slots").first?["start"] as? String == "2999-12-30T08:00:00-06:00")
            let kpis = try await api.send(.get, "/api/v1/service/kpis?site=\(site)&from=2999-12-01T00:00:00Z&to=2999-12-31T23:59:59Z")
            #expect(kpis.status == .ok, "\(kpis)")
            let appointments = try await api.send(.get, "/api/v1/appointments?site=\(site)&from=2999-12-31T00:00:00Z&days=60")
            #expect(appointments.status == .ok, "\(appointments)")
        }
    }

    /// Sites A (with its workshop) and B (with its own), a bare site C without service
    /// settings, a booked and a cancelled appointment, and repair orders in several states.
    struct Scenario {
        let siteA: Site
        let pads: Part
        let technicianToken: String
        let placeholders: [String: String]

        static func make(_ fixtures: Fixtures) async throws -> Scenario {
            let services = fixtures.services
            let siteA = try await fixtures.site("DLR-A"), siteB = try await fixtures.site("DLR-B")
            let bare = try await fixtures.site("DLR-C")
            try await fixtures.serviceSettings(at: siteA)
            try await fixtures.serviceSettings(at: siteB)
            let bin = try await fixtures.bin("A-01", at: siteA)
            let pads = try await fixtures.part("BP-100", description: "Brake pads, front", category: .brakes)
            try await fixtures.receive(10, of: pads, into: bin)
            let brakeJob = try await fixtures.operation("BRK-F", hours: 2, skill: .brakes, kit: [(pads, 2)])
            let (anaUser, technicianToken) = try await fixtures.user("ana", role: .technician, sites: [siteA.code])
            let ana = try await fixtures.technician("Ana", at: siteA, skills: [.brakes, .general], user: anaUser)
            let ben = try await fixtures.technician("Ben", at: siteA, skills: [.electrical])
            let lift = try await fixtures.bay("L1", .generalLift, at: siteA)
            let nils = try await fixtures.technician("Nils", at: siteB, skills: [.brakes])
            let northLift = try await fixtures.bay("N1", .generalLift, at: siteB)
            let (customer, vehicle) = try await fixtures.customerWithVehicle()
            _ = try await services.commands.run(RecordMileage(vehicleID: vehicle.id, input: .init(kilometres: 50_000)),
                                                as: Fixtures.system)

            let first = try #require(try await fixtures.firstSlot(for: [brakeJob], vehicle: vehicle, at: siteA))
            let booked = try await fixtures.book(first, operations: [brakeJob], customer: customer, vehicle: vehicle)
            let second = try #require(try await fixtures.firstSlot(for: [brakeJob], vehicle: vehicle, at: siteA))
            let cancelled = try await fixtures.book(second, operations: [brakeJob], customer: customer, vehicle: vehicle)
            _ = try await services.commands.run(CancelAppointment(appointmentID: cancelled.appointment.id),
                                                as: Fixtures.system)

            func walkIn(at site: Site, labor: [LaborLineInput]) async throws -> RepairOrderView {
                try await services.commands.run(OpenRepairOrder(.init(
                    siteId: site.id, customerId: customer.id, vehicleId: vehicle.id, concern: "Squeal",
                    labor: labor)), as: Fixtures.system)
            }
            func step(_ order: RepairOrderView, _ events: [RepairOrderEvent]) async throws -> RepairOrderView {
                var order = order
                for event in events {
                    order = try await services.commands.run(ChangeRepairOrderStatus(orderID: order.order.id, input: .init(
                        event: event, approvedBy: event == .approve ? "Dana Whitfield" : nil,
                        method: event == .approve ? .phone : nil)), as: Fixtures.system)
                }
                return order
            }
            let draft = try await walkIn(at: siteA, labor: [.init(operationId: brakeJob.id)])
            let working = try await step(try await walkIn(at: siteA, labor: [.init(operationId: brakeJob.id)]),
                                         [.estimate, .approve, .start])
            let closed = try await step(try await walkIn(at: siteA, labor: [.init(operationId: brakeJob.id)]),
                                        [.estimate, .approve, .start, .requestQualityCheck, .complete, .invoice, .close])
            let atB = try await walkIn(at: siteB, labor: [])

            let placeholders = [
                "{unknown}": "00000000-0000-7000-8000-00000000dead",
                "{siteA}": siteA.id.description, "{siteB}": siteB.id.description, "{bare}": bare.id.description,
                "{pads}": pads.id.description, "{brakeJob}": brakeJob.id.description, "{ana}": ana.id.description,
                "{ben}": ben.id.description, "{nils}": nils.id.description, "{lift}": lift.id.description,
                "{northLift}": northLift.id.description, "{customer}": customer.id.description,
                "{vehicle}": vehicle.id.description, "{booked}": booked.appointment.id.description,
                "{bookedStart}": booked.start, "{cancelled}": cancelled.appointment.id.description,
                "{draft}": draft.order.id.description, "{draftLabor}": draft.order.laborLines[0].id.description,
                "{working}": working.order.id.description,
                "{workingLabor}": working.order.laborLines[0].id.description,
                "{workingPart}": working.order.partLines[0].id.description, "{closed}": closed.order.id.description,
                "{atB}": atB.order.id.description,
            ]
            return Scenario(siteA: siteA, pads: pads, technicianToken: technicianToken, placeholders: placeholders)
        }
    }
}

private extension String {
    /// This body with its first `fragment` replaced; the fragment must be in it.
    func swapping(_ fragment: String, _ replacement: String) -> String {
        precondition(contains(fragment), "\(fragment) is not in \(self)")
        guard let range = range(of: fragment) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

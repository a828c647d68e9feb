import AxleDomain
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Bad input on every endpoint gets a 4xx in the one error shape, never a 500.
@Suite("Malformed requests")
struct MalformedRequestTests {
    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        var headers: HTTPFields = [:]

        var description: String { "\(method) \(path) \(body ?? "")" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"

    /// `{site}` and `{part}` are replaced by real identifiers.
    static let cases: [Case] = [
        Case(method: .post, path: "/api/v1/sites", body: "{", status: 400, code: "request.malformed_json"),
        Case(method: .post, path: "/api/v1/sites", body: "", status: 400, code: "request.malformed_json"),
        Case(method: .post, path: "/api/v1/sites", body: #"{"code": "X-1", "name": "x", "kind": "garage", "location": {"latitude": 1, "longitude": 2}}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/sites", body: #"{"code": "X-1", "name": "x", "kind": "workshop", "location": {"latitude": 91, "longitude": 2}}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/sites", body: #"{"code": "X-1", "name": "x", "kind": "workshop", "location": {"latitude": 1, "longitude": 2}, "timeZone": "Mars/Olympus"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/sites", body: #"{"code": "DLR-A", "name": "x", "kind": "workshop", "location": {"latitude": 1, "longitude": 2}}"#, status: 409, code: "catalog.site.code_taken"),
        Case(method: .get, path: "/api/v1/sites?limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/sites?cursor=%%%", body: nil, status: 400, code: "request.invalid_cursor"),
        Case(method: .get, path: "/api/v1/sites/nearest?latitude=north&longitude=1", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/sites/\(unknown)", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/sites/not-an-id", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .patch, path: "/api/v1/sites/{site}", body: #"{"name": 5}"#, status: 400, code: "request.invalid_field", headers: [.ifMatch: "\"1\""]),
        Case(method: .patch, path: "/api/v1/sites/{site}", body: #"{"name": "x"}"#, status: 400, code: "request.malformed_if_match", headers: [.ifMatch: "garbage"]),
        Case(method: .post, path: "/api/v1/sites/{site}/bins", body: #"{"code": "has space"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/sites/\(unknown)/bins", body: #"{"code": "A-1"}"#, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/sites/\(unknown)/bins", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .post, path: "/api/v1/suppliers", body: #"{"code": "S-1", "name": "Parts Co"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/suppliers", body: #"{"code": "S-1", "name": "Parts Co", "leadTimeDays": 400}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/suppliers", body: #"{"code": "S-1", "name": "Parts Co", "leadTimeDays": "7"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .get, path: "/api/v1/suppliers/\(unknown)", body: nil, status: 404, code: "catalog.supplier.not_found"),
        Case(method: .patch, path: "/api/v1/suppliers/\(unknown)", body: #"{"name": "x"}"#, status: 404, code: "catalog.supplier.not_found", headers: [.ifMatch: "\"1\""]),
        Case(method: .post, path: "/api/v1/parts", body: #"{"number": "OF-1"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter.replacingOccurrences(of: "\"4.10\"", with: "\"4.105\""), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter.replacingOccurrences(of: "\"4.10\"", with: "4.10"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter.replacingOccurrences(of: "\"quantity\": 10", with: "\"quantity\": 0.0001"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter.replacingOccurrences(of: "\"quantity\": 10", with: "\"quantity\": -1"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter.replacingOccurrences(of: "OF-100", with: "OF 100"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts", body: "[1, 2]", status: 400, code: "request.invalid_field"),
        Case(method: .get, path: "/api/v1/parts?category=wheels", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/parts?limit=501", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/parts/\(unknown)", body: nil, status: 404, code: "catalog.part.not_found"),
        Case(method: .patch, path: "/api/v1/parts/{part}", body: #"{"lifecycle": "superseded"}"#, status: 409, code: "catalog.part.lifecycle_change_not_allowed", headers: [.ifMatch: "\"1\""]),
        Case(method: .patch, path: "/api/v1/parts/{part}", body: #"{"cost": "-2.00"}"#, status: 400, code: "request.invalid_field", headers: [.ifMatch: "\"1\""]),
        Case(method: .get, path: "/api/v1/parts/lookup", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/parts/lookup?number=NOPE-1", body: nil, status: 404, code: "catalog.part.not_found"),
        Case(method: .post, path: "/api/v1/parts/{part}/supersessions", body: #"{"replacementId": "{part}", "interchangeability": "oneWay"}"#, status: 422, code: "catalog.supersession.self"),
        Case(method: .post, path: "/api/v1/parts/{part}/supersessions", body: #"{"replacementId": "\#(unknown)", "interchangeability": "oneWay"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts/{part}/supersessions", body: #"{"replacementId": "{part}", "interchangeability": "sideways"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts/{part}/supersessions", body: #"{"replacementId": "{part}", "interchangeability": "oneWay", "effectiveOn": "2026-02-30"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts/{part}/substitutes", body: #"{"substituteId": "{part}", "rule": "always"}"#, status: 422, code: "catalog.substitute.self"),
        Case(method: .post, path: "/api/v1/parts/\(unknown)/substitutes", body: #"{"substituteId": "{part}", "rule": "always"}"#, status: 404, code: "catalog.part.not_found"),
        Case(method: .post, path: "/api/v1/parts/{part}/fitments", body: #"{"make": "Ford", "model": "Focus", "yearFrom": 2018, "yearTo": 2012}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/parts/{part}/fitments", body: #"{"make": "Ford", "model": "Focus", "yearFrom": 1900, "yearTo": 2012}"#, status: 400, code: "request.invalid_field"),
        Case(method: .get, path: "/api/v1/parts/fitting?vin=1M8GDM9AXKP042789", body: nil, status: 400, code: "vehicle.vin.check_digit"),
        Case(method: .get, path: "/api/v1/vehicles/decode?vin=SHORT", body: nil, status: 400, code: "vehicle.vin.wrong_length"),
        Case(method: .get, path: "/api/v1/vehicles/decode?vin=1M8GDM9AXKP04278O", body: nil, status: 400, code: "vehicle.vin.invalid_character"),
        Case(method: .get, path: "/api/v1/vehicles/decode", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .post, path: "/api/v1/vehicles", body: #"{"vin": "1M8GDM9AXKP042789", "model": "Bus"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .get, path: "/api/v1/vehicles?cursor=!!", body: nil, status: 400, code: "request.invalid_cursor"),
        Case(method: .get, path: "/api/v1/audit?from=yesterday", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/audit?actorId=me", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/nowhere", body: nil, status: 404, code: "request.route_not_found"),
        Case(method: .post, path: "/api/v1/parts", body: PartJSON.oilFilter, status: 400, code: "request.idempotency_key_invalid", headers: [.idempotencyKey: String(repeating: "k", count: 201)]),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            let part = try await api.fixtures.part("OF-1")
            let trail = try await api.fixtures.auditTrail()
            for testCase in Self.cases {
                func fill(_ text: String) -> String {
                    text.replacingOccurrences(of: "{site}", with: site.id.description)
                        .replacingOccurrences(of: "{part}", with: part.id.description)
                }
                let response = try await api.send(testCase.method, fill(testCase.path), json: testCase.body.map(fill),
                                                  headers: testCase.headers)
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }
            #expect(try await api.fixtures.auditTrail() == trail)
        }
    }
}

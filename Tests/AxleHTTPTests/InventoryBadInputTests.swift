import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Bad input on the inventory endpoints gets a clear 4xx in the one error shape and changes
/// nothing: no audit record, no movement, no commitment.
@Suite("Inventory bad input")
struct InventoryBadInputTests {
    /// Whose token a case is sent with.
    enum Requester: Sendable {
        case admin
        /// A parts manager whose scope is site A only.
        case siteAManager
        case technician
    }

    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        var requester: Requester = .siteAManager

        var description: String { "\(method) \(path) \(body ?? "") as \(requester)" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"

    /// A receipt into site A's bin, with one field replaced.
    static func receipt(_ replacing: String? = nil, with replacement: String = "") -> String {
        let valid = #"{"siteId": "{siteA}", "binId": "{binA}", "partId": "{part}", "quantity": 5}"#
        guard let replacing else { return valid }
        return valid.replacingOccurrences(of: replacing, with: replacement)
    }

    static func move(_ fields: String) -> String {
        #"{"siteId": "{siteA}", "partId": "{part}", "fromBinId": "{binA}", "#.appending(fields).appending("}")
    }

    static func adjustment(_ fields: String) -> String {
        #"{"siteId": "{siteA}", "binId": "{binA}", "partId": "{part}", "#.appending(fields).appending("}")
    }

    static func reservation(quantity: String = "1", site: String = "{siteA}", part: String = #""partId": "{part}""#,
                            priority: String = "scheduledService", needBy: String = "2026-03-10",
                            demand: String = #"{"kind": "repairOrder", "reference": "RO-9"}"#) -> String {
        #"{\#(part), "siteId": "\#(site)", "quantity": \#(quantity), "demand": \#(demand), "priority": "\#(priority)", "needBy": "\#(needBy)"}"#
    }

    /// Placeholders in braces are replaced by the identifiers of the scenario set up below.
    static let cases: [Case] = [
        // Receipts
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: "0"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: "-3"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: "1.0005"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: #""5""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt(#""partId": "{part}", "#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("{part}", with: unknown), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("{binA}", with: unknown), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("{binA}", with: "{binB}"), status: 422, code: "inventory.bin.not_at_site"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("{siteA}", with: unknown), status: 404, code: "catalog.site.not_found", requester: .admin),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("{siteA}", with: "{siteB}").replacingOccurrences(of: "{binA}", with: "{binB}"), status: 403, code: "auth.site_out_of_scope"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: #"5, "status": "inTransit""#), status: 422, code: "inventory.status.not_allowed"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: #"5, "status": "lost""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt("5", with: #"5, "unitCost": "1.005""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/receipts", body: "{", status: 400, code: "request.malformed_json"),
        Case(method: .post, path: "/api/v1/receipts", body: receipt(), status: 403, code: "auth.permission_denied", requester: .technician),
        // Status and bin moves
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 0"#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 2.5555"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "teleport", "quantity": 1"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""quantity": 1"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "release", "quantity": 1"#), status: 422, code: "inventory.stock.insufficient"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 9"#), status: 422, code: "inventory.stock.insufficient"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 7"#), status: 422, code: "inventory.available.insufficient"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "binMove", "quantity": 1, "toBinId": "\#(unknown)""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 1"#).replacingOccurrences(of: "{binA}", with: unknown), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/stock-moves", body: move(#""kind": "block", "quantity": 1"#).replacingOccurrences(of: "{siteA}", with: "{siteB}").replacingOccurrences(of: "{binA}", with: "{binB}"), status: 403, code: "auth.site_out_of_scope"),
        // Adjustments
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 0, "reason": "found""#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 1.2345, "reason": "found""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 1, "reason": "stolen""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 1"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 1, "reason": "found""#).replacingOccurrences(of: "{part}", with: unknown), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/adjustments", body: adjustment(#""quantity": 1, "reason": "found""#).replacingOccurrences(of: "{siteA}", with: "{siteB}").replacingOccurrences(of: "{binA}", with: "{binB}"), status: 403, code: "auth.site_out_of_scope"),
        // Reservations
        Case(method: .post, path: "/api/v1/reservations", body: reservation(quantity: "0"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(quantity: "-1"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(quantity: "0.0001"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(quantity: #""1""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(part: #""partId": "\#(unknown)""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(part: #""partNumber": "NOPE-1""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(part: #""partNumber": null"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(site: unknown), status: 404, code: "catalog.site.not_found", requester: .admin),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(site: "{siteB}"), status: 403, code: "auth.site_out_of_scope"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(priority: "urgent"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(needBy: "2026-02-30"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(demand: #"{"kind": "whim", "reference": "RO-9"}"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(demand: "null"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(quantity: "7"), status: 409, code: "inventory.reservation.short"),
        Case(method: .post, path: "/api/v1/reservations", body: reservation(), status: 403, code: "auth.permission_denied", requester: .technician),
        Case(method: .post, path: "/api/v1/reservations", body: "[]", status: 400, code: "request.invalid_field"),
        // Releasing and consuming
        Case(method: .post, path: "/api/v1/reservations/{consumed}/release", body: nil, status: 409, code: "inventory.reservation.not_open"),
        Case(method: .post, path: "/api/v1/reservations/{released}/release", body: nil, status: 409, code: "inventory.reservation.not_open"),
        Case(method: .post, path: "/api/v1/reservations/{consumed}/consume", body: nil, status: 409, code: "inventory.reservation.not_open"),
        Case(method: .post, path: "/api/v1/reservations/{released}/consume", body: nil, status: 409, code: "inventory.reservation.not_open"),
        Case(method: .post, path: "/api/v1/reservations/\(unknown)/release", body: nil, status: 404, code: "inventory.reservation.not_found"),
        Case(method: .post, path: "/api/v1/reservations/not-an-id/consume", body: nil, status: 404, code: "inventory.reservation.not_found"),
        Case(method: .post, path: "/api/v1/reservations/{atB}/release", body: nil, status: 403, code: "auth.site_out_of_scope"),
        Case(method: .post, path: "/api/v1/reservations/{atB}/consume", body: nil, status: 403, code: "auth.site_out_of_scope"),
        Case(method: .post, path: "/api/v1/reservations/{open}/consume", body: #"{"quantity": 3}"#, status: 422, code: "inventory.available.insufficient"),
        Case(method: .post, path: "/api/v1/reservations/{open}/consume", body: #"{"quantity": 0}"#, status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/reservations/{open}/consume", body: #"{"quantity": 0.5555}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/reservations/{open}/consume", body: #"{"quantity": "all"}"#, status: 400, code: "request.invalid_field"),
        // Questions about stock
        Case(method: .get, path: "/api/v1/stock", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/stock?part=nope", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/stock?part=\(unknown)", body: nil, status: 404, code: "catalog.part.not_found"),
        Case(method: .get, path: "/api/v1/stock?part={part}&site=\(unknown)", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/stock?part={part}&site=nowhere", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/atp?part={part}", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/atp?part={part}&site={siteA}&date=tomorrow", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/atp?part=\(unknown)&site={siteA}", body: nil, status: 404, code: "catalog.part.not_found"),
        Case(method: .get, path: "/api/v1/atp?part={part}&site=\(unknown)", body: nil, status: 404, code: "catalog.site.not_found"),
        Case(method: .get, path: "/api/v1/stock/ledger", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/stock/ledger?part={part}&limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/stock/ledger?part={part}&cursor=!!", body: nil, status: 400, code: "request.invalid_cursor"),
        Case(method: .get, path: "/api/v1/stock/ledger?part=\(unknown)", body: nil, status: 404, code: "catalog.part.not_found"),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadInventoryRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let (siteA, siteB) = (try await fixtures.site("DLR-A"), try await fixtures.site("DLR-B"))
            let (binA, binB) = (try await fixtures.bin("A-01", at: siteA), try await fixtures.bin("B-01", at: siteB))
            let part = try await fixtures.part("BP-1", description: "Brake pad set", category: .brakes)
            try await fixtures.receive(10, of: part, into: binA)
            try await fixtures.receive(10, of: part, into: binB)
            let consumed = try await fixtures.reserve(2, of: part, at: siteA, reference: "RO-1").reservations[0]
            _ = try await fixtures.services.commands.run(ConsumeReservation(reservationID: consumed.id, input: .init()),
                                                     as: Fixtures.system)
            let released = try await fixtures.reserve(1, of: part, at: siteA, reference: "RO-2").reservations[0]
            _ = try await fixtures.services.commands.run(ReleaseReservation(reservationID: released.id), as: Fixtures.system)
            let open = try await fixtures.reserve(2, of: part, at: siteA, reference: "RO-3").reservations[0]
            let atB = try await fixtures.reserve(1, of: part, at: siteB, reference: "RO-4").reservations[0]
            let (_, managerToken) = try await fixtures.user("pat-parts", role: .partsManager, sites: [siteA.code])
            let (_, technicianToken) = try await fixtures.user("tom-tech", role: .technician, sites: [siteA.code])

            let placeholders = [
                "{siteA}": siteA.id.description, "{siteB}": siteB.id.description, "{binA}": binA.id.description,
                "{binB}": binB.id.description, "{part}": part.id.description, "{consumed}": consumed.id.description,
                "{released}": released.id.description, "{open}": open.id.description, "{atB}": atB.id.description,
            ]
            func fill(_ text: String) -> String {
                placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let trail = try await fixtures.auditTrail()
            let stockBefore = [try await fixtures.siteStock(part, at: siteA), try await fixtures.siteStock(part, at: siteB)]
            #expect(try stockBefore[0].available == Quantity(units: 6))

            for testCase in Self.cases {
                let token = switch testCase.requester {
                case .admin: api.adminToken
                case .siteAManager: managerToken
                case .technician: technicianToken
                }
                let response = try await api.send(testCase.method, fill(testCase.path), token: token,
                                                  json: testCase.body.map(fill))
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }

            #expect(try await fixtures.auditTrail() == trail)
            #expect([try await fixtures.siteStock(part, at: siteA), try await fixtures.siteStock(part, at: siteB)]
                == stockBefore)
            #expect(try await fixtures.verify() == [])
        }
    }
}

import AxleApplication
import AxleDomain
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Transfers over HTTP")
struct TransferAPITests {
    @Test(arguments: TestBackend.available)
    func aTransferTravelsFromRequestToAShortReceiptAndItsExceptionIsListed(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let shelf = try await fixtures.bin("A-01", at: branch)
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            let (_, counter) = try await fixtures.user("branch-counter", role: .warehouse, sites: [branch.code])
            let (_, picker) = try await fixtures.user("dc-picker", role: .warehouse, sites: [warehouse.code])

            let request = """
                {"partId": "\(filter.id)", "sourceSiteId": "\(warehouse.id)", "destinationSiteId": "\(branch.id)", "quantity": 4}
                """
            let created = try await api.send(.post, "/api/v1/transfers", token: counter, json: request)
            #expect(created.status == .created, "\(created)")
            #expect(created.string("state") == "approved")
            #expect(created.json["approvalRequired"] as? Bool == false)
            #expect(created.string("value") == "16.40")
            let id = try #require(created.string("id"))
            _ = try await api.send(.post, "/api/v1/transfers", token: counter, json: request)

            let shipped = try await api.send(.post, "/api/v1/transfers/\(id)/ship", token: picker)
            #expect(shipped.status == .ok, "\(shipped)")
            #expect((shipped.json["transfer"] as? [String: Any])?["expectedArrival"] as? String == "2026-03-03")
            #expect((shipped.json["movements"] as? [Any])?.count == 1)
            let atp = try await api.send(.get, "/api/v1/atp?part=\(filter.id)&site=\(branch.id)&date=2026-03-03")
            #expect((atp.json["days"] as? [[String: Any]])?.map { $0["inbound"] as? Int } == [0, 4])

            let received = try await api.send(.post, "/api/v1/transfers/\(id)/receive", token: counter, json: """
                {"binId": "\(shelf.id)", "received": 3}
                """)
            #expect(received.status == .ok, "\(received)")
            let transfer = try #require(received.json["transfer"] as? [String: Any])
            #expect(transfer["state"] as? String == "received")
            #expect((transfer["receipt"] as? [String: Any])?["short"] as? Int == 1)
            #expect(transfer["cycleTimeSeconds"] as? Int == 0)
            #expect(((received.json["exceptions"] as? [[String: Any]])?.first)?["kind"] as? String == "short")

            let fetched = try await api.send(.get, "/api/v1/transfers/\(id)")
            #expect(fetched.status == .ok)
            #expect((fetched.json["shipped"] as? [String: Any])?["at"] as? String == "2026-03-02T09:00:00.000Z")
            let exceptions = try await api.send(.get, "/api/v1/exceptions?site=\(branch.id)&state=open")
            #expect((exceptions.json["items"] as? [[String: Any]])?.map { $0["transferId"] as? String } == [id])

            let firstPage = try await api.send(.get, "/api/v1/transfers?site=\(warehouse.id)&limit=1")
            let cursor = try #require(firstPage.string("nextCursor"))
            let secondPage = try await api.send(.get, "/api/v1/transfers?site=\(warehouse.id)&limit=1&cursor=\(cursor)")
            #expect((secondPage.json["items"] as? [[String: Any]])?.first?["id"] as? String == id)
            let receivedOnly = try await api.send(.get, "/api/v1/transfers?site=\(branch.id)&state=received")
            #expect((receivedOnly.json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        /// Whose token: `admin`, `manager` (parts manager at the source, who requested `{pending}`),
        /// `outsider` (warehouse at a third site) or `technician`.
        var caller = "manager"

        var description: String { "\(method) \(path) \(body ?? "") as \(caller)" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"

    static func request(_ quantity: String = "1", source: String = "{source}", destination: String = "{destination}",
                        extra: String = "") -> String {
        #"{"partId": "{filter}", "sourceSiteId": "\#(source)", "destinationSiteId": "\#(destination)", "quantity": \#(quantity)\#(extra)}"#
    }

    static func receipt(bin: String = "{destinationBin}", received: String = "1") -> String {
        #"{"binId": "\#(bin)", "received": \#(received)}"#
    }

    static let cases: [Case] = [
        Case(method: .post, path: "/api/v1/transfers", body: request("0"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/transfers", body: request("-2"), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: "/api/v1/transfers", body: request("1.0005"), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers", body: request().replacingOccurrences(of: "{filter}", with: unknown), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers", body: request(source: unknown), status: 404, code: "catalog.site.not_found", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers", body: request(destination: "{source}"), status: 400, code: "inventory.transfer.same_site"),
        Case(method: .post, path: "/api/v1/transfers", body: request(), status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(method: .post, path: "/api/v1/transfers", body: request(), status: 403, code: "auth.permission_denied", caller: "technician"),
        Case(method: .post, path: "/api/v1/transfers", body: request("50"), status: 409, code: "inventory.transfer.short_at_source"),
        Case(method: .post, path: "/api/v1/transfers", body: request(extra: #", "priority": "urgent""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers", body: request(extra: #", "needBy": "2026-02-30""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers", body: "{", status: 400, code: "request.malformed_json"),
        Case(method: .get, path: "/api/v1/transfers/\(unknown)", body: nil, status: 404, code: "inventory.transfer.not_found"),
        Case(method: .get, path: "/api/v1/transfers/not-an-id", body: nil, status: 404, code: "inventory.transfer.not_found"),
        Case(method: .post, path: "/api/v1/transfers/\(unknown)/approve", body: nil, status: 404, code: "inventory.transfer.not_found", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/\(unknown)/receive", body: receipt(), status: 404, code: "inventory.transfer.not_found", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{pending}/ship", body: nil, status: 409, code: "inventory.transfer.not_approved"),
        Case(method: .post, path: "/api/v1/transfers/{pending}/ship", body: nil, status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(method: .post, path: "/api/v1/transfers/{pending}/approve", body: nil, status: 403, code: "inventory.transfer.own_approval"),
        Case(method: .post, path: "/api/v1/transfers/{pending}/receive", body: receipt(), status: 409, code: "inventory.transfer.illegal_transition", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{approved}/ship", body: #"{"expectedArrival": "2026-03-01"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers/{approved}/ship", body: #"{"expectedArrival": "soon"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/ship", body: nil, status: 409, code: "inventory.transfer.illegal_transition"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/cancel", body: nil, status: 409, code: "inventory.transfer.illegal_transition"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/receive", body: receipt(received: "-1"), status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/receive", body: receipt(received: #""all""#), status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/receive", body: receipt(bin: "{sourceBin}"), status: 422, code: "inventory.bin.not_at_site", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/receive", body: receipt(bin: unknown), status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .post, path: "/api/v1/transfers/{shipped}/receive", body: receipt(), status: 403, code: "auth.site_out_of_scope"),
        Case(method: .get, path: "/api/v1/transfers?state=lost", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/transfers?site=nowhere", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/exceptions?state=closed", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "/api/v1/exceptions?limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        // Cursors of NUL bytes: PostgreSQL refused them as text, a 500.
        Case(method: .get, path: "/api/v1/transfers?cursor=AAAA", body: nil, status: 400, code: "request.invalid_cursor"),
        Case(method: .get, path: "/api/v1/exceptions?cursor=AAAA", body: nil, status: 400, code: "request.invalid_cursor"),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadTransferRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let source = try await fixtures.site("DC-1", kind: .distributionCenter)
            let destination = try await fixtures.site("DLR-A"), elsewhere = try await fixtures.site("DLR-Z")
            let sourceBin = try await fixtures.bin("R-01", at: source)
            let destinationBin = try await fixtures.bin("A-01", at: destination)
            let filter = try await fixtures.part("OF-1")
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            try await fixtures.receive(10, of: filter, into: sourceBin)
            try await fixtures.receive(5, of: turbo, into: sourceBin)
            let (manager, managerToken) = try await fixtures.user("pm-dc", role: .partsManager, sites: [source.code])
            let (_, outsiderToken) = try await fixtures.user("far-away", role: .warehouse, sites: [elsewhere.code])
            let (_, technicianToken) = try await fixtures.user("tom-tech", role: .technician, sites: [source.code])
            func transfer(_ part: Part, _ quantity: Int64) async throws -> Transfer {
                try await fixtures.services.commands.run(RequestTransfer(.init(
                    partId: part.id, sourceSiteId: source.id, destinationSiteId: destination.id,
                    quantity: Quantity(units: quantity))), as: manager)
            }
            let pending = try await transfer(turbo, 3), approved = try await transfer(filter, 1)
            let shipped = try await transfer(filter, 2)
            _ = try await fixtures.services.commands.run(ShipTransfer(transferID: shipped.id), as: manager)
            #expect(pending.state == .requested)

            let placeholders = [
                "{source}": source.id.description, "{destination}": destination.id.description,
                "{sourceBin}": sourceBin.id.description, "{destinationBin}": destinationBin.id.description,
                "{filter}": filter.id.description, "{pending}": pending.id.description,
                "{approved}": approved.id.description, "{shipped}": shipped.id.description,
            ]
            func fill(_ text: String) -> String {
                placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let tokens = ["admin": api.adminToken, "manager": managerToken, "outsider": outsiderToken,
                          "technician": technicianToken]
            let trail = try await fixtures.auditTrail()
            let stockBefore = [try await fixtures.siteStock(filter, at: source), try await fixtures.siteStock(filter, at: destination),
                               try await fixtures.siteStock(turbo, at: source)]

            for testCase in Self.cases {
                let response = try await api.send(testCase.method, fill(testCase.path), token: tokens[testCase.caller]!,
                                                  json: testCase.body.map(fill))
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }

            #expect(try await fixtures.auditTrail() == trail)
            #expect([try await fixtures.siteStock(filter, at: source), try await fixtures.siteStock(filter, at: destination),
                     try await fixtures.siteStock(turbo, at: source)] == stockBefore)
            #expect(try await fixtures.verify() == [])
        }
    }
}

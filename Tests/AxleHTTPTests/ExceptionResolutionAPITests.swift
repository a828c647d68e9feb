import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Exception resolution over HTTP")
struct ExceptionResolutionAPITests {
    /// A branch with a transfer received short by one and damaged by two, and one received two
    /// over; the branch's parts manager, a parts manager of the warehouse and a branch counter.
    struct Setting {
        let warehouse: Site
        let branch: Site
        let short: TransferException
        let damaged: TransferException
        let over: TransferException
        let managerToken: String
        let outsiderToken: String
        let counterToken: String
    }

    static func setting(_ api: APIHarness) async throws -> Setting {
        let fixtures = api.fixtures
        let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
        let branch = try await fixtures.site("DLR-A")
        let shelf = try await fixtures.bin("A-01", at: branch)
        let filter = try await fixtures.part("OF-1")
        try await fixtures.receive(20, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
        let (_, managerToken) = try await fixtures.user("pm-branch", role: .partsManager, sites: [branch.code])
        let (_, outsiderToken) = try await fixtures.user("pm-dc", role: .partsManager, sites: [warehouse.code])
        let (_, counterToken) = try await fixtures.user("branch-counter", role: .warehouse, sites: [branch.code])
        var opened: [TransferException] = []
        for (shipped, good, damaged) in [(10, 7, 2), (5, 7, 0)] as [(Int64, Int64, Int64)] {
            let transfer = try await fixtures.services.commands.run(RequestTransfer(.init(
                partId: filter.id, sourceSiteId: warehouse.id, destinationSiteId: branch.id,
                quantity: Quantity(units: shipped))), as: Fixtures.system)
            _ = try await fixtures.services.commands.run(ShipTransfer(transferID: transfer.id), as: Fixtures.system)
            opened += try await fixtures.services.commands.run(ReceiveTransfer(transferID: transfer.id, input: .init(
                binId: shelf.id, received: Quantity(units: good), damaged: Quantity(units: damaged))),
                as: Fixtures.system).exceptions
        }
        #expect(opened.map(\.kind) == [.short, .damaged, .over])
        return Setting(warehouse: warehouse, branch: branch, short: opened[0], damaged: opened[1], over: opened[2],
                       managerToken: managerToken, outsiderToken: outsiderToken, counterToken: counterToken)
    }

    @Test(arguments: TestBackend.available)
    func theBranchManagerResolvesAShortItemOnceAndTheListShowsHowItWasResolved(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let setting = try await Self.setting(api)
            let path = "/api/v1/exceptions/\(setting.short.id)/resolve"
            let body = #"{"resolution": "claimed", "note": "Carton lost in transit", "reference": "CLM-0042"}"#
            let key: HTTPFields = [.idempotencyKey: "resolve-short"]
            let resolved = try await api.send(.post, path, token: setting.managerToken, json: body, headers: key)
            #expect(resolved.status == .ok, "\(resolved)")
            #expect(resolved.string("state") == "resolved")
            #expect(resolved.string("resolution") == "claimed")
            #expect(resolved.string("resolutionNote") == "Carton lost in transit")
            #expect(resolved.string("resolutionReference") == "CLM-0042")
            #expect(resolved.string("resolvedAt") == "2026-03-02T09:00:00.000Z")
            #expect(resolved.string("resolvedBy") != nil)
            let trail = try await api.fixtures.auditTrail()

            let retry = try await api.send(.post, path, token: setting.managerToken, json: body, headers: key)
            #expect(retry.status == .ok)
            #expect(retry.body == resolved.body)
            #expect(retry.headers[.idempotentReplayed] == "true")
            #expect(try await api.fixtures.auditTrail() == trail)

            let again = try await api.send(.post, path, token: setting.managerToken,
                                           json: #"{"resolution": "writtenOff", "note": "Changed my mind"}"#)
            #expect(again.status == .conflict, "\(again)")
            #expect(again.errorCode == "inventory.exception.illegal_transition")
            let details = (again.json["error"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["allowedEvents"] as? [String] == [])
            #expect(details?["state"] as? String == "resolved")

            let list = try await api.send(.get, "/api/v1/exceptions?site=\(setting.branch.id)&state=resolved")
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [setting.short.id.description])
            #expect(items.first?["resolution"] as? String == "claimed")
            #expect(items.first?["resolutionNote"] as? String == "Carton lost in transit")
            #expect(items.first?["resolvedBy"] as? String == resolved.string("resolvedBy"))
            let open = try await api.send(.get, "/api/v1/exceptions?site=\(setting.branch.id)&state=open")
            let openItems = try #require(open.json["items"] as? [[String: Any]])
            #expect(Set(openItems.compactMap { $0["id"] as? String })
                    == [setting.damaged.id.description, setting.over.id.description])
            #expect(openItems.allSatisfy { $0["resolution"] == nil && $0["resolvedAt"] == nil })
            #expect(try await api.fixtures.verify() == [])
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let item: String
        let body: String?
        let status: Int
        let code: String
        /// `manager` (parts manager at the branch), `outsider` (parts manager at the warehouse) or `counter`.
        var caller = "manager"

        var description: String { "\(item) \(body ?? "") as \(caller)" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"
    static let writeOff = #"{"resolution": "writtenOff", "note": "Lost"}"#

    static let cases: [Case] = [
        Case(item: unknown, body: writeOff, status: 404, code: "inventory.exception.not_found"),
        Case(item: "not-an-id", body: writeOff, status: 404, code: "inventory.exception.not_found"),
        Case(item: "{short}", body: writeOff, status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(item: "{short}", body: writeOff, status: 403, code: "auth.permission_denied", caller: "counter"),
        Case(item: "{short}", body: #"{"resolution": "writtenOff"}"#, status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"resolution": "writtenOff", "note": "  "}"#, status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"resolution": "writtenOff", "note": 7}"#, status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"resolution": "writtenOff", "note": "\#(String(repeating: "x", count: 501))"}"#,
             status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"resolution": "writtenOff", "note": "Lost", "reference": "\#(String(repeating: "r", count: 101))"}"#,
             status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"resolution": "forgotten", "note": "Lost"}"#, status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: #"{"note": "Lost"}"#, status: 400, code: "request.invalid_field"),
        Case(item: "{short}", body: "{", status: 400, code: "request.malformed_json"),
        Case(item: "{short}", body: nil, status: 400, code: "request.malformed_json"),
        Case(item: "{short}", body: #"{"resolution": "returned", "note": "Sent back"}"#, status: 422,
             code: "inventory.exception.resolution_not_applicable"),
        Case(item: "{over}", body: writeOff, status: 422, code: "inventory.exception.resolution_not_applicable"),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadResolutionGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let setting = try await Self.setting(api)
            let tokens = ["manager": setting.managerToken, "outsider": setting.outsiderToken,
                          "counter": setting.counterToken]
            let items = ["{short}": setting.short.id.description, "{over}": setting.over.id.description]
            let trail = try await api.fixtures.auditTrail()
            for testCase in Self.cases {
                let item = items[testCase.item] ?? testCase.item
                let response = try await api.send(.post, "/api/v1/exceptions/\(item)/resolve",
                                                  token: tokens[testCase.caller]!, json: testCase.body)
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }
            #expect(try await api.fixtures.auditTrail() == trail)
            let open = try await api.services.transfers.exceptions(
                site: setting.branch.id, state: .open, PageRequest(after: nil, limit: 10), as: Fixtures.system)
            #expect(open.count == 3)
            let misfit = try await api.send(.post, "/api/v1/exceptions/\(setting.over.id)/resolve",
                                            token: setting.managerToken, json: Self.writeOff)
            let details = (misfit.json["error"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["applicableResolutions"] as? [String] == ["returned", "corrected"])
            #expect(try await api.fixtures.verify() == [])
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Purchasing over HTTP")
struct PurchasingAPITests {
    @Test(arguments: TestBackend.available)
    func aBuyerOrdersAManagerApprovesAndTheWarehouseReceivesInTwoDeliveries(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let dc = try await fixtures.site("DC-1", kind: .distributionCenter), dealer = try await fixtures.site("DLR-A")
            let dock = try await fixtures.bin("R-01", at: dc)
            let filter = try await fixtures.part("OF-1")
            let supplier = try await api.services.commands.run(
                CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
            let (_, buyer) = try await fixtures.user("bea-buyer", role: .buyer, sites: [dc.code])
            let (_, manager) = try await fixtures.user("max-manager", role: .partsManager, sites: [dc.code])
            let (_, receiver) = try await fixtures.user("wes-warehouse", role: .warehouse, sites: [dc.code])
            let (_, dealerBuyer) = try await fixtures.user("dan-buyer", role: .buyer, sites: [dealer.code])

            let offer = try await api.send(.put, "/api/v1/suppliers/\(supplier.id)/parts/\(filter.id)", token: buyer, json: """
                {"supplierPartNumber": "0 451 103 316", "unitPrice": "3.90",
                 "priceBreaks": [{"minimum": 24, "unitPrice": "3.50"}], "quotedLeadTimeDays": 4}
                """)
            #expect(offer.status == .ok, "\(offer)")
            let offers = try await api.send(.get, "/api/v1/parts/\(filter.id)/supplier-parts", token: receiver)
            let listed = try #require((offers.json["items"] as? [[String: Any]])?.first)
            #expect(listed["supplierId"] as? String == supplier.id.description)
            #expect((listed["priceBreaks"] as? [[String: Any]])?.first?["unitPrice"] as? String == "3.50")

            let standard = try await api.send(.get, "/api/v1/sites/\(dc.id)/purchasing-policy", token: buyer)
            #expect(standard.string("buyerApprovalLimit") == "2500.00", "\(standard)")
            let policy = try await api.send(.put, "/api/v1/sites/\(dc.id)/purchasing-policy",
                                            json: #"{"buyerApprovalLimit": "50.00"}"#)
            #expect(policy.status == .ok && policy.string("buyerApprovalLimit") == "50.00", "\(policy)")

            let body = """
                {"supplierId": "\(supplier.id)", "shipToSiteId": "\(dc.id)", "lines": [{"partId": "\(filter.id)", "quantity": 24}]}
                """
            let created = try await api.send(.post, "/api/v1/purchase-orders", token: buyer, json: body)
            #expect(created.status == .created, "\(created)")
            #expect(created.string("status") == "draft")
            let line = try #require((created.json["lines"] as? [[String: Any]])?.first)
            #expect(line["unitPrice"] as? String == "3.50", "the supplier's break for 24")
            #expect(line["promisedOn"] as? String == "2026-03-06", "the quoted lead time from the site's today")
            let id = try #require(created.string("id"))

            let submitted = try await api.send(.post, "/api/v1/purchase-orders/\(id)/submit", token: buyer)
            #expect(submitted.string("status") == "submitted", "24 × 3.50 = 84.00 is over 50.00: \(submitted)")
            #expect(submitted.json["approvalRequired"] as? Bool == true)
            let byBuyer = try await api.send(.post, "/api/v1/purchase-orders/\(id)/approve", token: buyer)
            #expect(byBuyer.status == .forbidden && byBuyer.errorCode == "auth.permission_denied", "\(byBuyer)")
            let approved = try await api.send(.post, "/api/v1/purchase-orders/\(id)/approve", token: manager)
            #expect(approved.string("status") == "approved", "\(approved)")
            let sent = try await api.send(.post, "/api/v1/purchase-orders/\(id)/send", token: buyer)
            #expect(sent.string("status") == "sent", "\(sent)")
            let atp = try await api.send(.get, "/api/v1/atp?part=\(filter.id)&site=\(dc.id)&date=2026-03-06")
            #expect((atp.json["days"] as? [[String: Any]])?.last?["inbound"] as? Int == 24, "\(atp)")

            let first = #"{"binId": "\#(dock.id)", "lines": [{"lineNumber": 1, "quantity": 10}], "reference": "DN-881"}"#
            let retried: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "delivery-DN-881"]
            let partial = try await api.send(.post, "/api/v1/purchase-orders/\(id)/receipts", token: receiver, json: first,
                                             headers: retried)
            #expect(partial.status == .created, "\(partial)")
            #expect((partial.json["order"] as? [String: Any])?["status"] as? String == "partiallyReceived")
            #expect((partial.json["movements"] as? [[String: Any]])?.first?["unitCost"] as? String == "3.50")
            let replayed = try await api.send(.post, "/api/v1/purchase-orders/\(id)/receipts", token: receiver, json: first,
                                              headers: retried)
            #expect(replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true", "\(replayed)")
            let rest = try await api.send(.post, "/api/v1/purchase-orders/\(id)/receipts", token: receiver, json: """
                {"binId": "\(dock.id)", "lines": [{"lineNumber": 1, "quantity": 14}]}
                """)
            #expect((rest.json["order"] as? [String: Any])?["status"] as? String == "received", "\(rest)")
            #expect(try await fixtures.siteStock(filter, at: dc).unrestricted == Quantity(units: 24))

            let fetched = try await api.send(.get, "/api/v1/purchase-orders/\(id)", token: receiver)
            let received = try #require((fetched.json["lines"] as? [[String: Any]])?.first)
            #expect(received["received"] as? Int == 24 && received["cancelled"] as? Int == 0, "\(fetched)")
            #expect((fetched.json["approved"] as? [String: Any])?["at"] as? String == "2026-03-02T09:00:00.000Z")

            // A second, cancelled order; then the list pages newest first and filters.
            let second = try await api.send(.post, "/api/v1/purchase-orders", token: buyer, json: body)
            let secondID = try #require(second.string("id"))
            let cancelled = try await api.send(.post, "/api/v1/purchase-orders/\(secondID)/cancel", token: buyer)
            #expect(cancelled.string("status") == "cancelled", "\(cancelled)")
            let firstPage = try await api.send(.get, "/api/v1/purchase-orders?site=\(dc.id)&limit=1", token: buyer)
            #expect((firstPage.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [secondID])
            let cursor = try #require(firstPage.string("nextCursor"))
            let secondPage = try await api.send(.get, "/api/v1/purchase-orders?limit=1&cursor=\(cursor)", token: buyer)
            #expect((secondPage.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id], "\(secondPage)")
            let receivedOnly = try await api.send(
                .get, "/api/v1/purchase-orders?supplier=\(supplier.id)&status=received", token: manager)
            #expect((receivedOnly.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])

            // Another site's buyer sees none of the DC's orders.
            let elsewhere = try await api.send(.get, "/api/v1/purchase-orders", token: dealerBuyer)
            #expect((elsewhere.json["items"] as? [Any])?.isEmpty == true, "\(elsewhere)")
            let notTheirs = try await api.send(.get, "/api/v1/purchase-orders/\(id)", token: dealerBuyer)
            #expect(notTheirs.status == .forbidden && notTheirs.errorCode == "auth.site_out_of_scope")

            let actions = try await fixtures.auditTrail().filter { $0.entityType == "purchaseOrder" }.map(\.action)
            #expect(actions == ["purchaseOrder.create", "purchaseOrder.submit", "purchaseOrder.approve",
                                "purchaseOrder.send", "purchaseOrder.receive", "purchaseOrder.receive",
                                "purchaseOrder.create", "purchaseOrder.cancel"])
            #expect(try await fixtures.verify() == [])
        }
    }

    /// A caller with several sites and no `site` filter sees the orders of its sites, newest
    /// first, and the cursor pages them without a gap or a repeat; another site's never appear.
    @Test(arguments: TestBackend.available)
    func aCallerWithSeveralSitesPagesThroughTheOrdersOfItsSitesOnly(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let north = try await fixtures.site("DLR-N"), south = try await fixtures.site("DLR-S")
            let west = try await fixtures.site("DLR-W")
            let filter = try await fixtures.part("OF-1")
            let supplier = try await api.services.commands.run(
                CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
            let (_, buyer) = try await fixtures.user("bea-buyer", role: .buyer, sites: [north.code, south.code])
            var expected: [String] = []
            for site in [north, west, south, north, west, south] {
                let order = try await api.services.commands.run(CreatePurchaseOrder(.init(
                    supplierId: supplier.id, shipToSiteId: site.id,
                    lines: [.init(partId: filter.id, quantity: Quantity(units: 1))])), as: Fixtures.system)
                if site.id != west.id { expected.insert(order.id.description, at: 0) }
            }
            var seen: [String] = []
            var path = "/api/v1/purchase-orders?limit=3"
            while true {
                let page = try await api.send(.get, path, token: buyer)
                #expect(page.status == .ok, "\(page)")
                seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                guard let cursor = page.string("nextCursor"), seen.count < 10 else { break }
                path = "/api/v1/purchase-orders?limit=3&cursor=\(cursor)"
            }
            #expect(seen == expected)
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: Int
        let code: String
        /// Whose token: `admin`, `buyer` (at the DC, who drafted every order), `manager` (at the DC),
        /// `warehouse` (at the DC), `outsider` (a buyer at another site) or `technician`.
        var caller = "buyer"

        var description: String { "\(method) \(path) \(body ?? "") as \(caller)" }
    }

    static let unknown = "00000000-0000-7000-8000-00000000dead"

    static func order(line: String = #"{"partId": "{filter}", "quantity": 2}"#, site: String = "{dc}",
                      supplier: String = "{supplier}", extra: String = "") -> String {
        #"{"supplierId": "\#(supplier)", "shipToSiteId": "\#(site)", "lines": [\#(line)]\#(extra)}"#
    }

    static func line(_ fields: String) -> String { #"{"partId": "{filter}", "quantity": 2, \#(fields)}"# }

    static func receipt(line: String = #"{"lineNumber": 1, "quantity": 1}"#, bin: String = "{dock}") -> String {
        #"{"binId": "\#(bin)", "lines": [\#(line)]}"#
    }

    static func offer(_ fields: String = "") -> String {
        #"{"supplierPartNumber": "BX-1", "unitPrice": "3.90"\#(fields)}"#
    }

    static let tooManyLines = (1...1_001).map { _ in #"{"partId": "{filter}", "quantity": 1}"# }.joined(separator: ",")

    static let offers = "/api/v1/suppliers/{supplier}/parts/{filter}"
    static let orders = "/api/v1/purchase-orders"

    static let cases: [Case] = [
        // A supplier's offer of a part
        Case(method: .put, path: offers, body: offer(#", "packMultiple": -6"#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .put, path: offers, body: offer(#", "minimumOrder": 0"#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .put, path: offers, body: offer(#", "quotedLeadTimeDays": 400"#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: offers, body: offer(#", "priceBreaks": [{"minimum": 5, "unitPrice": "3"}, {"minimum": 5, "unitPrice": "2"}]"#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: offers, body: offer(#", "priceBreaks": [{"minimum": 5, "unitPrice": "-3"}]"#), status: 400, code: "request.invalid_field"),
        Case(method: .put, path: offers, body: #"{"supplierPartNumber": "BX-1", "unitPrice": "3.901"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .put, path: offers, body: #"{"supplierPartNumber": " ", "unitPrice": "3.90"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .put, path: offers, body: #"{"unitPrice": "3.90"}"#, status: 400, code: "request.invalid_field"),
        Case(method: .put, path: "/api/v1/suppliers/{supplier}/parts/\(unknown)", body: offer(), status: 404, code: "catalog.part.not_found"),
        Case(method: .put, path: "/api/v1/suppliers/{supplier}/parts/not-an-id", body: offer(), status: 404, code: "catalog.part.not_found"),
        Case(method: .put, path: "/api/v1/suppliers/\(unknown)/parts/{filter}", body: offer(), status: 404, code: "catalog.supplier.not_found"),
        Case(method: .put, path: offers, body: offer(), status: 403, code: "auth.permission_denied", caller: "technician"),
        Case(method: .get, path: "/api/v1/parts/\(unknown)/supplier-parts", body: nil, status: 404, code: "catalog.part.not_found"),
        Case(method: .get, path: "/api/v1/parts/{filter}/supplier-parts?limit=0", body: nil, status: 400, code: "request.invalid_parameter"),
        // A site's purchasing policy
        Case(method: .put, path: "/api/v1/sites/{dc}/purchasing-policy", body: #"{"buyerApprovalLimit": "-1.00"}"#, status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .put, path: "/api/v1/sites/{dc}/purchasing-policy", body: #"{"buyerApprovalLimit": 100}"#, status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .put, path: "/api/v1/sites/{dc}/purchasing-policy", body: "{}", status: 400, code: "request.invalid_field", caller: "admin"),
        Case(method: .put, path: "/api/v1/sites/\(unknown)/purchasing-policy", body: #"{"buyerApprovalLimit": "1.00"}"#, status: 404, code: "catalog.site.not_found", caller: "admin"),
        Case(method: .put, path: "/api/v1/sites/{dc}/purchasing-policy", body: #"{"buyerApprovalLimit": "1.00"}"#, status: 403, code: "auth.permission_denied", caller: "manager"),
        Case(method: .get, path: "/api/v1/sites/\(unknown)/purchasing-policy", body: nil, status: 404, code: "catalog.site.not_found", caller: "admin"),
        Case(method: .get, path: "/api/v1/sites/{dc}/purchasing-policy", body: nil, status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        // Drafting an order
        Case(method: .post, path: orders, body: order(line: #"{"partId": "{filter}", "quantity": -2}"#), status: 400, code: "inventory.quantity.not_positive"),
        Case(method: .post, path: orders, body: order(line: #"{"partId": "{filter}", "quantity": 1.0005}"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: #"{"partId": "\#(unknown)", "quantity": 2}"#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(extra: #", "kind": "emergency""#), status: 400, code: "purchasing.order.emergency_reason"),
        Case(method: .post, path: orders, body: order(extra: #", "kind": "emergency", "reason": "  ""#), status: 400, code: "purchasing.order.emergency_reason"),
        Case(method: .post, path: orders, body: order(extra: #", "kind": "rush""#), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(extra: #", "kind": "specialOrder""#), status: 400, code: "purchasing.order.special_order_demand"),
        Case(method: .post, path: orders, body: order(line: line(#""demand": {"kind": "repairOrder", "reference": " "}"#)), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: line(#""demand": {"kind": "repairOrder", "reference": "\#(String(repeating: "R", count: 81))"}"#)), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: line(#""promisedOn": "2026-02-30""#)), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: line(#""promisedOn": "2026-03-01""#)), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: line(#""unitPrice": "3.999""#)), status: 400, code: "request.invalid_field"),
        Case(method: .post, path: orders, body: order(line: ""), status: 400, code: "purchasing.order.no_lines"),
        Case(method: .post, path: orders, body: order(line: tooManyLines), status: 422, code: "request.limit_exceeded"),
        Case(method: .post, path: orders, body: order(supplier: unknown), status: 404, code: "catalog.supplier.not_found"),
        Case(method: .post, path: orders, body: order(site: unknown), status: 404, code: "catalog.site.not_found", caller: "admin"),
        Case(method: .post, path: orders, body: order(), status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(method: .post, path: orders, body: order(), status: 403, code: "auth.permission_denied", caller: "warehouse"),
        Case(method: .post, path: orders, body: "{", status: 400, code: "request.malformed_json"),
        // Reading orders
        Case(method: .get, path: "\(orders)?status=lost", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "\(orders)?site=nowhere", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "\(orders)?supplier=", body: nil, status: 400, code: "request.invalid_parameter"),
        Case(method: .get, path: "\(orders)?cursor=!!!!", body: nil, status: 400, code: "request.invalid_cursor"),
        // A cursor of NUL bytes was passed to PostgreSQL as text, which refuses it: a 500.
        Case(method: .get, path: "\(orders)?cursor=AAAA", body: nil, status: 400, code: "request.invalid_cursor"),
        Case(method: .get, path: "\(orders)?site={dc}", body: nil, status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(method: .get, path: "\(orders)/\(unknown)", body: nil, status: 404, code: "purchasing.order.not_found"),
        Case(method: .get, path: "\(orders)/not-an-id", body: nil, status: 404, code: "purchasing.order.not_found"),
        // Steps
        Case(method: .post, path: "\(orders)/\(unknown)/submit", body: nil, status: 404, code: "purchasing.order.not_found"),
        Case(method: .post, path: "\(orders)/{sent}/submit", body: nil, status: 409, code: "purchasing.order.illegal_transition"),
        Case(method: .post, path: "\(orders)/{draft}/approve", body: nil, status: 409, code: "purchasing.order.illegal_transition", caller: "manager"),
        Case(method: .post, path: "\(orders)/{managersOwn}/approve", body: nil, status: 403, code: "purchasing.order.own_approval", caller: "manager"),
        Case(method: .post, path: "\(orders)/{draft}/send", body: nil, status: 409, code: "purchasing.order.illegal_transition"),
        Case(method: .post, path: "\(orders)/{draft}/send", body: nil, status: 403, code: "auth.site_out_of_scope", caller: "outsider"),
        Case(method: .post, path: "\(orders)/{cancelled}/cancel", body: nil, status: 409, code: "purchasing.order.illegal_transition"),
        // Receipts
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": 7, "quantity": 1}"#), status: 404, code: "purchasing.order.line_not_found", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": 1, "quantity": 3}"#), status: 409, code: "purchasing.receipt.over_tolerance", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": 1, "quantity": 1}, {"lineNumber": 1, "quantity": 2}"#), status: 409, code: "purchasing.receipt.over_tolerance", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": 1, "quantity": 0}"#), status: 400, code: "inventory.quantity.not_positive", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": 1, "quantity": 1, "status": "blocked"}"#), status: 422, code: "inventory.status.not_allowed", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(line: #"{"lineNumber": "one", "quantity": 1}"#), status: 400, code: "request.invalid_field", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: #"{"binId": "{dock}", "lines": []}"#, status: 400, code: "request.invalid_field", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(bin: "{dealerBin}"), status: 422, code: "inventory.bin.not_at_site", caller: "admin"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(bin: unknown), status: 400, code: "request.invalid_field", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{draft}/receipts", body: receipt(), status: 409, code: "purchasing.order.illegal_transition", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/\(unknown)/receipts", body: receipt(), status: 404, code: "purchasing.order.not_found", caller: "warehouse"),
        Case(method: .post, path: "\(orders)/{sent}/receipts", body: receipt(), status: 403, code: "auth.permission_denied"),
    ]

    @Test(arguments: TestBackend.available)
    func everyBadPurchasingRequestGetsAClear4xxAndChangesNothing(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures, commands = api.services.commands
            let dc = try await fixtures.site("DC-1", kind: .distributionCenter), dealer = try await fixtures.site("DLR-A")
            let dock = try await fixtures.bin("R-01", at: dc), dealerBin = try await fixtures.bin("A-01", at: dealer)
            let filter = try await fixtures.part("OF-1")
            let supplier = try await commands.run(
                CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
            let (buyer, buyerToken) = try await fixtures.user("bea-buyer", role: .buyer, sites: [dc.code])
            let (manager, managerToken) = try await fixtures.user("max-manager", role: .partsManager, sites: [dc.code])
            let (_, warehouseToken) = try await fixtures.user("wes-warehouse", role: .warehouse, sites: [dc.code])
            let (_, outsiderToken) = try await fixtures.user("dan-buyer", role: .buyer, sites: [dealer.code])
            let (_, technicianToken) = try await fixtures.user("tom-tech", role: .technician, sites: [dc.code])
            func draft(_ kind: PurchaseOrderKind = .stock, as caller: Caller) async throws -> PurchaseOrder {
                try await commands.run(CreatePurchaseOrder(.init(
                    supplierId: supplier.id, shipToSiteId: dc.id, kind: kind, reason: kind == .emergency ? "car on the lift" : nil,
                    lines: [.init(partId: filter.id, quantity: Quantity(units: 2))])), as: caller)
            }
            let drafted = try await draft(as: buyer)
            let sent = try await draft(as: buyer)
            _ = try await commands.run(SubmitPurchaseOrder(orderID: sent.id), as: buyer)
            _ = try await commands.run(SendPurchaseOrder(orderID: sent.id), as: buyer)
            let cancelled = try await draft(as: buyer)
            _ = try await commands.run(CancelPurchaseOrder(orderID: cancelled.id), as: buyer)
            let managersOwn = try await draft(.emergency, as: manager)
            _ = try await commands.run(SubmitPurchaseOrder(orderID: managersOwn.id), as: manager)

            let placeholders = [
                "{dc}": dc.id.description, "{dock}": dock.id.description, "{dealerBin}": dealerBin.id.description,
                "{filter}": filter.id.description, "{supplier}": supplier.id.description,
                "{draft}": drafted.id.description, "{sent}": sent.id.description,
                "{cancelled}": cancelled.id.description, "{managersOwn}": managersOwn.id.description,
            ]
            func fill(_ text: String) -> String {
                placeholders.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let tokens = ["admin": api.adminToken, "buyer": buyerToken, "manager": managerToken,
                          "warehouse": warehouseToken, "outsider": outsiderToken, "technician": technicianToken]
            func snapshot() async throws -> [PurchaseOrder] {
                try await api.services.purchasing.orders(site: dc.id, supplier: nil, status: nil,
                                                         PageRequest(after: nil, limit: 50), as: Fixtures.system)
            }
            let trail = try await fixtures.auditTrail()
            let ordersBefore = try await snapshot()
            let stockBefore = try await fixtures.siteStock(filter, at: dc)

            for testCase in Self.cases {
                let response = try await api.send(testCase.method, fill(testCase.path), token: tokens[testCase.caller]!,
                                                  json: testCase.body.map(fill))
                #expect(Int(response.status.code) == testCase.status, "\(testCase) → \(response)")
                #expect(response.errorCode == testCase.code, "\(testCase) → \(response)")
            }

            #expect(try await fixtures.auditTrail() == trail)
            #expect(try await snapshot() == ordersBefore)
            #expect(try await fixtures.siteStock(filter, at: dc) == stockBefore)
            #expect(try await fixtures.verify() == [])
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// No quantity or amount the API accepts can overflow what is later computed from it: values
/// beyond the limits are refused where they enter with a 422 naming the field and the limit,
/// values at the limits are accepted, and every query that aggregates them still answers.
@Suite("Value limits over HTTP")
struct ValueLimitsAPITests {
    static let largestQuantity = "1000000000"
    static let largestAmount = "10000000.00"

    @Test(arguments: TestBackend.available)
    func theIssuesReproductionsAreRefusedAndNothingIsPoisoned(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let stocked = try await fixtures.part("BP-1")
            let other = try await fixtures.part("BP-2")
            try await fixtures.receive(10, of: stocked, into: bin)

            // A unit cost the API used to accept overflowed the moving average of a stocked part.
            let intoStock = try await api.send(.post, "/api/v1/receipts", json: Self.receipt(
                site, bin, stocked, quantity: "5", unitCost: "99999999999999.99"))
            Self.expectLimit(intoStock, field: "unitCost", limit: Self.largestAmount)
            // …and overflowed a movement's value for a new part; two of them poisoned the value report.
            for status in ["unrestricted", "qualityHold"] {
                let poisoning = try await api.send(.post, "/api/v1/receipts", json: Self.receipt(
                    site, bin, other, quantity: "92", unitCost: "999999999999999.99", status: status))
                Self.expectLimit(poisoning, field: "unitCost", limit: Self.largestAmount)
            }
            let value = try await api.send(.get, "/api/v1/inventory-value")
            #expect(value.status == .ok, "\(value)")
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func everyQuantityAndAmountBeyondItsLimitIsRefusedNamingTheField(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let (siteA, siteB) = (try await fixtures.site("DLR-A"), try await fixtures.site("DLR-B"))
            let (binA, binB) = (try await fixtures.bin("A-01", at: siteA), try await fixtures.bin("B-01", at: siteB))
            let part = try await fixtures.part("BP-1")
            try await fixtures.receive(10, of: part, into: binA)
            let over = "1000000001", overAmount = "10000000.01"
            let (a, b, p) = (siteA.id.description, siteB.id.description, part.id.description)
            let cases: [(path: String, body: String, field: String, limit: String)] = [
                ("/api/v1/receipts", Self.receipt(siteA, binA, part, quantity: over), "quantity", Self.largestQuantity),
                ("/api/v1/receipts", Self.receipt(siteA, binA, part, quantity: "1000000000.001"), "quantity", Self.largestQuantity),
                ("/api/v1/receipts", Self.receipt(siteA, binA, part, quantity: "1", unitCost: overAmount), "unitCost", Self.largestAmount),
                ("/api/v1/parts", Self.part("X-1", cost: overAmount), "cost", Self.largestAmount),
                ("/api/v1/parts", Self.part("X-2", listPrice: overAmount), "listPrice", Self.largestAmount),
                ("/api/v1/adjustments", #"{"siteId": "\#(a)", "binId": "\#(binA.id)", "partId": "\#(p)", "quantity": \#(over), "reason": "found"}"#, "quantity", Self.largestQuantity),
                ("/api/v1/stock-moves", #"{"siteId": "\#(a)", "partId": "\#(p)", "fromBinId": "\#(binA.id)", "kind": "block", "quantity": \#(over)}"#, "quantity", Self.largestQuantity),
                ("/api/v1/reservations", #"{"partId": "\#(p)", "siteId": "\#(a)", "quantity": \#(over), "priority": "scheduledService", "needBy": "2026-03-10", "demand": {"kind": "repairOrder", "reference": "RO-1"}}"#, "quantity", Self.largestQuantity),
                ("/api/v1/transfers", #"{"partId": "\#(p)", "sourceSiteId": "\#(a)", "destinationSiteId": "\#(b)", "quantity": \#(over)}"#, "quantity", Self.largestQuantity),
            ]
            let unknown = "00000000-0000-7000-8000-00000000dead"
            try await fixtures.serviceSettings(at: siteA)
            let (customer, vehicle) = try await fixtures.customerWithVehicle()
            let serviceCases: [(path: String, body: String, field: String, limit: String)] = [
                ("/api/v1/repair-orders", #"{"siteId": "\#(a)", "customerId": "\#(unknown)", "vehicleId": "\#(unknown)", "concern": "Noise", "parts": [{"partId": "\#(p)", "quantity": \#(over)}]}"#, "parts[0].quantity", Self.largestQuantity),
                ("/api/v1/repair-orders", #"{"siteId": "\#(a)", "customerId": "\#(customer.id)", "vehicleId": "\#(vehicle.id)", "concern": "Noise", "parts": [{"partId": "\#(p)", "quantity": 1, "unitPrice": "\#(overAmount)"}]}"#, "parts[0].unitPrice", Self.largestAmount),
                ("/api/v1/counts/\(unknown)/entries", #"{"quantity": \#(over)}"#, "quantity", Self.largestQuantity),
            ]
            let trail = try await fixtures.auditTrail()
            for testCase in cases + serviceCases {
                let response = try await api.send(.post, testCase.path, json: testCase.body)
                Self.expectLimit(response, field: testCase.field, limit: testCase.limit, testCase.path)
            }
            let settings = try await api.send(.put, "/api/v1/sites/\(a)/service-settings", json: #"""
                {"laborRate": "\#(overAmount)", "taxRate": 8.25, "approvalThreshold": {"kind": "percent", "value": "10"}}
                """#)
            Self.expectLimit(settings, field: "laborRate", limit: Self.largestAmount)
            let patch = try await api.send(.patch, "/api/v1/parts/\(p)", json: #"{"listPrice": "\#(overAmount)"}"#,
                                           headers: [.ifMatch: "\"1\""])
            Self.expectLimit(patch, field: "listPrice", limit: Self.largestAmount)
            #expect(try await fixtures.auditTrail() == trail)
            _ = binB
        }
    }

    @Test(arguments: TestBackend.available)
    func stockAtTheLimitsIsAcceptedAndEveryAggregateStillAnswers(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            // Ten parts each holding the largest stock at the largest cost: the company's stock
            // value, 10^19 minor units, is beyond 64 bits.
            var parts: [Part] = []
            for index in 0..<10 {
                let part = try await fixtures.part("MAX-\(index)", cost: Self.largestAmount, listPrice: Self.largestAmount)
                let status = index.isMultiple(of: 2) ? "unrestricted" : "qualityHold"
                let receipt = try await api.send(.post, "/api/v1/receipts", json: Self.receipt(
                    site, bin, part, quantity: Self.largestQuantity, unitCost: Self.largestAmount, status: status))
                #expect(receipt.status == .created, "\(receipt)")
                parts.append(part)
            }
            // One more unit would make the site hold more of a part than it may.
            let beyond = try await api.send(.post, "/api/v1/receipts", json: Self.receipt(site, bin, parts[0], quantity: "1"))
            #expect(beyond.status == .unprocessableContent, "\(beyond)")
            #expect(beyond.errorCode == "inventory.site_stock.limit_exceeded", "\(beyond)")
            let found = try await api.send(.post, "/api/v1/adjustments", json: #"""
                {"siteId": "\#(site.id)", "binId": "\#(bin.id)", "partId": "\#(parts[0].id)", "quantity": 1, "reason": "found"}
                """#)
            // Found stock worth this much waits for a second person's approval; approving it posts it.
            #expect(found.status == .created, "\(found)")
            #expect(found.string("state") == "pendingApproval", "\(found)")
            let (_, approver) = try await fixtures.user("abe-admin", role: .admin)
            let approval = try await api.send(.post, "/api/v1/adjustments/\(found.string("id") ?? "")/approve",
                                              token: approver)
            #expect(approval.errorCode == "inventory.site_stock.limit_exceeded", "\(approval)")
            // Demand beyond what a site may owe is refused as well.
            let demand = #"{"partId": "\#(parts[1].id)", "siteId": "\#(site.id)", "quantity": \#(Self.largestQuantity), "priority": "scheduledService", "needBy": "2026-03-10", "backorderRemainder": true, "demand": {"kind": "repairOrder", "reference": "RO-1"}}"#
            let first = try await api.send(.post, "/api/v1/reservations", json: demand)
            #expect(first.status == .created, "\(first)")
            let second = try await api.send(.post, "/api/v1/reservations", json: demand.replacingOccurrences(of: "RO-1", with: "RO-2"))
            #expect(second.errorCode == "inventory.site_stock.limit_exceeded", "\(second)")

            let value = try await api.send(.get, "/api/v1/inventory-value")
            #expect(value.status == .ok, "\(value)")
            let sites = (value.json["items"] as? [[String: Any]]) ?? []
            #expect(sites.first?["total"] as? String == "100000000000000000.00", "\(value)")
            for path in ["/api/v1/stock?part=\(parts[0].id)", "/api/v1/stock?part=\(parts[1].id)&site=\(site.id)",
                         "/api/v1/stock/ledger?part=\(parts[0].id)", "/api/v1/atp?part=\(parts[1].id)&site=\(site.id)",
                         "/api/v1/reservations?part=\(parts[1].id)"] {
                let response = try await api.send(.get, path)
                #expect(response.status == .ok, "\(path) → \(response)")
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    static func receipt(_ site: Site, _ bin: Bin, _ part: Part, quantity: String, unitCost: String? = nil,
                        status: String = "unrestricted") -> String {
        let cost = unitCost.map { #", "unitCost": "\#($0)""# } ?? ""
        return #"{"siteId": "\#(site.id)", "binId": "\#(bin.id)", "partId": "\#(part.id)", "quantity": \#(quantity), "status": "\#(status)"\#(cost)}"#
    }

    static func part(_ number: String, cost: String = "1.00", listPrice: String = "2.00") -> String {
        #"{"number": "\#(number)", "description": "Limit probe", "brand": "Axle", "category": "filters", "unit": "each", "cost": "\#(cost)", "listPrice": "\#(listPrice)"}"#
    }

    static func expectLimit(_ response: APIResponse, field: String, limit: String, _ context: String = "",
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == .unprocessableContent, "\(context) \(response)", sourceLocation: sourceLocation)
        #expect(response.errorCode == "request.limit_exceeded", "\(context) \(response)", sourceLocation: sourceLocation)
        let details = (response.json["error"] as? [String: Any])?["details"] as? [String: Any]
        #expect(details?["field"] as? String == field, "\(context) \(response)", sourceLocation: sourceLocation)
        #expect(details?["limit"] as? String == limit, "\(context) \(response)", sourceLocation: sourceLocation)
    }
}

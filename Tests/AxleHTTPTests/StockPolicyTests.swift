import AxleApplication
import AxleDomain
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Site stock policy")
struct StockPolicyTests {
    @Test(arguments: TestBackend.available)
    func anAdministratorSetsThresholdsAndAManagerCannot(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            let (_, manager) = try await api.fixtures.user("pm", role: .partsManager, sites: [site.code])
            let policy = #"{"allowsNegativeStock": true, "adjustmentApprovalThreshold": "50.00", "transferApprovalThreshold": "900.00"}"#
            let refused = try await api.send(.put, "/api/v1/sites/\(site.id)/stock-policy", token: manager, json: policy)
            #expect(refused.status == .forbidden)
            let set = try await api.send(.put, "/api/v1/sites/\(site.id)/stock-policy", json: policy)
            #expect(set.status == .ok, "\(set)")
            let read = try await api.send(.get, "/api/v1/sites/\(site.id)/stock-policy", token: manager)
            #expect(read.json["adjustmentApprovalThreshold"] as? String == "50.00")
            #expect(read.json["allowsNegativeStock"] as? Bool == true)
            let bad = try await api.send(.put, "/api/v1/sites/\(site.id)/stock-policy",
                                         json: policy.replacingOccurrences(of: "\"50.00\"", with: "\"-1\""))
            #expect(bad.status == .badRequest)
            let trail = try await api.fixtures.auditTrail().filter { $0.action == "site.stock_policy" }
            #expect(trail.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aLowerThresholdSendsSmallerAdjustmentsForApproval(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let site = try await api.fixtures.site("DLR-A")
            let bin = try await api.fixtures.bin("A-1", at: site)
            let part = try await api.fixtures.part("WB-1", cost: "30.00")
            let adjust = #"{"siteId": "\#(site.id)", "binId": "\#(bin.id)", "partId": "\#(part.id)", "quantity": 2, "reason": "found"}"#
            let before = try await api.send(.post, "/api/v1/adjustments", json: adjust)
            #expect(before.string("state") == "posted")
            _ = try await api.send(.put, "/api/v1/sites/\(site.id)/stock-policy", json: """
                {"allowsNegativeStock": false, "adjustmentApprovalThreshold": "50.00", "transferApprovalThreshold": "900.00"}
                """)
            let after = try await api.send(.post, "/api/v1/adjustments", json: adjust)
            #expect(after.string("state") == "pendingApproval")
            #expect(try await api.fixtures.verify() == [])
        }
    }
}

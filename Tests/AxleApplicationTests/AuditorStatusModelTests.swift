import AxleAudit
import AxleDomain
import Testing

/// The auditor restates the repair-order status model instead of importing it; this keeps the
/// restatement and the domain's table the same.
@Suite("Auditor status model")
struct AuditorStatusModelTests {
    @Test func theAuditorsTableIsTheDomainsTable() {
        let domain = Dictionary(uniqueKeysWithValues: RepairOrderStatus.transitions.map { status, steps in
            (status.rawValue, Dictionary(uniqueKeysWithValues: steps.map { ($0.key.rawValue, $0.value.rawValue) }))
        })
        #expect(RepairOrderStatusModel.steps == domain)
        #expect(Set(RepairOrderStatusModel.steps.keys) == Set(RepairOrderStatus.allCases.map(\.rawValue)))
    }

}

/// The repair-order status model, restated here on purpose rather than imported from the domain:
/// the auditor is a second opinion, and a test holds the two tables equal
/// (`AuditorStatusModelTests`). Status → event → the status it leads to.
public enum RepairOrderStatusModel {
    public static let opening = "draft"

    public static let steps: [String: [String: String]] = [
        "draft": ["estimate": "estimated", "cancel": "cancelled"],
        "estimated": ["approve": "approved", "estimate": "estimated", "cancel": "cancelled"],
        "approved": ["schedule": "scheduled", "start": "inProgress", "awaitParts": "awaitingParts", "cancel": "cancelled"],
        "scheduled": ["start": "inProgress", "awaitParts": "awaitingParts", "cancel": "cancelled"],
        "inProgress": ["awaitParts": "awaitingParts", "requestQualityCheck": "qualityCheck", "cancel": "cancelled"],
        "awaitingParts": ["partsArrived": "inProgress", "schedule": "scheduled", "cancel": "cancelled"],
        "qualityCheck": ["complete": "completed", "failQualityCheck": "inProgress", "cancel": "cancelled"],
        "completed": ["invoice": "invoiced"],
        "invoiced": ["close": "closed"],
        "closed": [:],
        "cancelled": [:],
    ]

    /// Whether some event leads from one status to the other.
    static func isStep(from: String, to: String) -> Bool {
        steps[from]?.values.contains(to) ?? false
    }
}

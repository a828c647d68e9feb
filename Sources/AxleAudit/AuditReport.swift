/// The five things the auditor checks, in the order it reports them.
public enum AuditCheck: String, CaseIterable, Sendable {
    case conservation = "conservation"
    case commitments = "commitments"
    case movementAudit = "movement audit"
    case repairOrderHistory = "repair-order history"
    case transfers = "transfers"
}

/// One inconsistency, said in words that name the part, site and document involved.
public struct AuditFinding: Hashable, Sendable, CustomStringConvertible {
    public let check: AuditCheck
    public let text: String

    public var description: String { "[\(check.rawValue)] \(text)" }
}

/// What the auditor found, and how much it looked at.
public struct AuditReport: Sendable {
    public var findings: [AuditFinding] = []
    /// What was read, by name ("movements", "repair orders"…), in the order it was counted.
    public var counts: [(what: String, count: Int)] = []

    public var isClean: Bool { findings.isEmpty }

    public func findings(of check: AuditCheck) -> [String] {
        findings.filter { $0.check == check }.map(\.text)
    }
}

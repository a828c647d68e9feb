import Foundation
import SQLKit

/// Every repair order's history, read from its audit records, is a legal path through the status
/// model: it opens as a draft, each record starts where the one before ended, each change of
/// status is a step of the model, and the last record ends at the order's stored status.
///
/// The records of an order whose snapshots carry no `status` (clocked time, recorded under the
/// order) are not status events and are passed over.
struct RepairOrderHistoryCheck {
    let sql: any SQLDatabase

    private struct Event {
        let sequence: Int64
        let action: String
        let before: String?
        let after: String?
    }

    func findings() async throws -> [AuditFinding] {
        var history: [String: [Event]] = [:]
        let records = try await sql.raw("""
            SELECT entity_id, sequence, action, before_json, after_json FROM audit_records
            WHERE entity_type = 'repairOrder' ORDER BY entity_id, sequence
            """).all()
        for record in records {
            let before = Self.status(in: try record.decode(column: "before_json", as: String?.self))
            let after = Self.status(in: try record.decode(column: "after_json", as: String?.self))
            guard before != nil || after != nil else { continue }
            history[try record.decode(column: "entity_id", as: String.self), default: []].append(Event(
                sequence: try record.decode(column: "sequence", as: Int64.self),
                action: try record.decode(column: "action", as: String.self), before: before, after: after))
        }
        var findings: [AuditFinding] = []
        for order in try await sql.raw("SELECT id, number, status FROM repair_orders ORDER BY number").all() {
            let id = try order.decode(column: "id", as: String.self)
            let name = "repair order \(try order.decode(column: "number", as: String.self))"
            let stored = try order.decode(column: "status", as: String.self)
            findings += Self.problems(of: history.removeValue(forKey: id) ?? [], stored: stored)
                .map { AuditFinding(check: .repairOrderHistory, text: "\(name): \($0)") }
        }
        for id in history.keys.sorted() {
            findings.append(AuditFinding(check: .repairOrderHistory,
                                         text: "audit records name repair order \(id), which does not exist"))
        }
        return findings
    }

    private static func problems(of events: [Event], stored: String) -> [String] {
        guard let first = events.first else { return ["no status history in the audit trail (stored status \(stored))"] }
        var problems: [String] = []
        if first.before != nil || first.after != RepairOrderStatusModel.opening {
            problems.append("its history does not begin with its opening as \(RepairOrderStatusModel.opening): "
                + "the first record (\(first.sequence), \(first.action)) is \(describe(first))")
        }
        var current = first.before
        for (index, event) in events.enumerated() {
            if index > 0, event.before != current {
                problems.append("record \(event.sequence) (\(event.action)) starts from \(event.before ?? "nothing"), "
                    + "but the order was \(current ?? "nothing")")
            }
            if let from = event.before, let to = event.after, from != to, !RepairOrderStatusModel.isStep(from: from, to: to) {
                problems.append("record \(event.sequence) (\(event.action)) goes \(from) → \(to), "
                    + "which is not a step of the status model")
            }
            current = event.after
        }
        if current != stored {
            problems.append("its audit trail ends at \(current ?? "nothing") but its stored status is \(stored)")
        }
        return problems
    }

    private static func describe(_ event: Event) -> String {
        "\(event.before ?? "nothing") → \(event.after ?? "nothing")"
    }

    /// The `status` of a snapshot, read with Foundation's JSON parser rather than Axle's decoders.
    private static func status(in json: String?) -> String? {
        guard let data = json?.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["status"] as? String
    }
}

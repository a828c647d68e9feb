import SQLKit

/// Every movement has its audit record. A use case writes its movements and the audit record of
/// the document that caused them in one transaction, at one instant and by one actor; so "its
/// record" is an audit record of the same entity (`entity_type`, `entity_id` = the movement's
/// `document_type`, `document_id`) with the same `at_us` and `actor_id`. A record of the document
/// at another moment or by someone else does not account for the movement.
struct MovementAuditCheck {
    let sql: any SQLDatabase

    func findings() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            SELECT m.sequence, m.reason, m.quantity_milli, m.document_type, m.document_id, m.actor_id, m.at_us,
                   p.number, fs.code AS from_code, ts.code AS to_code,
                   CASE WHEN EXISTS (SELECT 1 FROM audit_records d
                                     WHERE d.entity_type = m.document_type AND d.entity_id = m.document_id)
                        THEN 1 ELSE 0 END AS document_audited
            FROM movements m JOIN parts p ON p.id = m.part_id
            LEFT JOIN sites fs ON fs.id = m.from_site_id LEFT JOIN sites ts ON ts.id = m.to_site_id
            WHERE NOT EXISTS (
                SELECT 1 FROM audit_records a
                WHERE a.entity_type = m.document_type AND a.entity_id = m.document_id
                  AND a.at_us = m.at_us AND a.actor_id = m.actor_id)
            ORDER BY m.sequence
            """).all()
        return try rows.map { row in
            let from = try row.decode(column: "from_code", as: String?.self)
            let to = try row.decode(column: "to_code", as: String?.self)
            let route = [from.map { "from \($0)" }, to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            let document = "\(try row.decode(column: "document_type", as: String.self)) "
                + (try row.decode(column: "document_id", as: String.self))
            let audited = try row.decode(column: "document_audited", as: Int64.self) == 1
            let missing = audited
                ? "has audit records, but none at the movement's moment (\(try row.decode(column: "at_us", as: Int64.self)) µs) by its actor \(try row.decode(column: "actor_id", as: String.self))"
                : "has no audit record at all"
            return AuditFinding(check: .movementAudit, text: """
                movement \(try row.decode(column: "sequence", as: Int64.self)) \
                (\(try row.decode(column: "reason", as: String.self)) of \
                \(MilliText.units(try row.decode(column: "quantity_milli", as: Int64.self))) × \
                \(try row.decode(column: "number", as: String.self)) \(route)): its document \(document) \(missing)
                """)
        }
    }
}

import SQLKit

/// Stock is conserved: at each site, per part and status, the movements into it less those out
/// of it equal the site's total (`site_stock`) and the sum of its bin balances (`stock_balances`);
/// per part, what entered the company less what left it equals what the sites hold.
struct ConservationCheck {
    let sql: any SQLDatabase

    func findings() async throws -> [AuditFinding] {
        try await perSiteAndStatus() + (try await perPart())
    }

    /// One grouped pass over the three sources, so only disagreeing (part, site, status) rows return.
    private func perSiteAndStatus() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH contributions AS (
                SELECT part_id, to_site_id AS site_id, to_status AS status, quantity_milli AS ledger,
                       0 AS bins, 0 AS total FROM movements WHERE to_site_id IS NOT NULL
                UNION ALL SELECT part_id, from_site_id, from_status, -quantity_milli, 0, 0
                    FROM movements WHERE from_site_id IS NOT NULL
                UNION ALL SELECT part_id, site_id, status, 0, quantity_milli, 0 FROM stock_balances
                UNION ALL SELECT part_id, site_id, 'unrestricted', 0, 0, unrestricted_milli FROM site_stock
                UNION ALL SELECT part_id, site_id, 'qualityHold', 0, 0, quality_hold_milli FROM site_stock
                UNION ALL SELECT part_id, site_id, 'damaged', 0, 0, damaged_milli FROM site_stock
                UNION ALL SELECT part_id, site_id, 'blocked', 0, 0, blocked_milli FROM site_stock
                UNION ALL SELECT part_id, site_id, 'inTransit', 0, 0, in_transit_milli FROM site_stock
            ), sums AS (
                SELECT part_id, site_id, status, CAST(SUM(ledger) AS BIGINT) AS ledger,
                       CAST(SUM(bins) AS BIGINT) AS bins, CAST(SUM(total) AS BIGINT) AS total
                FROM contributions GROUP BY part_id, site_id, status
            )
            SELECT p.number, s.code, x.status, x.ledger, x.bins, x.total
            FROM sums x JOIN parts p ON p.id = x.part_id JOIN sites s ON s.id = x.site_id
            WHERE x.ledger <> x.bins OR x.bins <> x.total
            ORDER BY p.number, s.code, x.status
            """).all()
        return try rows.map { row in
            let status = try row.decode(column: "status", as: String.self)
            let ledger = try row.decode(column: "ledger", as: Int64.self)
            let bins = try row.decode(column: "bins", as: Int64.self)
            let total = try row.decode(column: "total", as: Int64.self)
            return AuditFinding(check: .conservation, text: """
                part \(try row.decode(column: "number", as: String.self)) at site \
                \(try row.decode(column: "code", as: String.self)), \(status): movements in less out \
                \(MilliText.units(ledger)), bin balances \(MilliText.units(bins)), site total \(MilliText.units(total))
                """)
        }
    }

    /// A movement from nowhere enters the company and one to nowhere leaves it; moves between
    /// positions and sites change nothing. What entered less what left is what the sites hold.
    private func perPart() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH contributions AS (
                SELECT part_id,
                       CASE WHEN from_site_id IS NULL THEN quantity_milli
                            WHEN to_site_id IS NULL THEN -quantity_milli ELSE 0 END AS ledger,
                       0 AS on_hand, 0 AS in_transit FROM movements
                UNION ALL SELECT part_id, 0, unrestricted_milli + quality_hold_milli + damaged_milli + blocked_milli,
                                 in_transit_milli FROM site_stock
            ), sums AS (
                SELECT part_id, CAST(SUM(ledger) AS BIGINT) AS ledger, CAST(SUM(on_hand) AS BIGINT) AS on_hand,
                       CAST(SUM(in_transit) AS BIGINT) AS in_transit
                FROM contributions GROUP BY part_id
            )
            SELECT x.part_id, p.number, x.ledger, x.on_hand, x.in_transit
            FROM sums x JOIN parts p ON p.id = x.part_id
            WHERE x.ledger <> x.on_hand + x.in_transit
            ORDER BY p.number
            """).all()
        var findings: [AuditFinding] = []
        for row in rows {
            let partID = try row.decode(column: "part_id", as: String.self)
            let terms = try await sql.raw("""
                SELECT reason, CAST(SUM(CASE WHEN from_site_id IS NULL THEN quantity_milli
                                             WHEN to_site_id IS NULL THEN -quantity_milli ELSE 0 END) AS BIGINT) AS net
                FROM movements WHERE part_id = \(bind: partID) AND (from_site_id IS NULL OR to_site_id IS NULL)
                GROUP BY reason ORDER BY reason
                """).all().map { "\(try $0.decode(column: "reason", as: String.self)) "
                    + MilliText.signed(try $0.decode(column: "net", as: Int64.self)) }
            findings.append(AuditFinding(check: .conservation, text: """
                part \(try row.decode(column: "number", as: String.self)): \
                \(terms.isEmpty ? "no movements" : terms.joined(separator: ", ")) comes to \
                \(MilliText.units(try row.decode(column: "ledger", as: Int64.self))), but the sites hold \
                \(MilliText.units(try row.decode(column: "on_hand", as: Int64.self))) on hand and \
                \(MilliText.units(try row.decode(column: "in_transit", as: Int64.self))) in transit
                """))
        }
        return findings
    }
}

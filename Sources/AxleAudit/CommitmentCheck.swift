import SQLKit

/// What is promised: per part and site, the reserved and backordered totals equal the open
/// reservations; nothing is reserved beyond unrestricted stock; reservations hold no negative
/// quantity, and a closed one holds nothing.
struct CommitmentCheck {
    let sql: any SQLDatabase

    func findings() async throws -> [AuditFinding] {
        try await totalsMatchOpenReservations() + (try await nothingBeyondUnrestricted())
            + (try await reservationsHoldSensibleQuantities())
    }

    private func totalsMatchOpenReservations() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH contributions AS (
                SELECT part_id, site_id, reserved_milli AS stored_reserved, backordered_milli AS stored_backordered,
                       0 AS open_reserved, 0 AS open_backordered FROM site_stock
                UNION ALL SELECT part_id, site_id, 0, 0, reserved_milli, backordered_milli
                    FROM reservations WHERE status = 'open'
            ), sums AS (
                SELECT part_id, site_id, CAST(SUM(stored_reserved) AS BIGINT) AS stored_reserved,
                       CAST(SUM(stored_backordered) AS BIGINT) AS stored_backordered,
                       CAST(SUM(open_reserved) AS BIGINT) AS open_reserved,
                       CAST(SUM(open_backordered) AS BIGINT) AS open_backordered
                FROM contributions GROUP BY part_id, site_id
            )
            SELECT p.number, s.code, x.stored_reserved, x.open_reserved, x.stored_backordered, x.open_backordered
            FROM sums x JOIN parts p ON p.id = x.part_id JOIN sites s ON s.id = x.site_id
            WHERE x.stored_reserved <> x.open_reserved OR x.stored_backordered <> x.open_backordered
            ORDER BY p.number, s.code
            """).all()
        return try rows.map { row in
            AuditFinding(check: .commitments, text: """
                part \(try row.decode(column: "number", as: String.self)) at site \
                \(try row.decode(column: "code", as: String.self)): site total reserved \
                \(MilliText.units(try row.decode(column: "stored_reserved", as: Int64.self))), open reservations \
                \(MilliText.units(try row.decode(column: "open_reserved", as: Int64.self))); backordered \
                \(MilliText.units(try row.decode(column: "stored_backordered", as: Int64.self))), open reservations \
                \(MilliText.units(try row.decode(column: "open_backordered", as: Int64.self)))
                """)
        }
    }

    /// Both the site total and the open reservations themselves are held against unrestricted stock.
    private func nothingBeyondUnrestricted() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH open_reservations AS (
                SELECT part_id, site_id, CAST(SUM(reserved_milli) AS BIGINT) AS reserved
                FROM reservations WHERE status = 'open' GROUP BY part_id, site_id
            )
            SELECT p.number, s.code, st.unrestricted_milli AS unrestricted, st.reserved_milli AS stored_reserved,
                   COALESCE(o.reserved, 0) AS open_reserved
            FROM site_stock st JOIN parts p ON p.id = st.part_id JOIN sites s ON s.id = st.site_id
            LEFT JOIN open_reservations o ON o.part_id = st.part_id AND o.site_id = st.site_id
            WHERE (st.reserved_milli > 0 AND st.reserved_milli > st.unrestricted_milli)
               OR (COALESCE(o.reserved, 0) > 0 AND COALESCE(o.reserved, 0) > st.unrestricted_milli)
            ORDER BY p.number, s.code
            """).all()
        return try rows.map { row in
            let stored = try row.decode(column: "stored_reserved", as: Int64.self)
            let open = try row.decode(column: "open_reserved", as: Int64.self)
            return AuditFinding(check: .commitments, text: """
                part \(try row.decode(column: "number", as: String.self)) at site \
                \(try row.decode(column: "code", as: String.self)) is reserved beyond its unrestricted stock: \
                \(MilliText.units(max(stored, open))) reserved of \
                \(MilliText.units(try row.decode(column: "unrestricted", as: Int64.self))) unrestricted
                """)
        }
    }

    private func reservationsHoldSensibleQuantities() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            SELECT r.id, r.status, r.requested_milli, r.reserved_milli, r.backordered_milli, r.consumed_milli,
                   p.number, s.code
            FROM reservations r JOIN parts p ON p.id = r.part_id JOIN sites s ON s.id = r.site_id
            WHERE r.requested_milli <= 0 OR r.reserved_milli < 0 OR r.backordered_milli < 0 OR r.consumed_milli < 0
               OR (r.status <> 'open' AND (r.reserved_milli <> 0 OR r.backordered_milli <> 0))
            ORDER BY r.id
            """).all()
        return try rows.map { row in
            let status = try row.decode(column: "status", as: String.self)
            let quantities = [("requested", "requested_milli"), ("reserved", "reserved_milli"),
                              ("backordered", "backordered_milli"), ("consumed", "consumed_milli")]
            let said = try quantities.map { "\($0.0) \(MilliText.units(try row.decode(column: $0.1, as: Int64.self)))" }
            let why = status == "open" ? "holds a negative quantity" : "is \(status) but still holds stock"
            return AuditFinding(check: .commitments, text: """
                reservation \(try row.decode(column: "id", as: String.self)) of part \
                \(try row.decode(column: "number", as: String.self)) at site \
                \(try row.decode(column: "code", as: String.self)) \(why): \(said.joined(separator: ", "))
                """)
        }
    }
}

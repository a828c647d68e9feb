import AxleDomain
import AxleStore
import SQLKit

/// Recomputes what the ledger implies and compares it with what is stored. Each check is
/// one aggregate query, so it runs on the database server, not row by row in the program.
struct LedgerVerification {
    let sql: any SQLDatabase

    /// How many problems of each kind are listed; the count of the rest is still reported.
    static let listed = 20

    func problems() async throws -> [String] {
        var problems: [String] = []
        problems += try await valuesWithinLimits()
        problems += try await balancesMatchMovements()
        problems += try await siteTotalsMatchBalances()
        problems += try await commitmentsMatchReservations()
        problems += try await nothingOvercommittedOrNegative()
        problems += try await everyMovementIsAudited()
        return problems
    }

    /// Every balance equals the sum of the movements into and out of its position.
    private func balancesMatchMovements() async throws -> [String] {
        let rows = try await sql.raw("""
            WITH flows AS (
                SELECT part_id, to_site_id AS site_id, to_bin_key AS bin_key, to_status AS status,
                       to_lot_key AS lot_key, to_owner_key AS owner_key, quantity_milli AS q
                FROM movements WHERE to_site_id IS NOT NULL
                UNION ALL
                SELECT part_id, from_site_id, from_bin_key, from_status, from_lot_key, from_owner_key, -quantity_milli
                FROM movements WHERE from_site_id IS NOT NULL
            ), ledger AS (
                SELECT part_id, site_id, bin_key, status, lot_key, owner_key, CAST(SUM(q) AS BIGINT) AS q
                FROM flows GROUP BY part_id, site_id, bin_key, status, lot_key, owner_key
            )
            SELECT l.part_id, l.site_id, l.bin_key, l.status, l.q AS ledger, COALESCE(b.quantity_milli, 0) AS stored
            FROM ledger l LEFT JOIN stock_balances b ON b.part_id = l.part_id AND b.site_id = l.site_id
                AND b.bin_key = l.bin_key AND b.status = l.status AND b.lot_key = l.lot_key AND b.owner_key = l.owner_key
            WHERE COALESCE(b.quantity_milli, 0) <> l.q
            UNION ALL
            SELECT b.part_id, b.site_id, b.bin_key, b.status, 0, b.quantity_milli FROM stock_balances b
            WHERE b.quantity_milli <> 0 AND NOT EXISTS (
                SELECT 1 FROM ledger l WHERE l.part_id = b.part_id AND l.site_id = b.site_id AND l.bin_key = b.bin_key
                  AND l.status = b.status AND l.lot_key = b.lot_key AND l.owner_key = b.owner_key)
            """).all()
        return try rows.map { row in
            "balance of part \(try row.value("part_id", as: String.self)) at site \(try row.value("site_id", as: String.self)) "
                + "bin '\(try row.value("bin_key", as: String.self))' \(try row.value("status", as: String.self)): "
                + "stored \(Quantity(milli: try row.value("stored"))), ledger says \(Quantity(milli: try row.value("ledger")))"
        }
    }

    /// Each site total equals the sum of the balances of that status at the site.
    private func siteTotalsMatchBalances() async throws -> [String] {
        var problems: [String] = []
        for status in StockStatus.allCases {
            let column = status.totalColumn
            let rows = try await sql.raw("""
                WITH sums AS (
                    SELECT part_id, site_id, CAST(SUM(quantity_milli) AS BIGINT) AS q FROM stock_balances
                    WHERE status = \(bind: status.rawValue) GROUP BY part_id, site_id
                )
                SELECT s.part_id, s.site_id, s.\(unsafeRaw: column) AS stored, COALESCE(b.q, 0) AS balances
                FROM site_stock s LEFT JOIN sums b ON b.part_id = s.part_id AND b.site_id = s.site_id
                WHERE s.\(unsafeRaw: column) <> COALESCE(b.q, 0)
                UNION ALL
                SELECT b.part_id, b.site_id, 0, b.q FROM sums b
                WHERE b.q <> 0 AND NOT EXISTS (
                    SELECT 1 FROM site_stock s WHERE s.part_id = b.part_id AND s.site_id = b.site_id)
                """).all()
            problems += try rows.map { row in
                "\(status.rawValue) total of part \(try row.value("part_id", as: String.self)) at site "
                    + "\(try row.value("site_id", as: String.self)): stored \(Quantity(milli: try row.value("stored"))), "
                    + "balances say \(Quantity(milli: try row.value("balances")))"
            }
        }
        return problems
    }

    /// Reserved and backordered totals equal the open reservations.
    private func commitmentsMatchReservations() async throws -> [String] {
        let rows = try await sql.raw("""
            WITH open AS (
                SELECT part_id, site_id, CAST(SUM(reserved_milli) AS BIGINT) AS reserved,
                       CAST(SUM(backordered_milli) AS BIGINT) AS backordered
                FROM reservations WHERE status = 'open' GROUP BY part_id, site_id
            )
            SELECT s.part_id, s.site_id, s.reserved_milli AS stored_reserved, COALESCE(o.reserved, 0) AS open_reserved,
                   s.backordered_milli AS stored_backordered, COALESCE(o.backordered, 0) AS open_backordered
            FROM site_stock s LEFT JOIN open o ON o.part_id = s.part_id AND o.site_id = s.site_id
            WHERE s.reserved_milli <> COALESCE(o.reserved, 0) OR s.backordered_milli <> COALESCE(o.backordered, 0)
            UNION ALL
            SELECT o.part_id, o.site_id, 0, o.reserved, 0, o.backordered FROM open o
            WHERE NOT EXISTS (SELECT 1 FROM site_stock s WHERE s.part_id = o.part_id AND s.site_id = o.site_id)
            """).all()
        return try rows.map { row in
            "commitments of part \(try row.value("part_id", as: String.self)) at site "
                + "\(try row.value("site_id", as: String.self)): reserved \(Quantity(milli: try row.value("stored_reserved"))) "
                + "vs open reservations \(Quantity(milli: try row.value("open_reserved"))), backordered "
                + "\(Quantity(milli: try row.value("stored_backordered"))) vs \(Quantity(milli: try row.value("open_backordered")))"
        }
    }

    /// Available is never negative; on hand only where the site allows it.
    private func nothingOvercommittedOrNegative() async throws -> [String] {
        let overcommitted = try await sql.raw("""
            SELECT part_id, site_id, unrestricted_milli, reserved_milli FROM site_stock
            WHERE reserved_milli > 0 AND reserved_milli > unrestricted_milli
            """).all().map { row in
                "part \(try row.value("part_id", as: String.self)) at site \(try row.value("site_id", as: String.self)) "
                    + "is over-committed: reserved \(Quantity(milli: try row.value("reserved_milli"))) of "
                    + "\(Quantity(milli: try row.value("unrestricted_milli"))) unrestricted"
            }
        let negative = try await sql.raw("""
            SELECT b.part_id, b.site_id, b.bin_key, b.status, b.quantity_milli FROM stock_balances b
            JOIN sites s ON s.id = b.site_id
            WHERE b.quantity_milli < 0 AND (s.allows_negative_stock = \(bind: false) OR b.status = 'inTransit')
            """).all().map { row in
                "negative stock: part \(try row.value("part_id", as: String.self)) at site "
                    + "\(try row.value("site_id", as: String.self)) bin '\(try row.value("bin_key", as: String.self))' "
                    + "\(try row.value("status", as: String.self)): \(Quantity(milli: try row.value("quantity_milli")))"
            }
        return overcommitted + negative
    }

    /// Stored quantities and amounts are within the limits input enforces (`ValueLimits`); data
    /// written before a limit existed would make values computed from it overflow.
    private func valuesWithinLimits() async throws -> [String] {
        let q = Quantity.maximum.milli, a = ValueLimits.amountMinorUnits
        let stockColumns = StockStatus.allCases.map(\.totalColumn) + ["reserved_milli", "backordered_milli"]
        let stockBeyond = stockColumns.map { "ABS(\($0)) > \(q)" }.joined(separator: " OR ")
        let checks: [(what: String, query: SQLQueryString)] = [
            ("movement", """
                SELECT CAST(sequence AS TEXT) AS item FROM movements
                WHERE quantity_milli > \(literal: q) OR ABS(unit_cost_minor) > \(literal: a) ORDER BY sequence
                """),
            ("stock of part at site", """
                SELECT part_id || ' at ' || site_id AS item FROM site_stock WHERE \(unsafeRaw: stockBeyond)
                ORDER BY part_id, site_id
                """),
            ("reservation", """
                SELECT id AS item FROM reservations
                WHERE requested_milli > \(literal: q) OR reserved_milli > \(literal: q) OR backordered_milli > \(literal: q)
                ORDER BY id
                """),
            ("average cost of part", """
                SELECT part_id AS item FROM part_costs WHERE ABS(average_cost_minor) > \(literal: a) ORDER BY part_id
                """),
            ("price of part", """
                SELECT number AS item FROM parts
                WHERE cost_minor > \(literal: a) OR list_price_minor > \(literal: a) OR core_charge_minor > \(literal: a)
                ORDER BY number
                """),
        ]
        var problems: [String] = []
        for check in checks {
            let rows = try await sql.raw("\(check.query) LIMIT \(literal: Self.listed)").all()
            problems += try rows.map { row in
                "\(check.what) \(try row.value("item", as: String.self)) is beyond the limits Axle accepts "
                    + "(\(Quantity.maximum) units, \(a) minor units of money): values computed from it may overflow"
            }
        }
        return problems
    }

    /// Every movement has an actor and its document has an audit record.
    private func everyMovementIsAudited() async throws -> [String] {
        try await sql.raw("""
            SELECT m.sequence, m.document_type, m.document_id FROM movements m
            WHERE m.actor_id = '' OR NOT EXISTS (
                SELECT 1 FROM audit_records a WHERE a.entity_type = m.document_type AND a.entity_id = m.document_id)
            ORDER BY m.sequence LIMIT \(literal: Self.listed)
            """).all().map { row in
                "movement \(try row.value("sequence", as: Int64.self)) of \(try row.value("document_type", as: String.self)) "
                    + "\(try row.value("document_id", as: String.self)) has no actor or no audit record"
            }
    }
}

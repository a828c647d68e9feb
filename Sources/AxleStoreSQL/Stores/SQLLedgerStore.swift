import AxleDomain
import AxleStore
import SQLKit

struct SQLLedgerStore: LedgerStore {
    let sql: any SQLDatabase

    func post(_ movements: [Movement]) async throws {
        for movement in movements {
            let from = movement.from.map(PositionKey.init), to = movement.to.map(PositionKey.init)
            try await sql.raw("""
                INSERT INTO movements (id, part_id, quantity_milli, from_site_id, from_bin_key, from_status,
                    from_lot_key, from_owner_key, to_site_id, to_bin_key, to_status, to_lot_key, to_owner_key, reason,
                    document_type, document_id, actor_id, at_us, unit_cost_minor, value_minor)
                VALUES (\(bind: movement.id.description), \(bind: movement.partID.description),
                    \(bind: movement.quantity.milli), \(bind: from?.siteID), \(bind: from?.bin), \(bind: from?.status),
                    \(bind: from?.lot), \(bind: from?.owner), \(bind: to?.siteID), \(bind: to?.bin), \(bind: to?.status),
                    \(bind: to?.lot), \(bind: to?.owner), \(bind: movement.reason.rawValue),
                    \(bind: movement.document.type), \(bind: movement.document.id), \(bind: movement.actorID.description),
                    \(bind: movement.at.microseconds), \(bind: movement.unitCost.minorUnits),
                    \(bind: movement.value.minorUnits))
                """).run()
            if let from = movement.from { try await apply(Quantity.zero - movement.quantity, of: movement.partID, at: from) }
            if let to = movement.to { try await apply(movement.quantity, of: movement.partID, at: to) }
        }
    }

    /// Adds `delta` to the position's balance and to the site's total for its status.
    private func apply(_ delta: Quantity, of part: Part.ID, at position: StockPosition) async throws {
        let key = PositionKey(position)
        try await sql.raw("""
            INSERT INTO stock_balances (part_id, site_id, bin_key, status, lot_key, owner_key, quantity_milli)
            VALUES (\(bind: part.description), \(bind: key.siteID), \(bind: key.bin), \(bind: key.status),
                    \(bind: key.lot), \(bind: key.owner), \(bind: delta.milli))
            ON CONFLICT (part_id, site_id, bin_key, status, lot_key, owner_key)
            DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
            """).run()
        let column = position.status.totalColumn
        try await sql.raw("""
            INSERT INTO site_stock (part_id, site_id, \(unsafeRaw: column))
            VALUES (\(bind: part.description), \(bind: key.siteID), \(bind: delta.milli))
            ON CONFLICT (part_id, site_id)
            DO UPDATE SET \(unsafeRaw: column) = site_stock.\(unsafeRaw: column) + excluded.\(unsafeRaw: column)
            """).run()
    }

    func history(part: Part.ID, site: Site.ID?, _ page: PageRequest<Int64>) async throws -> [LedgerEntry] {
        let after = page.after ?? 0
        let siteFilter: SQLQueryString = site.map {
            " AND (m.from_site_id = \(bind: $0.description) OR m.to_site_id = \(bind: $0.description))"
        } ?? ""
        let rows = try await sql.raw("""
            SELECT m.*, c.currency AS company_currency FROM movements m CROSS JOIN company c
            WHERE m.part_id = \(bind: part.description) AND m.sequence > \(bind: after)\(siteFilter)
            ORDER BY m.sequence LIMIT \(literal: page.limit)
            """).all()
        var balance = try await balanceBefore(part: part, site: site, sequence: after)
        return try rows.map { row in
            let movement = try Self.movement(row)
            balance = balance + LedgerEntry.netChange(of: movement, at: site)
            return LedgerEntry(sequence: try row.value("sequence"), movement: movement, balanceAfter: balance)
        }
    }

    /// The running balance up to and including movement `sequence`.
    private func balanceBefore(part: Part.ID, site: Site.ID?, sequence: Int64) async throws -> Quantity {
        guard sequence > 0 else { return .zero }
        let row: (any SQLRow)?
        if let site {
            row = try await sql.raw("""
                SELECT COALESCE(SUM(CASE WHEN to_site_id = \(bind: site.description) THEN quantity_milli ELSE 0 END)
                    - SUM(CASE WHEN from_site_id = \(bind: site.description) THEN quantity_milli ELSE 0 END), 0) AS net
                FROM movements WHERE part_id = \(bind: part.description) AND sequence <= \(bind: sequence)
                """).first()
        } else {
            row = try await sql.raw("""
                SELECT COALESCE(SUM(CASE WHEN from_site_id IS NULL THEN quantity_milli
                    WHEN to_site_id IS NULL THEN -quantity_milli ELSE 0 END), 0) AS net
                FROM movements WHERE part_id = \(bind: part.description) AND sequence <= \(bind: sequence)
                """).first()
        }
        return Quantity(milli: try row?.value("net", as: Int64.self) ?? 0)
    }

    func verify() async throws -> [String] {
        try await LedgerVerification(sql: sql).problems()
    }

    static func movement(_ row: any SQLRow) throws -> Movement {
        let code: String = try row.value("company_currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        return Movement(
            id: try row.identifier("id"), partID: try row.identifier("part_id"),
            quantity: Quantity(milli: try row.value("quantity_milli")),
            from: try PositionKey.position(row, prefix: "from_"), to: try PositionKey.position(row, prefix: "to_"),
            reason: try row.enumeration("reason"),
            document: DocumentReference(type: try row.value("document_type"), id: try row.value("document_id")),
            actorID: try row.identifier("actor_id"), at: try row.instant("at_us"),
            unitCost: Money(minorUnits: try row.value("unit_cost_minor"), currency: currency))
    }
}

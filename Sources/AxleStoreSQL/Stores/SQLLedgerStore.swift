import AxleDomain
import AxleStore
import SQLKit

struct SQLLedgerStore: LedgerStore {
    let sql: any SQLDatabase

    func post(_ movements: [Movement]) async throws -> [SiteStock] {
        var totals: [SiteStock] = []
        func touched(_ stock: SiteStock) {
            if let index = totals.firstIndex(where: { $0.partID == stock.partID && $0.siteID == stock.siteID }) {
                totals[index] = stock
            } else {
                totals.append(stock)
            }
        }
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
                    \(bind: movement.document.type.rawValue), \(bind: movement.document.id), \(bind: movement.actorID.description),
                    \(bind: movement.at.microseconds), \(bind: movement.unitCost.minorUnits),
                    \(bind: movement.value.minorUnits))
                """).run()
            if let from = movement.from {
                touched(try await apply(Quantity.zero - movement.quantity, of: movement.partID, at: from))
            }
            if let to = movement.to { touched(try await apply(movement.quantity, of: movement.partID, at: to)) }
        }
        return totals
    }

    func postInBulk(_ movements: [Movement]) async throws {
        try await Batch.each(movements) { chunk in
            var insert = sql.insert(into: "movements").columns(Self.movementColumns)
            for movement in chunk { insert = insert.values(Self.values(movement)) }
            try await insert.run()
        }
        var totals: [TotalKey: [StockStatus: Int64]] = [:]
        var balances: [BalanceKey: Int64] = [:]
        for movement in movements {
            let part = movement.partID.description
            for (position, delta) in [(movement.from, -movement.quantity.milli), (movement.to, movement.quantity.milli)] {
                guard let position else { continue }
                let key = PositionKey(position)
                totals[TotalKey(part: part, site: key.siteID), default: [:]][position.status, default: 0] += delta
                balances[BalanceKey(part: part, position: key), default: 0] += delta
            }
        }
        // Totals before balances, each in key order: the lock order of `post`, so that on
        // PostgreSQL a bulk post and concurrent single posts never wait for each other in a cycle.
        let columns = StockStatus.allCases.map(\.totalColumn)
        let sums = columns.map { "\($0) = site_stock.\($0) + excluded.\($0)" }.joined(separator: ", ")
        try await Batch.each(totals.sorted { $0.key < $1.key }) { chunk in
            let rows: [SQLQueryString] = chunk.map { key, deltas in
                let values: [SQLQueryString] = StockStatus.allCases.map { "\(bind: deltas[$0] ?? 0)" }
                return "(\(bind: key.part), \(bind: key.site), \(values.joined(separator: ", ")))"
            }
            try await sql.raw("""
                INSERT INTO site_stock (part_id, site_id, \(unsafeRaw: columns.joined(separator: ", ")))
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (part_id, site_id) DO UPDATE SET \(unsafeRaw: sums)
                """).run()
        }
        try await Batch.each(balances.sorted { $0.key < $1.key }) { chunk in
            let rows: [SQLQueryString] = chunk.map { key, delta in
                let p = key.position
                return "(\(bind: key.part), \(bind: p.siteID), \(bind: p.bin), \(bind: p.status), \(bind: p.lot), "
                    + "\(bind: p.owner), \(bind: delta))"
            }
            try await sql.raw("""
                INSERT INTO stock_balances (part_id, site_id, bin_key, status, lot_key, owner_key, quantity_milli)
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (part_id, site_id, bin_key, status, lot_key, owner_key)
                DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
                """).run()
        }
    }

    private static let movementColumns = [
        "id", "part_id", "quantity_milli", "from_site_id", "from_bin_key", "from_status", "from_lot_key",
        "from_owner_key", "to_site_id", "to_bin_key", "to_status", "to_lot_key", "to_owner_key", "reason",
        "document_type", "document_id", "actor_id", "at_us", "unit_cost_minor", "value_minor",
    ]

    private static func values(_ movement: Movement) -> [any Encodable & Sendable] {
        let from = movement.from.map(PositionKey.init), to = movement.to.map(PositionKey.init)
        return [
            movement.id.description, movement.partID.description, movement.quantity.milli, from?.siteID, from?.bin,
            from?.status, from?.lot, from?.owner, to?.siteID, to?.bin, to?.status, to?.lot, to?.owner,
            movement.reason.rawValue, movement.document.type.rawValue, movement.document.id, movement.actorID.description,
            movement.at.microseconds, movement.unitCost.minorUnits, movement.value.minorUnits,
        ]
    }

    /// Adds `delta` to the site's total for the position's status and to the position's balance.
    ///
    /// The total first: every writer of a part's stock at a site locks that total row before any
    /// of its balances (use cases that check stock lock it up front), so on PostgreSQL two writers
    /// never hold one each of a total and a balance while waiting for the other.
    /// Returns the site's totals after the change.
    private func apply(_ delta: Quantity, of part: Part.ID, at position: StockPosition) async throws -> SiteStock {
        let key = PositionKey(position)
        let column = position.status.totalColumn
        let total = try await sql.raw("""
            INSERT INTO site_stock (part_id, site_id, \(unsafeRaw: column))
            VALUES (\(bind: part.description), \(bind: key.siteID), \(bind: delta.milli))
            ON CONFLICT (part_id, site_id)
            DO UPDATE SET \(unsafeRaw: column) = site_stock.\(unsafeRaw: column) + excluded.\(unsafeRaw: column)
            RETURNING *
            """).first()
        guard let total else { throw StoreError.rowNotFound(entity: "site_stock", id: "\(part) at \(key.siteID)") }
        try await sql.raw("""
            INSERT INTO stock_balances (part_id, site_id, bin_key, status, lot_key, owner_key, quantity_milli)
            VALUES (\(bind: part.description), \(bind: key.siteID), \(bind: key.bin), \(bind: key.status),
                    \(bind: key.lot), \(bind: key.owner), \(bind: delta.milli))
            ON CONFLICT (part_id, site_id, bin_key, status, lot_key, owner_key)
            DO UPDATE SET quantity_milli = stock_balances.quantity_milli + excluded.quantity_milli
            """).run()
        return try SQLStockStore.siteStock(total)
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
            balance = try balance + LedgerEntry.netChange(of: movement, at: site)
            return LedgerEntry(sequence: try row.value("sequence"), movement: movement, balanceAfter: balance)
        }
    }

    func movements(from: Instant, to: Instant, _ page: PageRequest<Int64>) async throws -> [PostedMovement] {
        try await sql.raw("""
            SELECT m.*, c.currency AS company_currency FROM movements m CROSS JOIN company c
            WHERE m.at_us >= \(bind: from.microseconds) AND m.at_us < \(bind: to.microseconds)
              AND m.sequence > \(bind: page.after ?? 0)
            ORDER BY m.sequence LIMIT \(literal: page.limit)
            """).all().map { row in PostedMovement(sequence: try row.value("sequence"), movement: try Self.movement(row)) }
    }

    /// The running balance up to and including movement `sequence`.
    private func balanceBefore(part: Part.ID, site: Site.ID?, sequence: Int64) async throws -> Quantity {
        guard sequence > 0 else { return .zero }
        let row: (any SQLRow)?
        if let site {
            // PostgreSQL sums BIGINTs as NUMERIC: cast back, as both backends are read alike.
            row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(CASE WHEN to_site_id = \(bind: site.description) THEN quantity_milli ELSE 0 END)
                    - SUM(CASE WHEN from_site_id = \(bind: site.description) THEN quantity_milli ELSE 0 END), 0) AS BIGINT)
                    AS net
                FROM movements WHERE part_id = \(bind: part.description) AND sequence <= \(bind: sequence)
                """).first()
        } else {
            row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(CASE WHEN from_site_id IS NULL THEN quantity_milli
                    WHEN to_site_id IS NULL THEN -quantity_milli ELSE 0 END), 0) AS BIGINT) AS net
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
        return try Movement(
            id: try row.identifier("id"), partID: try row.identifier("part_id"),
            quantity: Quantity(milli: try row.value("quantity_milli")),
            from: try PositionKey.position(row, prefix: "from_"), to: try PositionKey.position(row, prefix: "to_"),
            reason: try row.enumeration("reason"),
            document: DocumentReference(type: try row.enumeration("document_type"), id: try row.value("document_id")),
            actorID: try row.identifier("actor_id"), at: try row.instant("at_us"),
            unitCost: Money(minorUnits: try row.value("unit_cost_minor"), currency: currency))
    }
}

/// A site total row's key, ordered by its columns.
private struct TotalKey: Hashable, Comparable {
    let part: String
    let site: String

    static func < (lhs: TotalKey, rhs: TotalKey) -> Bool { (lhs.part, lhs.site) < (rhs.part, rhs.site) }
}

/// A balance row's key, ordered by its columns.
private struct BalanceKey: Hashable, Comparable {
    let part: String
    let position: PositionKey

    static func < (lhs: BalanceKey, rhs: BalanceKey) -> Bool {
        let l = lhs.position, r = rhs.position
        return (lhs.part, l.siteID, l.bin, l.status, l.lot, l.owner) < (rhs.part, r.siteID, r.bin, r.status, r.lot, r.owner)
    }
}

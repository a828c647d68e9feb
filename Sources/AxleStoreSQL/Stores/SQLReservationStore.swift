import AxleDomain
import AxleStore
import SQLKit

struct SQLReservationStore: ReservationStore {
    let sql: any SQLDatabase

    func insert(_ reservation: Reservation) async throws {
        let r = reservation
        try await sql.raw("""
            INSERT INTO reservations (id, part_id, site_id, demand_kind, demand_reference, priority, need_by,
                requested_milli, reserved_milli, backordered_milli, consumed_milli, status, created_at_us, updated_at_us)
            VALUES (\(bind: r.id.description), \(bind: r.partID.description), \(bind: r.siteID.description),
                \(bind: r.demand.kind.rawValue), \(bind: r.demand.reference), \(bind: r.priority.rawValue),
                \(bind: r.needBy.description), \(bind: r.requested.milli), \(bind: r.reserved.milli),
                \(bind: r.backordered.milli), \(bind: r.consumed.milli), \(bind: r.status.rawValue),
                \(bind: r.createdAt.microseconds), \(bind: r.updatedAt.microseconds))
            """).run()
    }

    func insert(contentsOf reservations: [Reservation]) async throws {
        try await Batch.each(reservations) { chunk in
            var insert = sql.insert(into: "reservations").columns(
                "id", "part_id", "site_id", "demand_kind", "demand_reference", "priority", "need_by", "requested_milli",
                "reserved_milli", "backordered_milli", "consumed_milli", "status", "created_at_us", "updated_at_us")
            for r in chunk {
                insert = insert.values([
                    r.id.description, r.partID.description, r.siteID.description, r.demand.kind.rawValue,
                    r.demand.reference, r.priority.rawValue, r.needBy.description, r.requested.milli, r.reserved.milli,
                    r.backordered.milli, r.consumed.milli, r.status.rawValue, r.createdAt.microseconds,
                    r.updatedAt.microseconds,
                ])
            }
            try await insert.run()
        }
    }

    func update(_ reservation: Reservation) async throws {
        let r = reservation
        try await sql.raw("""
            UPDATE reservations SET reserved_milli = \(bind: r.reserved.milli),
                backordered_milli = \(bind: r.backordered.milli), consumed_milli = \(bind: r.consumed.milli),
                status = \(bind: r.status.rawValue), updated_at_us = \(bind: r.updatedAt.microseconds)
            WHERE id = \(bind: r.id.description)
            """).run()
    }

    func find(id: Reservation.ID) async throws -> Reservation? {
        try await sql.raw("SELECT * FROM reservations WHERE id = \(bind: id.description)").first().map(Self.reservation)
    }

    func backorders(part: Part.ID, site: Site.ID) async throws -> [Reservation] {
        try await sql.raw("""
            SELECT * FROM reservations WHERE part_id = \(bind: part.description) AND site_id = \(bind: site.description)
              AND status = 'open' AND backordered_milli > 0
            """).all().map(Self.reservation)
    }

    func list(part: Part.ID, site: Site.ID?, openOnly: Bool, _ page: PageRequest<String>) async throws -> [Reservation] {
        var conditions: [SQLQueryString] = ["part_id = \(bind: part.description)"]
        if let site { conditions.append("site_id = \(bind: site.description)") }
        if openOnly { conditions.append("status = 'open'") }
        if let after = page.after { conditions.append("id < \(bind: after)") }
        return try await sql.raw("""
            SELECT * FROM reservations WHERE \(conditions.joined(separator: " AND "))
            ORDER BY id DESC LIMIT \(literal: page.limit)
            """).all().map(Self.reservation)
    }

    static func reservation(_ row: any SQLRow) throws -> Reservation {
        let needBy: String = try row.value("need_by")
        guard let date = CalendarDate(needBy) else { throw StoreError.corruptValue(column: "need_by", value: needBy) }
        return Reservation(
            id: try row.identifier("id"), partID: try row.identifier("part_id"), siteID: try row.identifier("site_id"),
            demand: Demand(kind: try row.enumeration("demand_kind"), reference: try row.value("demand_reference")),
            priority: try row.enumeration("priority"), needBy: date,
            requested: Quantity(milli: try row.value("requested_milli")),
            reserved: Quantity(milli: try row.value("reserved_milli")),
            backordered: Quantity(milli: try row.value("backordered_milli")),
            consumed: Quantity(milli: try row.value("consumed_milli")), status: try row.enumeration("status"),
            createdAt: try row.instant("created_at_us"), updatedAt: try row.instant("updated_at_us"))
    }
}

struct SQLAdjustmentStore: AdjustmentStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func insert(_ adjustment: Adjustment) async throws {
        let a = adjustment, key = PositionKey(adjustment.position)
        try await sql.raw("""
            INSERT INTO adjustments (id, part_id, site_id, bin_key, status, lot_key, owner_key, delta_milli, reason, note,
                value_minor, state, requested_by, requested_at_us, decided_by, decided_at_us)
            VALUES (\(bind: a.id.description), \(bind: a.partID.description), \(bind: key.siteID), \(bind: key.bin),
                \(bind: key.status), \(bind: key.lot), \(bind: key.owner), \(bind: a.delta.milli), \(bind: a.reason.rawValue),
                \(bind: a.note), \(bind: a.value.minorUnits), \(bind: a.state.rawValue), \(bind: a.requestedBy.description),
                \(bind: a.requestedAt.microseconds), \(bind: a.decidedBy?.description), \(bind: a.decidedAt?.microseconds))
            """).run()
    }

    func update(_ adjustment: Adjustment) async throws {
        try await sql.raw("""
            UPDATE adjustments SET state = \(bind: adjustment.state.rawValue),
                decided_by = \(bind: adjustment.decidedBy?.description), decided_at_us = \(bind: adjustment.decidedAt?.microseconds)
            WHERE id = \(bind: adjustment.id.description)
            """).run()
    }

    func find(id: Adjustment.ID, forUpdate: Bool) async throws -> Adjustment? {
        // Only the adjustment's row: locking the company row too would serialise every decision.
        let lock: SQLQueryString = forUpdate && !dialect.lockRows.isEmpty ? "\(unsafeRaw: dialect.lockRows) OF a" : ""
        return try await sql.raw("""
            SELECT a.*, c.currency FROM adjustments a CROSS JOIN company c WHERE a.id = \(bind: id.description)\(lock)
            """).first().map(Self.adjustment)
    }

    func pending(site: Site.ID?, _ page: PageRequest<String>) async throws -> [Adjustment] {
        var conditions: [SQLQueryString] = ["a.state = 'pendingApproval'", "a.id > \(bind: page.after ?? "")"]
        if let site { conditions.append("a.site_id = \(bind: site.description)") }
        return try await sql.raw("""
            SELECT a.*, c.currency FROM adjustments a CROSS JOIN company c
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY a.id LIMIT \(literal: page.limit)
            """).all().map(Self.adjustment)
    }

    static func adjustment(_ row: any SQLRow) throws -> Adjustment {
        let code: String = try row.value("currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        return Adjustment(
            id: try row.identifier("id"), partID: try row.identifier("part_id"), position: try PositionKey.position(row)!,
            delta: Quantity(milli: try row.value("delta_milli")), reason: try row.enumeration("reason"),
            note: try row.value("note"), value: Money(minorUnits: try row.value("value_minor"), currency: currency),
            state: try row.enumeration("state"), requestedBy: try row.identifier("requested_by"),
            requestedAt: try row.instant("requested_at_us"),
            decidedBy: try row.value("decided_by", as: String?.self).flatMap(Principal.ID.init),
            decidedAt: try row.optionalInstant("decided_at_us"))
    }
}

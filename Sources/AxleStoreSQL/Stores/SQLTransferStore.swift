import AxleDomain
import AxleStore
import SQLKit

struct SQLTransferStore: TransferStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    /// Inserts the transfer in whatever state it is (the demo's history writes shipped and received ones).
    func insert(_ transfer: Transfer) async throws {
        let t = transfer
        try await sql.raw("""
            INSERT INTO transfers (id, part_id, quantity_milli, source_site_id, destination_site_id, value_minor,
                approval_required, reservation_id, state, requested_by, requested_at_us, approved_by, approved_at_us,
                shipped_by, shipped_at_us, expected_arrival, received_by, received_at_us, received_good_milli,
                received_damaged_milli, short_milli, over_milli, cancelled_by, cancelled_at_us, cycle_time_s)
            VALUES (\(bind: t.id.description), \(bind: t.partID.description), \(bind: t.quantity.milli),
                \(bind: t.sourceSiteID.description), \(bind: t.destinationSiteID.description),
                \(bind: t.value.minorUnits), \(bind: t.approvalRequired), \(bind: t.reservationID.description),
                \(bind: t.state.rawValue), \(bind: t.requested.actorID.description), \(bind: t.requested.at.microseconds),
                \(bind: t.approved?.actorID.description), \(bind: t.approved?.at.microseconds),
                \(bind: t.shipped?.actorID.description), \(bind: t.shipped?.at.microseconds),
                \(bind: t.expectedArrival?.description), \(bind: t.received?.actorID.description),
                \(bind: t.received?.at.microseconds), \(bind: t.receipt?.good.milli), \(bind: t.receipt?.damaged.milli),
                \(bind: t.receipt?.short.milli), \(bind: t.receipt?.over.milli), \(bind: t.cancelled?.actorID.description),
                \(bind: t.cancelled?.at.microseconds), \(bind: t.cycleTimeSeconds))
            """).run()
    }

    func update(_ transfer: Transfer) async throws {
        let t = transfer
        try await sql.raw("""
            UPDATE transfers SET state = \(bind: t.state.rawValue),
                approved_by = \(bind: t.approved?.actorID.description), approved_at_us = \(bind: t.approved?.at.microseconds),
                shipped_by = \(bind: t.shipped?.actorID.description), shipped_at_us = \(bind: t.shipped?.at.microseconds),
                expected_arrival = \(bind: t.expectedArrival?.description),
                received_by = \(bind: t.received?.actorID.description), received_at_us = \(bind: t.received?.at.microseconds),
                received_good_milli = \(bind: t.receipt?.good.milli), received_damaged_milli = \(bind: t.receipt?.damaged.milli),
                short_milli = \(bind: t.receipt?.short.milli), over_milli = \(bind: t.receipt?.over.milli),
                cancelled_by = \(bind: t.cancelled?.actorID.description),
                cancelled_at_us = \(bind: t.cancelled?.at.microseconds), cycle_time_s = \(bind: t.cycleTimeSeconds)
            WHERE id = \(bind: t.id.description)
            """).run()
    }

    func find(id: Transfer.ID, forUpdate: Bool) async throws -> Transfer? {
        // Only the transfer row is locked, not the company row it is joined with.
        let lock: SQLQueryString = forUpdate && !dialect.lockRows.isEmpty ? "\(unsafeRaw: dialect.lockRows) OF t" : ""
        return try await sql.raw("""
            SELECT t.*, c.currency FROM transfers t CROSS JOIN company c WHERE t.id = \(bind: id.description)\(lock)
            """).first().map(Self.transfer)
    }

    func list(site: Site.ID?, state: TransferState?, _ page: PageRequest<String>) async throws -> [Transfer] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let site {
            conditions.append("(t.source_site_id = \(bind: site.description) OR t.destination_site_id = \(bind: site.description))")
        }
        if let state { conditions.append("t.state = \(bind: state.rawValue)") }
        if let after = page.after { conditions.append("t.id < \(bind: after)") }
        return try await sql.raw("""
            SELECT t.*, c.currency FROM transfers t CROSS JOIN company c
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.id DESC LIMIT \(literal: page.limit)
            """).all().map(Self.transfer)
    }

    func shipment(of transfer: Transfer.ID) async throws -> [StockBalance] {
        try await sql.raw("""
            SELECT part_id, to_site_id AS site_id, to_bin_key AS bin_key, to_status AS status, to_lot_key AS lot_key,
                   to_owner_key AS owner_key,
                   CAST(SUM(quantity_milli) AS BIGINT) AS quantity_milli, MIN(sequence) AS first_sequence
            FROM movements
            WHERE document_type = 'transfer' AND document_id = \(bind: transfer.description)
              AND reason = \(bind: MovementReason.transferShip.rawValue)
            GROUP BY part_id, to_site_id, to_bin_key, to_status, to_lot_key, to_owner_key
            ORDER BY first_sequence
            """).all().map { row in
                StockBalance(partID: try row.identifier("part_id"), position: try PositionKey.position(row)!,
                             quantity: Quantity(milli: try row.value("quantity_milli")))
            }
    }

    static func transfer(_ row: any SQLRow) throws -> Transfer {
        let code: String = try row.value("currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        var receipt: TransferReceipt?
        if let good = try row.value("received_good_milli", as: Int64?.self) {
            let damaged = Quantity(milli: try row.value("received_damaged_milli")), good = Quantity(milli: good)
            let short = Quantity(milli: try row.value("short_milli")), over = Quantity(milli: try row.value("over_milli"))
            receipt = try TransferReceipt(shipped: good + damaged + short - over, good: good, damaged: damaged)
        }
        var arrival: CalendarDate?
        if let text = try row.value("expected_arrival", as: String?.self) {
            guard let date = CalendarDate(text) else { throw StoreError.corruptValue(column: "expected_arrival", value: text) }
            arrival = date
        }
        return Transfer(
            id: try row.identifier("id"), partID: try row.identifier("part_id"),
            quantity: Quantity(milli: try row.value("quantity_milli")), sourceSiteID: try row.identifier("source_site_id"),
            destinationSiteID: try row.identifier("destination_site_id"),
            value: Money(minorUnits: try row.value("value_minor"), currency: currency),
            approvalRequired: try row.value("approval_required"), reservationID: try row.identifier("reservation_id"),
            state: try row.enumeration("state"), requested: try step(row, "requested")!, approved: try step(row, "approved"),
            shipped: try step(row, "shipped"), expectedArrival: arrival, received: try step(row, "received"),
            receipt: receipt, cancelled: try step(row, "cancelled"))
    }

    /// The step recorded in `<name>_by` and `<name>_at_us`, nil when it was not taken.
    private static func step(_ row: any SQLRow, _ name: String) throws -> Transfer.Step? {
        guard let actor = try row.value("\(name)_by", as: String?.self) else { return nil }
        guard let actorID = Principal.ID(actor) else { throw StoreError.corruptValue(column: "\(name)_by", value: actor) }
        return Transfer.Step(actorID: actorID, at: try row.instant("\(name)_at_us"))
    }
}

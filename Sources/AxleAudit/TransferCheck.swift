import SQLKit

/// Transfers agree with the stock they moved: what was shipped left the source into transit to
/// the destination; what was received, damaged or short adds up to what was shipped (less what
/// arrived over it) and left transit; and each site's in-transit total is what its open
/// (shipped, not yet received) transfers carry.
struct TransferCheck {
    let sql: any SQLDatabase

    func findings() async throws -> [AuditFinding] {
        try await documents() + (try await movementsOfNoTransfer()) + (try await inTransitTotals())
    }

    private struct Moved {
        var count: Int64, shipped: Int64, leftSource: Int64, intoTransit: Int64, outOfTransit: Int64
        var arrived: Int64, lost: Int64, overArrived: Int64
    }

    private func documents() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH moved AS (
                SELECT t.id AS transfer_id, COUNT(*) AS movements,
                  CAST(SUM(CASE WHEN m.reason = 'transferShip' THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS shipped,
                  CAST(SUM(CASE WHEN m.reason = 'transferShip' AND m.from_site_id = t.source_site_id
                                 AND m.to_site_id = t.destination_site_id AND m.to_status = 'inTransit'
                                THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS left_source,
                  CAST(SUM(CASE WHEN m.to_status = 'inTransit' THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS into_transit,
                  CAST(SUM(CASE WHEN m.from_status = 'inTransit' THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS out_of_transit,
                  CAST(SUM(CASE WHEN m.to_site_id = t.destination_site_id AND m.to_status <> 'inTransit'
                                THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS arrived,
                  CAST(SUM(CASE WHEN m.from_status = 'inTransit' AND m.to_site_id IS NULL
                                THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS lost,
                  CAST(SUM(CASE WHEN m.from_site_id IS NULL THEN m.quantity_milli ELSE 0 END) AS BIGINT) AS over_arrived
                FROM movements m JOIN transfers t ON t.id = m.document_id
                WHERE m.document_type = 'transfer' GROUP BY t.id
            )
            SELECT t.id, t.state, t.quantity_milli, COALESCE(t.received_good_milli, 0) AS good,
                   COALESCE(t.received_damaged_milli, 0) AS damaged, COALESCE(t.short_milli, 0) AS short_total,
                   COALESCE(t.over_milli, 0) AS over_total, p.number, src.code AS source, dst.code AS destination,
                   COALESCE(x.movements, 0) AS movements, COALESCE(x.shipped, 0) AS shipped,
                   COALESCE(x.left_source, 0) AS left_source, COALESCE(x.into_transit, 0) AS into_transit,
                   COALESCE(x.out_of_transit, 0) AS out_of_transit, COALESCE(x.arrived, 0) AS arrived,
                   COALESCE(x.lost, 0) AS lost, COALESCE(x.over_arrived, 0) AS over_arrived
            FROM transfers t JOIN parts p ON p.id = t.part_id
            JOIN sites src ON src.id = t.source_site_id JOIN sites dst ON dst.id = t.destination_site_id
            LEFT JOIN moved x ON x.transfer_id = t.id
            ORDER BY t.id
            """).all()
        var findings: [AuditFinding] = []
        for row in rows {
            func milli(_ column: String) throws -> Int64 { try row.decode(column: column, as: Int64.self) }
            let state = try row.decode(column: "state", as: String.self)
            let quantity = try milli("quantity_milli")
            let name = "transfer \(try row.decode(column: "id", as: String.self)) (\(state)) of "
                + "\(MilliText.units(quantity)) × \(try row.decode(column: "number", as: String.self)) from "
                + "\(try row.decode(column: "source", as: String.self)) to \(try row.decode(column: "destination", as: String.self))"
            let moved = Moved(count: try milli("movements"), shipped: try milli("shipped"), leftSource: try milli("left_source"),
                              intoTransit: try milli("into_transit"), outOfTransit: try milli("out_of_transit"),
                              arrived: try milli("arrived"), lost: try milli("lost"), overArrived: try milli("over_arrived"))
            let receipt = (good: try milli("good"), damaged: try milli("damaged"), short: try milli("short_total"),
                           over: try milli("over_total"))
            findings += Self.problems(state: state, quantity: quantity, moved: moved, receipt: receipt)
                .map { AuditFinding(check: .transfers, text: "\(name): \($0)") }
        }
        return findings
    }

    private static func problems(state: String, quantity: Int64, moved: Moved,
                                 receipt: (good: Int64, damaged: Int64, short: Int64, over: Int64)) -> [String] {
        let units = MilliText.units
        guard state == "shipped" || state == "received" else {
            return moved.count == 0 ? [] : ["it was never shipped, yet \(moved.count) movement(s) name it"]
        }
        var problems: [String] = []
        if moved.leftSource != quantity || moved.shipped != moved.leftSource {
            problems.append("shipped \(units(quantity)), but its shipping movements took \(units(moved.leftSource)) "
                + "from the source into transit to the destination (\(units(moved.shipped)) shipped in all)")
        }
        let inTransit = moved.intoTransit - moved.outOfTransit
        if state == "shipped", inTransit != quantity {
            problems.append("still in transit, but its movements leave \(units(inTransit)) in transit, "
                + "not the \(units(quantity)) shipped")
        }
        guard state == "received" else { return problems }
        let accounted = receipt.good + receipt.damaged + receipt.short - receipt.over
        if accounted != quantity {
            problems.append("received \(units(receipt.good)) good + \(units(receipt.damaged)) damaged + "
                + "\(units(receipt.short)) short − \(units(receipt.over)) over = \(units(accounted)), "
                + "not the \(units(quantity)) shipped")
        }
        if inTransit != 0 {
            problems.append("received, but its movements leave \(units(inTransit)) in transit")
        }
        if moved.arrived != receipt.good + receipt.damaged {
            problems.append("received \(units(receipt.good + receipt.damaged)) (good and damaged), but its movements "
                + "brought \(units(moved.arrived)) into the destination")
        }
        if moved.lost != receipt.short {
            problems.append("short \(units(receipt.short)), but its movements wrote off \(units(moved.lost)) from transit")
        }
        if moved.overArrived != receipt.over {
            problems.append("over \(units(receipt.over)), but its movements brought \(units(moved.overArrived)) "
                + "into the destination from outside the shipment")
        }
        return problems
    }

    private func movementsOfNoTransfer() async throws -> [AuditFinding] {
        try await sql.raw("""
            SELECT m.sequence, m.document_id FROM movements m
            WHERE m.document_type = 'transfer' AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.id = m.document_id)
            ORDER BY m.sequence
            """).all().map { row in
                AuditFinding(check: .transfers, text: """
                    movement \(try row.decode(column: "sequence", as: Int64.self)) names transfer \
                    \(try row.decode(column: "document_id", as: String.self)), which does not exist
                    """)
            }
    }

    private func inTransitTotals() async throws -> [AuditFinding] {
        let rows = try await sql.raw("""
            WITH contributions AS (
                SELECT part_id, site_id, in_transit_milli AS stored, 0 AS open_total FROM site_stock
                UNION ALL SELECT part_id, destination_site_id, 0, quantity_milli FROM transfers WHERE state = 'shipped'
            ), sums AS (
                SELECT part_id, site_id, CAST(SUM(stored) AS BIGINT) AS stored, CAST(SUM(open_total) AS BIGINT) AS open_total
                FROM contributions GROUP BY part_id, site_id
            )
            SELECT p.number, s.code, x.stored, x.open_total
            FROM sums x JOIN parts p ON p.id = x.part_id JOIN sites s ON s.id = x.site_id
            WHERE x.stored <> x.open_total ORDER BY p.number, s.code
            """).all()
        return try rows.map { row in
            AuditFinding(check: .transfers, text: """
                part \(try row.decode(column: "number", as: String.self)) in transit to site \
                \(try row.decode(column: "code", as: String.self)): site total \
                \(MilliText.units(try row.decode(column: "stored", as: Int64.self))), open transfers carry \
                \(MilliText.units(try row.decode(column: "open_total", as: Int64.self)))
                """)
        }
    }
}

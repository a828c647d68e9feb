import AxleDomain
import AxleStore
import SQLKit

struct SQLStockStore: StockStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func siteStock(part: Part.ID, site: Site.ID, forUpdate: Bool) async throws -> SiteStock {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        let select: SQLQueryString = """
            SELECT * FROM site_stock WHERE part_id = \(bind: part.description) AND site_id = \(bind: site.description)\(lock)
            """
        if let row = try await sql.raw(select).first() { return try Self.siteStock(row) }
        guard forUpdate, dialect == .postgres else { return SiteStock(partID: part, siteID: site) }
        // No row yet, so nothing was locked: create it (harmless when a concurrent transaction just
        // did; the insert waits for it) and lock it. The row almost always exists, so this is
        // usually one statement. SQLite has no row locks (its single writer serialises).
        try await sql.raw("""
            INSERT INTO site_stock (part_id, site_id) VALUES (\(bind: part.description), \(bind: site.description))
            ON CONFLICT (part_id, site_id) DO NOTHING
            """).run()
        return try await sql.raw(select).first().map(Self.siteStock) ?? SiteStock(partID: part, siteID: site)
    }

    func siteStock(part: Part.ID) async throws -> [SiteStock] {
        try await sql.raw("""
            SELECT s.* FROM site_stock s JOIN sites t ON t.id = s.site_id
            WHERE s.part_id = \(bind: part.description) ORDER BY t.code
            """).all().map(Self.siteStock)
    }

    func matrix(after: (Part.ID, Site.ID)?, limit: Int) async throws -> [SiteStock] {
        let condition: SQLQueryString = after.map {
            "WHERE part_id > \(bind: $0.0.description) OR (part_id = \(bind: $0.0.description) AND site_id > \(bind: $0.1.description))"
        } ?? ""
        return try await sql.raw("SELECT * FROM site_stock \(condition) ORDER BY part_id, site_id LIMIT \(literal: limit)")
            .all().map(Self.siteStock)
    }

    func balances(part: Part.ID, site: Site.ID) async throws -> [StockBalance] {
        try await sql.raw("""
            SELECT * FROM stock_balances WHERE part_id = \(bind: part.description) AND site_id = \(bind: site.description)
              AND quantity_milli <> 0
            ORDER BY status, bin_key, lot_key, owner_key
            """).all().map { row in
                StockBalance(partID: part, position: try PositionKey.position(row)!,
                             quantity: Quantity(milli: try row.value("quantity_milli")))
            }
    }

    func commit(part: Part.ID, site: Site.ID, reserved: Quantity, backordered: Quantity) async throws {
        // Update, and only when there is no row yet insert one and update again. Not an upsert:
        // the schema checks the inserted row as if it stood alone, and a commitment of 8 on a
        // fresh row would look like over-commitment. The row almost always exists, so this
        // is one statement per commitment.
        let update: SQLQueryString = """
            UPDATE site_stock SET reserved_milli = reserved_milli + \(bind: reserved.milli),
                backordered_milli = backordered_milli + \(bind: backordered.milli)
            WHERE part_id = \(bind: part.description) AND site_id = \(bind: site.description)
            RETURNING part_id
            """
        guard try await sql.raw(update).first() == nil else { return }
        try await sql.raw("""
            INSERT INTO site_stock (part_id, site_id) VALUES (\(bind: part.description), \(bind: site.description))
            ON CONFLICT (part_id, site_id) DO NOTHING
            """).run()
        try await sql.raw(update).run()
    }

    func policy(site: Site.ID) async throws -> SiteStockPolicy {
        guard let row = try await sql.raw("""
            SELECT s.allows_negative_stock, s.adjustment_threshold_minor, s.transfer_threshold_minor, c.currency
            FROM sites s CROSS JOIN company c WHERE s.id = \(bind: site.description)
            """).first() else { throw StoreError.rowNotFound(entity: "site", id: site.description) }
        let code: String = try row.value("currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        return SiteStockPolicy(
            allowsNegativeStock: try row.value("allows_negative_stock"),
            adjustmentApprovalThreshold: Money(minorUnits: try row.value("adjustment_threshold_minor"), currency: currency),
            transferApprovalThreshold: Money(minorUnits: try row.value("transfer_threshold_minor"), currency: currency))
    }

    func save(_ policy: SiteStockPolicy, site: Site.ID) async throws {
        try await sql.raw("""
            UPDATE sites SET allows_negative_stock = \(bind: policy.allowsNegativeStock),
                adjustment_threshold_minor = \(bind: policy.adjustmentApprovalThreshold.minorUnits),
                transfer_threshold_minor = \(bind: policy.transferApprovalThreshold.minorUnits)
            WHERE id = \(bind: site.description)
            """).run()
    }

    func averageCost(part: Part.ID) async throws -> AverageCost? {
        try await sql.raw("""
            SELECT p.average_cost_minor, p.quantity_milli, c.currency FROM part_costs p CROSS JOIN company c
            WHERE p.part_id = \(bind: part.description)
            """).first().map { row in
                let code: String = try row.value("currency")
                guard let currency = Currency(code: code) else {
                    throw StoreError.corruptValue(column: "currency", value: code)
                }
                return AverageCost(unitCost: Money(minorUnits: try row.value("average_cost_minor"), currency: currency),
                                   quantity: Quantity(milli: try row.value("quantity_milli")))
            }
    }

    func save(_ cost: AverageCost, part: Part.ID) async throws {
        try await sql.raw("""
            INSERT INTO part_costs (part_id, average_cost_minor, quantity_milli)
            VALUES (\(bind: part.description), \(bind: cost.unitCost.minorUnits), \(bind: cost.quantity.milli))
            ON CONFLICT (part_id) DO UPDATE SET average_cost_minor = excluded.average_cost_minor,
                quantity_milli = excluded.quantity_milli
            """).run()
    }

    func valuation() async throws -> [(stock: SiteStock, averageCost: Money?)] {
        // Quantities and costs only: the value is computed once, in `Money`, with its rounding.
        try await sql.raw("""
            SELECT s.*, p.average_cost_minor, c.currency AS company_currency
            FROM site_stock s LEFT JOIN part_costs p ON p.part_id = s.part_id CROSS JOIN company c
            ORDER BY s.site_id, s.part_id
            """).all().map { row in
                let code: String = try row.value("company_currency")
                guard let currency = Currency(code: code) else {
                    throw StoreError.corruptValue(column: "currency", value: code)
                }
                let cost = try row.value("average_cost_minor", as: Int64?.self).map { Money(minorUnits: $0, currency: currency) }
                return (try Self.siteStock(row), cost)
            }
    }

    static func siteStock(_ row: any SQLRow) throws -> SiteStock {
        func quantity(_ column: String) throws -> Quantity { Quantity(milli: try row.value(column)) }
        return SiteStock(
            partID: try row.identifier("part_id"), siteID: try row.identifier("site_id"),
            unrestricted: try quantity("unrestricted_milli"), qualityHold: try quantity("quality_hold_milli"),
            damaged: try quantity("damaged_milli"), blocked: try quantity("blocked_milli"),
            inTransit: try quantity("in_transit_milli"), reserved: try quantity("reserved_milli"),
            backordered: try quantity("backordered_milli"))
    }
}

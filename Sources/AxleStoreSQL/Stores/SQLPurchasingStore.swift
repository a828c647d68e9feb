import AxleDomain
import AxleStore
import SQLKit

struct SQLPurchasingStore: PurchasingStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func save(_ offer: SupplierPart) async throws {
        let supplier = offer.supplierID.description, part = offer.partID.description
        try await sql.raw("""
            INSERT INTO supplier_parts (supplier_id, part_id, supplier_part_number, unit_price_minor,
                pack_multiple_milli, minimum_order_milli, quoted_lead_time_days)
            VALUES (\(bind: supplier), \(bind: part), \(bind: offer.supplierPartNumber),
                \(bind: offer.unitPrice.minorUnits), \(bind: offer.packMultiple.milli), \(bind: offer.minimumOrder.milli),
                \(bind: offer.quotedLeadTimeDays))
            ON CONFLICT (supplier_id, part_id) DO UPDATE SET supplier_part_number = excluded.supplier_part_number,
                unit_price_minor = excluded.unit_price_minor, pack_multiple_milli = excluded.pack_multiple_milli,
                minimum_order_milli = excluded.minimum_order_milli,
                quoted_lead_time_days = excluded.quoted_lead_time_days
            """).run()
        try await sql.raw("""
            DELETE FROM supplier_part_price_breaks WHERE supplier_id = \(bind: supplier) AND part_id = \(bind: part)
            """).run()
        for priceBreak in offer.priceBreaks {
            try await sql.raw("""
                INSERT INTO supplier_part_price_breaks (supplier_id, part_id, minimum_milli, unit_price_minor)
                VALUES (\(bind: supplier), \(bind: part), \(bind: priceBreak.minimum.milli),
                    \(bind: priceBreak.unitPrice.minorUnits))
                """).run()
        }
    }

    func supplierPart(supplier: Supplier.ID, part: Part.ID) async throws -> SupplierPart? {
        try await offers("o.supplier_id = \(bind: supplier.description) AND o.part_id = \(bind: part.description)").first
    }

    func supplierParts(part: Part.ID) async throws -> [SupplierPart] {
        try await offers("o.part_id = \(bind: part.description)")
    }

    private func offers(_ condition: SQLQueryString) async throws -> [SupplierPart] {
        let rows = try await sql.raw("""
            SELECT o.*, c.currency FROM supplier_parts o CROSS JOIN company c WHERE \(condition) ORDER BY o.supplier_id
            """).all()
        var offers: [SupplierPart] = []
        for row in rows {
            let currency = try Self.currency(row)
            let supplier: String = try row.value("supplier_id"), part: String = try row.value("part_id")
            let breaks = try await sql.raw("""
                SELECT minimum_milli, unit_price_minor FROM supplier_part_price_breaks
                WHERE supplier_id = \(bind: supplier) AND part_id = \(bind: part) ORDER BY minimum_milli
                """).all().map { row in
                    SupplierPart.PriceBreak(minimum: Quantity(milli: try row.value("minimum_milli")),
                                            unitPrice: Money(minorUnits: try row.value("unit_price_minor"), currency: currency))
                }
            offers.append(SupplierPart(
                supplierID: try row.identifier("supplier_id"), partID: try row.identifier("part_id"),
                supplierPartNumber: try row.value("supplier_part_number"),
                unitPrice: Money(minorUnits: try row.value("unit_price_minor"), currency: currency), priceBreaks: breaks,
                packMultiple: Quantity(milli: try row.value("pack_multiple_milli")),
                minimumOrder: Quantity(milli: try row.value("minimum_order_milli")),
                quotedLeadTimeDays: try row.value("quoted_lead_time_days")))
        }
        return offers
    }

    func policy(site: Site.ID) async throws -> PurchasingPolicy? {
        guard let row = try await sql.raw("""
            SELECT p.buyer_approval_limit_minor, c.currency FROM purchasing_policies p CROSS JOIN company c
            WHERE p.site_id = \(bind: site.description)
            """).first() else { return nil }
        return PurchasingPolicy(buyerApprovalLimit: Money(minorUnits: try row.value("buyer_approval_limit_minor"),
                                                          currency: try Self.currency(row)))
    }

    func save(_ policy: PurchasingPolicy, site: Site.ID) async throws {
        try await sql.raw("""
            INSERT INTO purchasing_policies (site_id, buyer_approval_limit_minor)
            VALUES (\(bind: site.description), \(bind: policy.buyerApprovalLimit.minorUnits))
            ON CONFLICT (site_id) DO UPDATE SET buyer_approval_limit_minor = excluded.buyer_approval_limit_minor
            """).run()
    }

    func insert(_ order: PurchaseOrder) async throws {
        let o = order
        try await sql.raw("""
            INSERT INTO purchase_orders (id, supplier_id, ship_to_site_id, kind, reason, status, approval_required,
                requested_by, requested_at_us, submitted_by, submitted_at_us, approved_by, approved_at_us, sent_by,
                sent_at_us, cancelled_by, cancelled_at_us)
            VALUES (\(bind: o.id.description), \(bind: o.supplierID.description), \(bind: o.shipToSiteID.description),
                \(bind: o.kind.rawValue), \(bind: o.reason), \(bind: o.status.rawValue), \(bind: o.approvalRequired),
                \(bind: o.requested.actorID.description), \(bind: o.requested.at.microseconds),
                \(bind: o.submitted?.actorID.description), \(bind: o.submitted?.at.microseconds),
                \(bind: o.approved?.actorID.description), \(bind: o.approved?.at.microseconds),
                \(bind: o.sent?.actorID.description), \(bind: o.sent?.at.microseconds),
                \(bind: o.cancelled?.actorID.description), \(bind: o.cancelled?.at.microseconds))
            """).run()
        for line in o.lines {
            try await sql.raw("""
                INSERT INTO purchase_order_lines (order_id, line_number, part_id, ordered_milli, received_milli,
                    cancelled_milli, unit_price_minor, promised_on, demand_kind, demand_reference)
                VALUES (\(bind: o.id.description), \(bind: line.number), \(bind: line.partID.description),
                    \(bind: line.ordered.milli), \(bind: line.received.milli), \(bind: line.cancelled.milli),
                    \(bind: line.unitPrice.minorUnits), \(bind: line.promisedOn.description),
                    \(bind: line.demand?.kind.rawValue), \(bind: line.demand?.reference))
                """).run()
        }
    }

    func update(_ order: PurchaseOrder) async throws {
        let o = order
        try await sql.raw("""
            UPDATE purchase_orders SET status = \(bind: o.status.rawValue), approval_required = \(bind: o.approvalRequired),
                submitted_by = \(bind: o.submitted?.actorID.description), submitted_at_us = \(bind: o.submitted?.at.microseconds),
                approved_by = \(bind: o.approved?.actorID.description), approved_at_us = \(bind: o.approved?.at.microseconds),
                sent_by = \(bind: o.sent?.actorID.description), sent_at_us = \(bind: o.sent?.at.microseconds),
                cancelled_by = \(bind: o.cancelled?.actorID.description),
                cancelled_at_us = \(bind: o.cancelled?.at.microseconds)
            WHERE id = \(bind: o.id.description)
            """).run()
        for line in o.lines {
            try await sql.raw("""
                UPDATE purchase_order_lines SET received_milli = \(bind: line.received.milli),
                    cancelled_milli = \(bind: line.cancelled.milli)
                WHERE order_id = \(bind: o.id.description) AND line_number = \(bind: line.number)
                """).run()
        }
    }

    func insert(_ receipts: [PurchaseOrderReceipt]) async throws {
        for receipt in receipts {
            try await sql.raw("""
                INSERT INTO purchase_order_receipts (id, order_id, line_number, quantity_milli, status, received_on,
                    received_at_us, received_by)
                VALUES (\(bind: receipt.id.description), \(bind: receipt.orderID.description), \(bind: receipt.lineNumber),
                    \(bind: receipt.quantity.milli), \(bind: receipt.status.rawValue), \(bind: receipt.receivedOn.description),
                    \(bind: receipt.received.at.microseconds), \(bind: receipt.received.actorID.description))
                """).run()
        }
    }

    func dueLines(supplier: Supplier.ID, from: CalendarDate, through: CalendarDate) async throws -> [DueLineRecord] {
        let rows = try await sql.raw("""
            SELECT o.ship_to_site_id, o.sent_at_us, l.ordered_milli, l.promised_on, r.received_on, r.quantity_milli,
                   l.order_id, l.line_number
            FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
            LEFT JOIN purchase_order_receipts r ON r.order_id = l.order_id AND r.line_number = l.line_number
            WHERE o.supplier_id = \(bind: supplier.description) AND o.sent_at_us IS NOT NULL
              AND l.promised_on >= \(bind: from.description) AND l.promised_on <= \(bind: through.description)
              AND NOT (l.received_milli = 0 AND l.cancelled_milli >= l.ordered_milli)
            ORDER BY l.order_id, l.line_number, r.received_on
            """).all()
        var records: [DueLineRecord] = []
        var current: (key: String, record: DueLineRecord)?
        for row in rows {
            let key = "\(try row.value("order_id", as: String.self))/\(try row.value("line_number", as: Int.self))"
            if current?.key != key {
                if let done = current { records.append(done.record) }
                current = (key, DueLineRecord(
                    shipToSiteID: try row.identifier("ship_to_site_id"), sentAt: try row.instant("sent_at_us"),
                    ordered: Quantity(milli: try row.value("ordered_milli")),
                    promisedOn: try Self.date(row, "promised_on"), receipts: []))
            }
            if let quantity = try row.value("quantity_milli", as: Int64?.self), let record = current?.record {
                current?.record = DueLineRecord(
                    shipToSiteID: record.shipToSiteID, sentAt: record.sentAt, ordered: record.ordered,
                    promisedOn: record.promisedOn,
                    receipts: record.receipts + [SupplierPerformance.Receipt(on: try Self.date(row, "received_on"),
                                                                            quantity: Quantity(milli: quantity))])
            }
        }
        if let done = current { records.append(done.record) }
        return records
    }

    private static func date(_ row: any SQLRow, _ column: String) throws -> CalendarDate {
        let text: String = try row.value(column)
        guard let date = CalendarDate(text) else { throw StoreError.corruptValue(column: column, value: text) }
        return date
    }

    func find(id: PurchaseOrder.ID, forUpdate: Bool) async throws -> PurchaseOrder? {
        // Only the order row is locked, not the company row it is joined with.
        let lock: SQLQueryString = forUpdate && !dialect.lockRows.isEmpty ? "\(unsafeRaw: dialect.lockRows) OF o" : ""
        guard let row = try await sql.raw("""
            SELECT o.*, c.currency FROM purchase_orders o CROSS JOIN company c WHERE o.id = \(bind: id.description)\(lock)
            """).first() else { return nil }
        return try await order(row)
    }

    func list(site: Site.ID?, supplier: Supplier.ID?, status: PurchaseOrderStatus?, _ page: PageRequest<String>)
        async throws -> [PurchaseOrder]
    {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let site { conditions.append("o.ship_to_site_id = \(bind: site.description)") }
        if let supplier { conditions.append("o.supplier_id = \(bind: supplier.description)") }
        if let status { conditions.append("o.status = \(bind: status.rawValue)") }
        if let after = page.after { conditions.append("o.id < \(bind: after)") }
        let rows = try await sql.raw("""
            SELECT o.*, c.currency FROM purchase_orders o CROSS JOIN company c
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY o.id DESC LIMIT \(literal: page.limit)
            """).all()
        var orders: [PurchaseOrder] = []
        for row in rows { orders.append(try await order(row)) }
        return orders
    }

    private func order(_ row: any SQLRow) async throws -> PurchaseOrder {
        let currency = try Self.currency(row)
        let id: PurchaseOrder.ID = try row.identifier("id")
        let lines = try await sql.raw("""
            SELECT * FROM purchase_order_lines WHERE order_id = \(bind: id.description) ORDER BY line_number
            """).all().map { try Self.line($0, currency: currency) }
        return PurchaseOrder(
            id: id, supplierID: try row.identifier("supplier_id"), shipToSiteID: try row.identifier("ship_to_site_id"),
            kind: try row.enumeration("kind"), reason: try row.value("reason"), status: try row.enumeration("status"),
            lines: lines, requested: try Self.step(row, "requested")!, submitted: try Self.step(row, "submitted"),
            approvalRequired: try row.value("approval_required"), approved: try Self.step(row, "approved"),
            sent: try Self.step(row, "sent"), cancelled: try Self.step(row, "cancelled"))
    }

    private static func line(_ row: any SQLRow, currency: Currency) throws -> PurchaseOrderLine {
        let promisedOn = try date(row, "promised_on")
        var demand: Demand?
        if let kind = try row.value("demand_kind", as: String?.self) {
            guard let kind = Demand.Kind(rawValue: kind) else { throw StoreError.corruptValue(column: "demand_kind", value: kind) }
            demand = Demand(kind: kind, reference: try row.value("demand_reference"))
        }
        return PurchaseOrderLine(
            number: try row.value("line_number"), partID: try row.identifier("part_id"),
            ordered: Quantity(milli: try row.value("ordered_milli")), received: Quantity(milli: try row.value("received_milli")),
            cancelled: Quantity(milli: try row.value("cancelled_milli")),
            unitPrice: Money(minorUnits: try row.value("unit_price_minor"), currency: currency), promisedOn: promisedOn,
            demand: demand)
    }

    private static func currency(_ row: any SQLRow) throws -> Currency {
        let code: String = try row.value("currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        return currency
    }

    /// The step recorded in `<name>_by` and `<name>_at_us`, nil when it was not taken.
    private static func step(_ row: any SQLRow, _ name: String) throws -> PurchaseOrder.Step? {
        guard let actor = try row.value("\(name)_by", as: String?.self) else { return nil }
        guard let actorID = Principal.ID(actor) else { throw StoreError.corruptValue(column: "\(name)_by", value: actor) }
        return PurchaseOrder.Step(actorID: actorID, at: try row.instant("\(name)_at_us"))
    }
}

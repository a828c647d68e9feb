import AxleDomain
import AxleStore
import SQLKit

/// Repair orders with their labor and part lines. Time entries are in `SQLRepairOrderStore+TimeEntries`.
struct SQLRepairOrderStore: RepairOrderStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    /// Every read joins the company row: amounts are stored in minor units of its currency.
    private static let select: SQLQueryString = "SELECT r.*, c.currency FROM repair_orders r CROSS JOIN company c"

    private static let laborColumns = ["id", "operation_id", "description", "hours_milli", "skill", "technician_id",
                                       "state"]
    private static let partColumns = ["id", "part_id", "quantity_milli", "unit_price_minor", "reservation_id", "state",
                                      "filled_at_approval"]

    private var laborLines: ChildRows { ChildRows(sql: sql, table: "repair_order_labor", parent: "repair_order_id") }
    private var partLines: ChildRows { ChildRows(sql: sql, table: "repair_order_parts", parent: "repair_order_id") }

    func nextNumber() async throws -> Int64 {
        // The update locks the counter row until commit on PostgreSQL, so concurrent openings
        // take numbers one after another; a rolled-back opening gives its number back.
        guard let row = try await sql.raw("""
            UPDATE document_numbers SET last_number = last_number + 1 WHERE document_type = 'repair_order'
            RETURNING last_number
            """).first() else { throw StoreError.rowNotFound(entity: "document_numbers", id: "repair_order") }
        return try row.value("last_number")
    }

    func insert(_ orders: [RepairOrder]) async throws {
        try await Batch.each(orders) { chunk in
            var insert = sql.insert(into: "repair_orders").columns(Self.columns)
            for order in chunk { insert = insert.values(Self.values(order)) }
            try await insert.run()
        }
        try await writeLines(of: orders, replacing: false)
    }

    func update(_ order: RepairOrder) async throws {
        var update = sql.update("repair_orders").where("id", .equal, order.id.description)
        for (column, value) in zip(Self.columns, Self.values(order)).dropFirst(Self.immutableColumnCount) {
            update = update.set(column, to: value)
        }
        try await update.run()
        let id = order.id.description
        try await sql.raw("""
            DELETE FROM repair_order_labor WHERE repair_order_id = \(bind: id)
                AND id NOT IN (\(binds: [""] + order.laborLines.map(\.id.description)))
            """).run()
        try await sql.raw("""
            DELETE FROM repair_order_parts WHERE repair_order_id = \(bind: id)
                AND id NOT IN (\(binds: [""] + order.partLines.map(\.id.description)))
            """).run()
        try await writeLines(of: [order], replacing: true)
    }

    func find(id: RepairOrder.ID, forUpdate: Bool) async throws -> RepairOrder? {
        // Only the order's row is locked, not the company row it is joined with.
        let lock: SQLQueryString = forUpdate && !dialect.lockRows.isEmpty ? "\(unsafeRaw: dialect.lockRows) OF r" : ""
        return try await orders(sql.raw("\(Self.select) WHERE r.id = \(bind: id.description)\(lock)")).first
    }

    func list(site: Site.ID?, status: RepairOrderStatus?, _ page: PageRequest<String>) async throws -> [RepairOrder] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let site { conditions.append("r.site_id = \(bind: site.description)") }
        if let status { conditions.append("r.status = \(bind: status.rawValue)") }
        if let after = page.after { conditions.append("r.id < \(bind: after)") }
        // Identifiers are version-7 UUIDs: their order is the order of opening.
        return try await orders(sql.raw("""
            \(Self.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.id DESC LIMIT \(literal: page.limit)
            """))
    }

    func open(site: Site.ID) async throws -> [RepairOrder] {
        let open = RepairOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        return try await orders(sql.raw("""
            \(Self.select) WHERE r.site_id = \(bind: site.description) AND r.status IN (\(binds: open))
            ORDER BY r.opened_at_us, r.id
            """))
    }

    func opened(site: Site.ID, within period: Period) async throws -> [RepairOrder] {
        try await orders(sql.raw("""
            \(Self.select) WHERE r.site_id = \(bind: site.description)
              AND r.opened_at_us >= \(bind: period.start.microseconds) AND r.opened_at_us < \(bind: period.end.microseconds)
            ORDER BY r.opened_at_us, r.id
            """))
    }

    func completed(site: Site.ID, within period: Period) async throws -> [RepairOrder] {
        try await orders(sql.raw("""
            \(Self.select) WHERE r.site_id = \(bind: site.description)
              AND r.completed_at_us >= \(bind: period.start.microseconds)
              AND r.completed_at_us < \(bind: period.end.microseconds)
            ORDER BY r.completed_at_us, r.id
            """))
    }

    func forVehicle(_ vehicle: Vehicle.ID, openedWithin period: Period) async throws -> [RepairOrder] {
        try await orders(sql.raw("""
            \(Self.select) WHERE r.vehicle_id = \(bind: vehicle.description)
              AND r.opened_at_us >= \(bind: period.start.microseconds) AND r.opened_at_us < \(bind: period.end.microseconds)
            ORDER BY r.opened_at_us, r.id
            """))
    }

    // MARK: Writing

    /// The columns set when an order is opened come first; `update` writes the others.
    private static let columns = [
        "id", "number", "site_id", "customer_id", "vehicle_id", "appointment_id", "concern", "opened_by", "opened_at_us",
        "status", "mileage", "approved_by", "approval_method", "approved_at_us", "approval_recorded_by",
        "approved_total_minor", "parts_cost_minor", "invoice_parts_minor", "invoice_labor_minor", "invoice_tax_minor",
        "invoice_cost_of_parts_minor", "invoiced_at_us", "completed_at_us", "closed_at_us", "cancelled_at_us",
        "updated_at_us",
    ]
    private static let immutableColumnCount = 9

    private static func values(_ order: RepairOrder) -> [any Encodable & Sendable] {
        let approval = order.approval, invoice = order.invoice
        return [
            order.id.description, order.number, order.siteID.description, order.customerID.description,
            order.vehicleID.description, order.appointmentID?.description, order.concern, order.openedBy.description,
            order.openedAt.microseconds,
            order.status.rawValue, order.mileage, approval?.approvedBy, approval?.method.rawValue,
            approval?.at.microseconds, approval?.recordedBy.description, order.approvedTotal?.minorUnits,
            order.partsCost?.minorUnits,
            invoice?.totals.parts.minorUnits, invoice?.totals.labor.minorUnits, invoice?.totals.tax.minorUnits,
            invoice?.costOfParts.minorUnits, invoice?.invoicedAt.microseconds, order.completedAt?.microseconds,
            order.closedAt?.microseconds, order.cancelledAt?.microseconds, order.updatedAt.microseconds,
        ]
    }

    /// Writes the orders' lines in order; `replacing` overwrites lines that exist already (by id).
    private func writeLines(of orders: [RepairOrder], replacing: Bool) async throws {
        let labor = orders.flatMap { order in
            order.laborLines.map { line -> ChildRows.Row in
                (order.id.description, [line.id.description, line.operationID?.description, line.description,
                                        line.hours.milli, line.skill.rawValue, line.technicianID?.description,
                                        line.state.rawValue])
            }
        }
        let parts = orders.flatMap { order in
            order.partLines.map { line -> ChildRows.Row in
                (order.id.description, [line.id.description, line.partID.description, line.quantity.milli,
                                        line.unitPrice.minorUnits, line.reservationID?.description, line.state.rawValue,
                                        line.filledAtApproval])
            }
        }
        try await laborLines.insert(columns: Self.laborColumns, labor, replacingOn: replacing ? "id" : nil)
        try await partLines.insert(columns: Self.partColumns, parts, replacingOn: replacing ? "id" : nil)
    }

    // MARK: Reading

    /// The orders `query` selects, in its order, with their lines.
    private func orders(_ query: SQLRawBuilder) async throws -> [RepairOrder] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.value("id", as: String.self) }
        let laborRows = try await laborLines.select(ids), partRows = try await partLines.select(ids)
        return try rows.map { row in
            let id: String = try row.value("id"), currency = try row.currency()
            return try Self.order(row, currency: currency,
                                  labor: try (laborRows[id] ?? []).map(Self.laborLine),
                                  parts: try (partRows[id] ?? []).map { try Self.partLine($0, currency: currency) })
        }
    }

    private static func order(_ row: any SQLRow, currency: Currency, labor: [LaborLine],
                              parts: [PartLine]) throws -> RepairOrder {
        let money = { (minor: Int64) in Money(minorUnits: minor, currency: currency) }
        var approval: CustomerApproval?
        if let approvedBy = try row.value("approved_by", as: String?.self) {
            approval = CustomerApproval(approvedBy: approvedBy, method: try row.enumeration("approval_method"),
                                        at: try row.instant("approved_at_us"),
                                        recordedBy: try row.identifier("approval_recorded_by"))
        }
        var invoice: Invoice?
        if let invoicedAt = try row.optionalInstant("invoiced_at_us") {
            let totals = try Totals(parts: money(try row.value("invoice_parts_minor")),
                                labor: money(try row.value("invoice_labor_minor")),
                                tax: money(try row.value("invoice_tax_minor")))
            invoice = try Invoice(totals: totals, costOfParts: money(try row.value("invoice_cost_of_parts_minor")),
                              invoicedAt: invoicedAt)
        }
        return RepairOrder(
            id: try row.identifier("id"), number: try row.value("number"), siteID: try row.identifier("site_id"),
            customerID: try row.identifier("customer_id"), vehicleID: try row.identifier("vehicle_id"),
            appointmentID: try row.optionalIdentifier("appointment_id"), status: try row.enumeration("status"),
            concern: try row.value("concern"), mileage: try row.value("mileage", as: Int64?.self),
            laborLines: labor, partLines: parts, approval: approval,
            approvedTotal: try row.value("approved_total_minor", as: Int64?.self).map(money),
            partsCost: try row.value("parts_cost_minor", as: Int64?.self).map(money), invoice: invoice,
            openedBy: try row.identifier("opened_by"), openedAt: try row.instant("opened_at_us"),
            completedAt: try row.optionalInstant("completed_at_us"), closedAt: try row.optionalInstant("closed_at_us"),
            cancelledAt: try row.optionalInstant("cancelled_at_us"), updatedAt: try row.instant("updated_at_us"))
    }

    private static func laborLine(_ row: any SQLRow) throws -> LaborLine {
        LaborLine(id: try row.identifier("id"), operationID: try row.optionalIdentifier("operation_id"),
                  description: try row.value("description"), hours: try row.quantity("hours_milli"),
                  skill: try row.enumeration("skill"), technicianID: try row.optionalIdentifier("technician_id"),
                  state: try row.enumeration("state"))
    }

    private static func partLine(_ row: any SQLRow, currency: Currency) throws -> PartLine {
        PartLine(id: try row.identifier("id"), partID: try row.identifier("part_id"),
                 quantity: try row.quantity("quantity_milli"),
                 unitPrice: Money(minorUnits: try row.value("unit_price_minor"), currency: currency),
                 reservationID: try row.optionalIdentifier("reservation_id"), state: try row.enumeration("state"),
                 filledAtApproval: try row.value("filled_at_approval", as: Bool?.self))
    }
}

import AxleDomain
import AxleStore
import SQLKit

/// Appointments with their requested operations and their reservations, each in order.
struct SQLAppointmentStore: AppointmentStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    private var operations: ChildRows { ChildRows(sql: sql, table: "appointment_operations", parent: "appointment_id") }
    private var reservations: ChildRows {
        ChildRows(sql: sql, table: "appointment_reservations", parent: "appointment_id")
    }

    func insert(_ appointments: [Appointment]) async throws {
        try await Batch.each(appointments) { chunk in
            var insert = sql.insert(into: "appointments").columns(
                "id", "site_id", "customer_id", "vehicle_id", "technician_id", "bay_id", "start_at_us", "end_at_us",
                "status", "concern", "repair_order_id", "created_by", "created_at_us", "updated_at_us")
            for a in chunk {
                insert = insert.values([
                    a.id.description, a.siteID.description, a.customerID.description, a.vehicleID.description,
                    a.technicianID.description, a.bayID.description, a.period.start.microseconds,
                    a.period.end.microseconds, a.status.rawValue, a.concern, a.repairOrderID?.description,
                    a.createdBy.description, a.createdAt.microseconds, a.updatedAt.microseconds,
                ])
            }
            try await insert.run()
        }
        try await operations.insert(columns: ["operation_id"], appointments.flatMap { a in
            a.operationIDs.map { id -> ChildRows.Row in (a.id.description, [id.description]) }
        })
        try await insertReservations(of: appointments)
    }

    func update(_ appointment: Appointment) async throws {
        let a = appointment
        try await sql.raw("""
            UPDATE appointments SET technician_id = \(bind: a.technicianID.description),
                bay_id = \(bind: a.bayID.description), start_at_us = \(bind: a.period.start.microseconds),
                end_at_us = \(bind: a.period.end.microseconds), status = \(bind: a.status.rawValue),
                repair_order_id = \(bind: a.repairOrderID?.description), updated_at_us = \(bind: a.updatedAt.microseconds)
            WHERE id = \(bind: a.id.description)
            """).run()
        try await reservations.delete([a.id.description])
        try await insertReservations(of: [a])
    }

    func find(id: Appointment.ID, forUpdate: Bool) async throws -> Appointment? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await appointments(sql.raw("SELECT * FROM appointments WHERE id = \(bind: id.description)\(lock)"))
            .first
    }

    func list(site: Site.ID, starting period: Period, status: Appointment.Status?) async throws -> [Appointment] {
        var conditions: [SQLQueryString] = [
            "site_id = \(bind: site.description)", "start_at_us >= \(bind: period.start.microseconds)",
            "start_at_us < \(bind: period.end.microseconds)",
        ]
        if let status { conditions.append("status = \(bind: status.rawValue)") }
        return try await appointments(sql.raw("""
            SELECT * FROM appointments WHERE \(conditions.joined(separator: " AND ")) ORDER BY start_at_us, id
            """))
    }

    private func insertReservations(of appointments: [Appointment]) async throws {
        try await reservations.insert(columns: ["reservation_id"], appointments.flatMap { a in
            a.reservationIDs.map { id -> ChildRows.Row in (a.id.description, [id.description]) }
        })
    }

    /// The appointments `query` selects, in its order, with their operations and reservations.
    private func appointments(_ query: SQLRawBuilder) async throws -> [Appointment] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.value("id", as: String.self) }
        let operationRows = try await operations.select(ids), reservationRows = try await reservations.select(ids)
        return try rows.map { row in
            let id: String = try row.value("id")
            return Appointment(
                id: try row.identifier("id"), siteID: try row.identifier("site_id"),
                customerID: try row.identifier("customer_id"), vehicleID: try row.identifier("vehicle_id"),
                operationIDs: try (operationRows[id] ?? []).map { try $0.identifier("operation_id") },
                technicianID: try row.identifier("technician_id"), bayID: try row.identifier("bay_id"),
                period: try row.period(), status: try row.enumeration("status"), concern: try row.value("concern"),
                reservationIDs: try (reservationRows[id] ?? []).map { try $0.identifier("reservation_id") },
                repairOrderID: try row.optionalIdentifier("repair_order_id"), createdBy: try row.identifier("created_by"),
                createdAt: try row.instant("created_at_us"), updatedAt: try row.instant("updated_at_us"))
        }
    }
}

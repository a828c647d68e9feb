import AxleDomain
import AxleStore
import SQLKit

/// Time clocked on repair orders' labor lines.
extension SQLRepairOrderStore {
    func insert(_ entries: [TimeEntry]) async throws {
        try await Batch.each(entries) { chunk in
            var insert = sql.insert(into: "time_entries").columns(
                "id", "repair_order_id", "labor_line_id", "technician_id", "start_at_us", "end_at_us")
            for entry in chunk {
                insert = insert.values([
                    entry.id.description, entry.repairOrderID.description, entry.laborLineID.description,
                    entry.technicianID.description, entry.start.microseconds, entry.end?.microseconds,
                ])
            }
            try await insert.run()
        }
    }

    func update(_ entry: TimeEntry) async throws {
        try await sql.raw("""
            UPDATE time_entries SET end_at_us = \(bind: entry.end?.microseconds) WHERE id = \(bind: entry.id.description)
            """).run()
    }

    func openEntry(technician: Technician.ID) async throws -> TimeEntry? {
        try await sql.raw("""
            SELECT * FROM time_entries WHERE technician_id = \(bind: technician.description) AND end_at_us IS NULL
            """).first().map(Self.entry)
    }

    func entries(of order: RepairOrder.ID) async throws -> [TimeEntry] {
        try await sql.raw("""
            SELECT * FROM time_entries WHERE repair_order_id = \(bind: order.description) ORDER BY start_at_us, id
            """).all().map(Self.entry)
    }

    func entries(site: Site.ID, within period: Period) async throws -> [TimeEntry] {
        try await sql.raw("""
            SELECT e.* FROM time_entries e JOIN technicians t ON t.id = e.technician_id
            WHERE t.site_id = \(bind: site.description)
              AND e.start_at_us >= \(bind: period.start.microseconds) AND e.start_at_us < \(bind: period.end.microseconds)
            ORDER BY e.start_at_us, e.id
            """).all().map(Self.entry)
    }

    static func entry(_ row: any SQLRow) throws -> TimeEntry {
        TimeEntry(id: try row.identifier("id"), repairOrderID: try row.identifier("repair_order_id"),
                  laborLineID: try row.identifier("labor_line_id"), technicianID: try row.identifier("technician_id"),
                  start: try row.instant("start_at_us"), end: try row.optionalInstant("end_at_us"))
    }
}

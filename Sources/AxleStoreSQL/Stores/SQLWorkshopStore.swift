import AxleDomain
import AxleStore
import SQLKit

/// Technicians with their skills and shifts, their absences, and bays with their opening hours.
struct SQLWorkshopStore: WorkshopStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    private var skills: ChildRows {
        ChildRows(sql: sql, table: "technician_skills", parent: "technician_id", numbered: false)
    }
    private var shifts: ChildRows { ChildRows(sql: sql, table: "technician_shifts", parent: "technician_id") }
    private var hours: ChildRows { ChildRows(sql: sql, table: "bay_hours", parent: "bay_id") }

    // MARK: Technicians

    func insert(_ technicians: [Technician]) async throws {
        try await Batch.each(technicians) { chunk in
            var insert = sql.insert(into: "technicians").columns("id", "site_id", "name", "principal_id")
            for technician in chunk {
                insert = insert.values([technician.id.description, technician.siteID.description, technician.name,
                                        technician.principalID?.description])
            }
            try await insert.run()
        }
        try await insertCalendars(of: technicians)
    }

    func update(_ technician: Technician) async throws {
        try await sql.raw("""
            UPDATE technicians SET site_id = \(bind: technician.siteID.description), name = \(bind: technician.name),
                principal_id = \(bind: technician.principalID?.description)
            WHERE id = \(bind: technician.id.description)
            """).run()
        try await skills.delete([technician.id.description])
        try await shifts.delete([technician.id.description])
        try await insertCalendars(of: [technician])
    }

    func technician(id: Technician.ID, forUpdate: Bool) async throws -> Technician? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await technicians(sql.raw("SELECT * FROM technicians WHERE id = \(bind: id.description)\(lock)"))
            .first
    }

    func technician(principal: Principal.ID) async throws -> Technician? {
        try await technicians(sql.raw("SELECT * FROM technicians WHERE principal_id = \(bind: principal.description)"))
            .first
    }

    func technicians(site: Site.ID) async throws -> [Technician] {
        // Names sort byte-wise on both backends, as codes do.
        try await technicians(sql.raw("""
            SELECT * FROM technicians WHERE site_id = \(bind: site.description)
            ORDER BY name \(unsafeRaw: dialect == .postgres ? "COLLATE \"C\"" : ""), id
            """))
    }

    private func insertCalendars(of technicians: [Technician]) async throws {
        try await skills.insert(columns: ["skill"], technicians.flatMap { technician in
            technician.skills.map(\.rawValue).map { skill -> ChildRows.Row in (technician.id.description, [skill]) }
        })
        try await shifts.insert(columns: WorkingWindowColumns.names, technicians.flatMap { technician in
            technician.shifts.map { window -> ChildRows.Row in
                (technician.id.description, WorkingWindowColumns.values(window))
            }
        })
    }

    /// The technicians `query` selects, in its order, with their skills and shifts.
    private func technicians(_ query: SQLRawBuilder) async throws -> [Technician] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.value("id", as: String.self) }
        let skillRows = try await skills.select(ids), shiftRows = try await shifts.select(ids)
        return try rows.map { row in
            let id: String = try row.value("id")
            return Technician(
                id: try row.identifier("id"), siteID: try row.identifier("site_id"), name: try row.value("name"),
                skills: Set(try (skillRows[id] ?? []).map { try $0.enumeration("skill", as: Skill.self) }),
                shifts: try (shiftRows[id] ?? []).map(WorkingWindowColumns.window),
                principalID: try row.optionalIdentifier("principal_id"))
        }
    }

    // MARK: Absences

    func insert(_ absences: [Absence]) async throws {
        try await Batch.each(absences) { chunk in
            var insert = sql.insert(into: "absences").columns("id", "technician_id", "start_at_us", "end_at_us", "reason")
            for absence in chunk {
                insert = insert.values([absence.id.description, absence.technicianID.description,
                                        absence.period.start.microseconds, absence.period.end.microseconds, absence.reason])
            }
            try await insert.run()
        }
    }

    func absences(of technicians: [Technician.ID], overlapping period: Period) async throws -> [Absence] {
        guard !technicians.isEmpty else { return [] }
        return try await sql.raw("""
            SELECT * FROM absences
            WHERE technician_id IN (\(binds: technicians.map(\.description)))
              AND end_at_us > \(bind: period.start.microseconds) AND start_at_us < \(bind: period.end.microseconds)
            ORDER BY technician_id, start_at_us, id
            """).all().map { row in
                Absence(id: try row.identifier("id"), technicianID: try row.identifier("technician_id"),
                        period: try row.period(), reason: try row.value("reason"))
            }
    }

    // MARK: Bays

    func insert(_ bays: [Bay]) async throws {
        try await Batch.each(bays) { chunk in
            var insert = sql.insert(into: "bays").columns("id", "site_id", "code", "type")
            for bay in chunk {
                insert = insert.values([bay.id.description, bay.siteID.description, bay.code.rawValue, bay.type.rawValue])
            }
            try await insert.run()
        }
        try await insertHours(of: bays)
    }

    func update(_ bay: Bay) async throws {
        try await sql.raw("""
            UPDATE bays SET code = \(bind: bay.code.rawValue), type = \(bind: bay.type.rawValue)
            WHERE id = \(bind: bay.id.description)
            """).run()
        try await hours.delete([bay.id.description])
        try await insertHours(of: [bay])
    }

    func bay(id: Bay.ID, forUpdate: Bool) async throws -> Bay? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await bays(sql.raw("SELECT * FROM bays WHERE id = \(bind: id.description)\(lock)")).first
    }

    func bays(site: Site.ID) async throws -> [Bay] {
        try await bays(sql.raw("SELECT * FROM bays WHERE site_id = \(bind: site.description) ORDER BY code"))
    }

    private func insertHours(of bays: [Bay]) async throws {
        try await hours.insert(columns: WorkingWindowColumns.names, bays.flatMap { bay in
            bay.hours.map { window -> ChildRows.Row in (bay.id.description, WorkingWindowColumns.values(window)) }
        })
    }

    /// The bays `query` selects, in its order, with their opening hours.
    private func bays(_ query: SQLRawBuilder) async throws -> [Bay] {
        let rows = try await query.all()
        let hourRows = try await hours.select(try rows.map { try $0.value("id", as: String.self) })
        return try rows.map { row in
            Bay(id: try row.identifier("id"), siteID: try row.identifier("site_id"), code: try row.code("code"),
                type: try row.enumeration("type"),
                hours: try (hourRows[try row.value("id", as: String.self)] ?? []).map(WorkingWindowColumns.window))
        }
    }
}

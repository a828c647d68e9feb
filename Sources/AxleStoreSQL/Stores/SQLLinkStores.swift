import AxleDomain
import AxleStore
import SQLKit

struct SQLSupersessionStore: SupersessionStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func lockChains() async throws {
        // SQLite has one writer at a time already; PostgreSQL needs an explicit lock.
        guard dialect == .postgres else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: AdvisoryLock.supersessionChains))").run()
    }

    func insert(_ supersessions: [Supersession]) async throws {
        try await Batch.each(supersessions) { chunk in
            var insert = sql.insert(into: "supersessions").columns(
                "id", "part_id", "replacement_id", "interchangeability", "effective_on", "use_up_old_stock")
            for link in chunk {
                insert = insert.values([link.id.description, link.partID.description, link.replacementID.description,
                                        link.interchangeability.rawValue, link.effectiveOn.description,
                                        link.useUpOldStock])
            }
            try await insert.run()
        }
    }

    func chains(from starts: [Part.ID]) async throws -> [Supersession] {
        guard !starts.isEmpty else { return [] }
        // The depth bound stops a corrupt cyclic chain from recursing forever.
        return try await sql.raw("""
            WITH RECURSIVE chain (id, part_id, replacement_id, interchangeability, effective_on,
                                  use_up_old_stock, depth) AS (
                SELECT s.id, s.part_id, s.replacement_id, s.interchangeability, s.effective_on, s.use_up_old_stock, 1
                FROM supersessions s WHERE s.part_id IN (\(binds: starts.map(\.description)))
                UNION
                SELECT s.id, s.part_id, s.replacement_id, s.interchangeability, s.effective_on, s.use_up_old_stock,
                       c.depth + 1
                FROM supersessions s JOIN chain c ON s.part_id = c.replacement_id
                WHERE c.depth < \(literal: SupersessionGraph.maximumChainLength)
            )
            SELECT DISTINCT id, part_id, replacement_id, interchangeability, effective_on, use_up_old_stock FROM chain
            """).all().map(Self.supersession)
    }

    func family(of parts: [Part.ID]) async throws -> [Supersession] {
        // Breadth first over the links touching the parts found so far: one indexed statement per
        // step, and for most parts (which have no links) one in all. A recursive query did the
        // same in one statement but cost PostgreSQL more to plan and run than the whole rest of
        // a reservation. A family is one tree (a part has at most one replacement), so the parts
        // linked in either direction are exactly its members; the step bound stops a corrupt cycle.
        var links: [Supersession.ID: Supersession] = [:]
        var reached = Set(parts)
        var frontier = Array(reached)
        var steps = 0
        while !frontier.isEmpty, steps < 2 * SupersessionGraph.maximumChainLength {
            let ends = frontier.map(\.description)
            let touching = try await sql.raw("""
                SELECT * FROM supersessions WHERE part_id IN (\(binds: ends)) OR replacement_id IN (\(binds: ends))
                """).all().map(Self.supersession)
            frontier = []
            for link in touching where links.updateValue(link, forKey: link.id) == nil {
                for end in [link.partID, link.replacementID] where reached.insert(end).inserted {
                    frontier.append(end)
                }
            }
            steps += 1
        }
        return links.values.sorted {
            ($0.effectiveOn.description, $0.id.description) < ($1.effectiveOn.description, $1.id.description)
        }
    }

    func predecessors(of part: Part.ID) async throws -> [Supersession] {
        try await sql.raw("SELECT * FROM supersessions WHERE replacement_id = \(bind: part.description) ORDER BY id")
            .all().map(Self.supersession)
    }

    static func supersession(_ row: any SQLRow) throws -> Supersession {
        let effective: String = try row.value("effective_on")
        guard let date = CalendarDate(effective) else {
            throw StoreError.corruptValue(column: "effective_on", value: effective)
        }
        return Supersession(id: try row.identifier("id"), partID: try row.identifier("part_id"),
                            replacementID: try row.identifier("replacement_id"),
                            interchangeability: try row.enumeration("interchangeability"), effectiveOn: date,
                            useUpOldStock: try row.value("use_up_old_stock"))
    }
}

struct SQLSubstituteStore: SubstituteStore {
    let sql: any SQLDatabase

    func insert(_ substitutes: [Substitute]) async throws {
        try await Batch.each(substitutes) { chunk in
            var insert = sql.insert(into: "substitutes").columns("id", "part_id", "substitute_id", "rule", "note")
            for item in chunk {
                insert = insert.values([item.id.description, item.partID.description, item.substituteID.description,
                                        item.rule.rawValue, item.note])
            }
            try await insert.run()
        }
    }

    func list(for part: Part.ID) async throws -> [Substitute] {
        try await sql.raw("SELECT * FROM substitutes WHERE part_id = \(bind: part.description) ORDER BY id").all()
            .map { row in
                Substitute(id: try row.identifier("id"), partID: try row.identifier("part_id"),
                           substituteID: try row.identifier("substitute_id"), rule: try row.enumeration("rule"),
                           note: try row.value("note"))
            }
    }
}

struct SQLFitmentStore: FitmentStore {
    let sql: any SQLDatabase

    func insert(_ fitments: [Fitment]) async throws {
        try await Batch.each(fitments) { chunk in
            var insert = sql.insert(into: "fitments").columns(
                "id", "part_id", "make", "make_key", "model", "model_key", "year_from", "year_to", "engine",
                "engine_key")
            for item in chunk {
                insert = insert.values([
                    item.id.description, item.partID.description, item.make, item.make.lowercased(), item.model,
                    item.model.lowercased(), item.years.lowerBound, item.years.upperBound, item.engine,
                    item.engine?.lowercased(),
                ])
            }
            try await insert.run()
        }
    }

    func list(for part: Part.ID) async throws -> [Fitment] {
        try await sql.raw("""
            SELECT * FROM fitments WHERE part_id = \(bind: part.description) ORDER BY make_key, model_key, year_from
            """).all().map { row in
                Fitment(id: try row.identifier("id"), partID: try row.identifier("part_id"), make: try row.value("make"),
                        model: try row.value("model"),
                        years: try row.value("year_from", as: Int.self)...row.value("year_to", as: Int.self),
                        engine: try row.value("engine", as: String?.self))
            }
    }

    func partsFitting(_ vehicle: VehicleDescription, _ page: PageRequest<PartNumber>) async throws -> [Part] {
        var conditions: [SQLQueryString] = [
            "f.make_key = \(bind: vehicle.make.lowercased())",
            "f.year_from <= \(bind: vehicle.year) AND f.year_to >= \(bind: vehicle.year)",
        ]
        if let model = vehicle.model { conditions.append("f.model_key = \(bind: model.lowercased())") }
        if let engine = vehicle.engine {
            conditions.append("(f.engine_key IS NULL OR f.engine_key = \(bind: engine.lowercased()))")
        }
        let condition = conditions.joined(separator: " AND ")
        // IN, not a correlated EXISTS: SQLite then reads the vehicle's fitments once by the
        // (make, year) index instead of once per part.
        return try await sql.raw("""
            SELECT p.*, c.currency AS company_currency FROM parts p CROSS JOIN company c
            WHERE p.number > \(bind: page.after?.rawValue ?? "")
              AND p.id IN (SELECT f.part_id FROM fitments f WHERE \(condition))
            ORDER BY p.number LIMIT \(literal: page.limit)
            """).all().map(SQLPartStore.part)
    }
}

struct SQLVehicleStore: VehicleStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func insert(_ vehicles: [Vehicle]) async throws {
        try await Batch.each(vehicles) { chunk in
            var insert = sql.insert(into: "vehicles").columns("id", "vin", "make", "model", "model_year", "engine")
            for item in chunk {
                insert = insert.values([item.id.description, item.vin.rawValue, item.make, item.model,
                                        item.modelYear, item.engine])
            }
            try await insert.run()
        }
    }

    func find(vin: VIN) async throws -> Vehicle? {
        try await sql.raw("SELECT * FROM vehicles WHERE vin = \(bind: vin.rawValue)").first().map(Self.vehicle)
    }

    func find(id: Vehicle.ID, forUpdate: Bool) async throws -> Vehicle? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await sql.raw("SELECT * FROM vehicles WHERE id = \(bind: id.description)\(lock)").first()
            .map(Self.vehicle)
    }

    func list(_ page: PageRequest<String>) async throws -> [Vehicle] {
        try await sql.raw("""
            SELECT * FROM vehicles WHERE vin > \(bind: page.after ?? "") ORDER BY vin LIMIT \(literal: page.limit)
            """).all().map(Self.vehicle)
    }

    static func vehicle(_ row: any SQLRow) throws -> Vehicle {
        let text: String = try row.value("vin")
        guard let vin = try? VIN(validating: text) else { throw StoreError.corruptValue(column: "vin", value: text) }
        return Vehicle(id: try row.identifier("id"), vin: vin, make: try row.value("make"), model: try row.value("model"),
                       modelYear: try row.value("model_year"), engine: try row.value("engine", as: String?.self))
    }
}

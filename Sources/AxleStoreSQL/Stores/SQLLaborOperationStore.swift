import AxleDomain
import AxleStore
import SQLKit

struct SQLLaborOperationStore: LaborOperationStore {
    let sql: any SQLDatabase

    private var kits: ChildRows { ChildRows(sql: sql, table: "labor_operation_kit", parent: "operation_id") }

    func insert(_ operations: [LaborOperation]) async throws {
        try await Batch.each(operations) { chunk in
            var insert = sql.insert(into: "labor_operations").columns(
                "id", "code", "description", "standard_hours_milli", "skill", "bay_type")
            for operation in chunk {
                insert = insert.values([
                    operation.id.description, operation.code.rawValue, operation.description,
                    operation.standardHours.milli, operation.skill.rawValue, operation.bayType.rawValue,
                ])
            }
            try await insert.run()
        }
        try await insertKits(of: operations)
    }

    func update(_ operation: LaborOperation) async throws {
        try await sql.raw("""
            UPDATE labor_operations SET description = \(bind: operation.description),
                standard_hours_milli = \(bind: operation.standardHours.milli), skill = \(bind: operation.skill.rawValue),
                bay_type = \(bind: operation.bayType.rawValue)
            WHERE id = \(bind: operation.id.description)
            """).run()
        try await kits.delete([operation.id.description])
        try await insertKits(of: [operation])
    }

    func find(id: LaborOperation.ID) async throws -> LaborOperation? {
        try await operations(sql.raw("SELECT * FROM labor_operations WHERE id = \(bind: id.description)")).first
    }

    func find(code: Code) async throws -> LaborOperation? {
        try await operations(sql.raw("SELECT * FROM labor_operations WHERE code = \(bind: code.rawValue)")).first
    }

    func find(ids: [LaborOperation.ID]) async throws -> [LaborOperation] {
        guard !ids.isEmpty else { return [] }
        return try await operations(sql.raw("""
            SELECT * FROM labor_operations WHERE id IN (\(binds: ids.map(\.description))) ORDER BY code
            """))
    }

    func list(_ page: PageRequest<Code>) async throws -> [LaborOperation] {
        try await operations(sql.raw("""
            SELECT * FROM labor_operations WHERE code > \(bind: page.after?.rawValue ?? "")
            ORDER BY code LIMIT \(literal: page.limit)
            """))
    }

    private func insertKits(of operations: [LaborOperation]) async throws {
        let rows = operations.flatMap { operation in
            operation.kit.map { line -> ChildRows.Row in
                (operation.id.description, [line.partID.description, line.quantity.milli])
            }
        }
        try await kits.insert(columns: ["part_id", "quantity_milli"], rows)
    }

    /// The operations `query` selects, in its order, with their kits.
    private func operations(_ query: SQLRawBuilder) async throws -> [LaborOperation] {
        let rows = try await query.all()
        let kitRows = try await kits.select(try rows.map { try $0.value("id", as: String.self) })
        return try rows.map { row in
            let id: String = try row.value("id")
            return LaborOperation(
                id: try row.identifier("id"), code: try row.code("code"), description: try row.value("description"),
                standardHours: try row.quantity("standard_hours_milli"), skill: try row.enumeration("skill"),
                bayType: try row.enumeration("bay_type"),
                kit: try (kitRows[id] ?? []).map { kit in
                    LaborOperation.KitLine(partID: try kit.identifier("part_id"), quantity: try kit.quantity("quantity_milli"))
                })
        }
    }
}

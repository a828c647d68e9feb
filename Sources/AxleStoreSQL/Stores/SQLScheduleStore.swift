import AxleDomain
import AxleStore
import SQLKit

/// Booked time as rows of (resource kind, id, owner kind, id, start, end).
struct SQLScheduleStore: ScheduleStore {
    let sql: any SQLDatabase

    func insert(_ blocks: [ScheduleBlock]) async throws {
        try await Batch.each(blocks) { chunk in
            var insert = sql.insert(into: "schedule_blocks").columns(
                "id", "resource_kind", "resource_id", "owner_kind", "owner_id", "start_at_us", "end_at_us")
            for block in chunk {
                let resource = Self.key(block.resource), owner = Self.key(block.owner)
                insert = insert.values([block.id.description, resource.kind, resource.id, owner.kind, owner.id,
                                        block.period.start.microseconds, block.period.end.microseconds])
            }
            try await insert.run()
        }
    }

    func remove(owner: ScheduleBlock.Owner) async throws {
        let key = Self.key(owner)
        try await sql.raw("""
            DELETE FROM schedule_blocks WHERE owner_kind = \(bind: key.kind) AND owner_id = \(bind: key.id)
            """).run()
    }

    func blocks(of resources: [ScheduleBlock.Resource], overlapping period: Period) async throws -> [ScheduleBlock] {
        let keys = resources.map(Self.key)
        let byKind = Dictionary(grouping: keys, by: \.kind).sorted { $0.key < $1.key }
        guard !byKind.isEmpty else { return [] }
        let resourceConditions: [SQLQueryString] = byKind.map { kind, keys in
            "(resource_kind = \(bind: kind) AND resource_id IN (\(binds: keys.map(\.id))))"
        }
        return try await sql.raw("""
            SELECT * FROM schedule_blocks
            WHERE (\(resourceConditions.joined(separator: " OR ")))
              AND end_at_us > \(bind: period.start.microseconds) AND start_at_us < \(bind: period.end.microseconds)
            ORDER BY start_at_us, id
            """).all().map(Self.block)
    }

    func blocks(owner: ScheduleBlock.Owner) async throws -> [ScheduleBlock] {
        let key = Self.key(owner)
        return try await sql.raw("""
            SELECT * FROM schedule_blocks WHERE owner_kind = \(bind: key.kind) AND owner_id = \(bind: key.id)
            ORDER BY start_at_us, id
            """).all().map(Self.block)
    }

    private static func key(_ resource: ScheduleBlock.Resource) -> (kind: String, id: String) {
        switch resource {
        case .technician(let id): ("technician", id.description)
        case .bay(let id): ("bay", id.description)
        }
    }

    private static func key(_ owner: ScheduleBlock.Owner) -> (kind: String, id: String) {
        switch owner {
        case .appointment(let id): ("appointment", id.description)
        case .repairOrder(let id): ("repairOrder", id.description)
        }
    }

    static func block(_ row: any SQLRow) throws -> ScheduleBlock {
        let resourceKind: String = try row.value("resource_kind"), ownerKind: String = try row.value("owner_kind")
        let resource: ScheduleBlock.Resource = switch resourceKind {
        case "technician": .technician(try row.identifier("resource_id"))
        case "bay": .bay(try row.identifier("resource_id"))
        default: throw StoreError.corruptValue(column: "resource_kind", value: resourceKind)
        }
        let owner: ScheduleBlock.Owner = switch ownerKind {
        case "appointment": .appointment(try row.identifier("owner_id"))
        case "repairOrder": .repairOrder(try row.identifier("owner_id"))
        default: throw StoreError.corruptValue(column: "owner_kind", value: ownerKind)
        }
        return ScheduleBlock(id: try row.identifier("id"), resource: resource, period: try row.period(), owner: owner)
    }
}

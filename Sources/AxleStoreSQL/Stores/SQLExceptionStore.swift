import AxleDomain
import AxleStore
import SQLKit

struct SQLExceptionStore: ExceptionStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    func insert(_ exceptions: [TransferException]) async throws {
        for e in exceptions {
            try await sql.raw("""
                INSERT INTO transfer_exceptions (id, kind, transfer_id, part_id, site_id, quantity_milli, state, created_at_us,
                    resolution, resolution_note, resolution_reference, resolved_by, resolved_at_us)
                VALUES (\(bind: e.id.description), \(bind: e.kind.rawValue), \(bind: e.transferID.description),
                    \(bind: e.partID.description), \(bind: e.siteID.description), \(bind: e.quantity.milli),
                    \(bind: e.state.rawValue), \(bind: e.createdAt.microseconds), \(bind: e.resolution?.rawValue),
                    \(bind: e.resolutionNote), \(bind: e.resolutionReference), \(bind: e.resolvedBy?.description),
                    \(bind: e.resolvedAt?.microseconds))
                """).run()
        }
    }

    func update(_ exception: TransferException) async throws {
        let e = exception
        try await sql.raw("""
            UPDATE transfer_exceptions SET state = \(bind: e.state.rawValue), resolution = \(bind: e.resolution?.rawValue),
                resolution_note = \(bind: e.resolutionNote), resolution_reference = \(bind: e.resolutionReference),
                resolved_by = \(bind: e.resolvedBy?.description), resolved_at_us = \(bind: e.resolvedAt?.microseconds)
            WHERE id = \(bind: e.id.description)
            """).run()
    }

    func find(id: TransferException.ID, forUpdate: Bool) async throws -> TransferException? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await sql.raw("SELECT * FROM transfer_exceptions WHERE id = \(bind: id.description)\(lock)").first()
            .map(Self.exception)
    }

    func list(site: Site.ID?, state: TransferException.State?, _ page: PageRequest<String>) async throws
        -> [TransferException]
    {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let site { conditions.append("site_id = \(bind: site.description)") }
        if let state { conditions.append("state = \(bind: state.rawValue)") }
        if let after = page.after { conditions.append("id < \(bind: after)") }
        return try await sql.raw("""
            SELECT * FROM transfer_exceptions WHERE \(conditions.joined(separator: " AND "))
            ORDER BY id DESC LIMIT \(literal: page.limit)
            """).all().map(Self.exception)
    }

    static func exception(_ row: any SQLRow) throws -> TransferException {
        let resolution: TransferException.Resolution?
        if let text = try row.value("resolution", as: String?.self) {
            guard let value = TransferException.Resolution(rawValue: text) else {
                throw StoreError.corruptValue(column: "resolution", value: text)
            }
            resolution = value
        } else {
            resolution = nil
        }
        return TransferException(
            id: try row.identifier("id"), kind: try row.enumeration("kind"), transferID: try row.identifier("transfer_id"),
            partID: try row.identifier("part_id"), siteID: try row.identifier("site_id"),
            quantity: Quantity(milli: try row.value("quantity_milli")), state: try row.enumeration("state"),
            createdAt: try row.instant("created_at_us"), resolution: resolution,
            resolutionNote: try row.value("resolution_note", as: String?.self),
            resolutionReference: try row.value("resolution_reference", as: String?.self),
            resolvedBy: try row.value("resolved_by", as: String?.self).flatMap(Principal.ID.init),
            resolvedAt: try row.optionalInstant("resolved_at_us"))
    }
}

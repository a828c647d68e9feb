import AxleDomain
import AxleStore
import SQLKit

/// The one way a versioned row (part, site, supplier) is written: only over the version the
/// caller read, in the same statement (`docs/design/concurrency.md`). Under PostgreSQL's
/// READ COMMITTED a concurrent update of the row makes this statement wait for it and then
/// re-check the condition, so of several updates from one version exactly one changes the row.
enum VersionedRow {
    /// Sets `assignments` and the version `expected + 1` on the row `id` of `table` if it is
    /// still at `expected`; otherwise throws `RequestError.staleVersion` with the current version.
    static func update(_ sql: any SQLDatabase, table: String, id: String, expected: Int64,
                       set assignments: SQLQueryString) async throws {
        let updated = try await sql.raw("""
            UPDATE \(ident: table) SET \(assignments), version = \(bind: expected + 1)
            WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING id
            """).first()
        guard updated == nil else { return }
        guard let current = try await sql.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id)").first() else {
            throw StoreError.rowNotFound(entity: table, id: id)
        }
        throw RequestError.staleVersion(current: try current.value("version"))
    }
}

import AxleStore
import Foundation
import SQLKit

/// Applies pending migrations in one transaction, so a failed migration leaves the schema as it was.
enum Migrator {
    static func migrate(_ sql: any SQLDatabase, dialect: Dialect) async throws -> [String] {
        try await sql.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            if dialect == .postgres {
                // Several servers may start at once against one database: one migrates, the others wait.
                try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: AdvisoryLock.migrations))").run()
            }
            try await sql.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_us BIGINT NOT NULL)
                """).run()
            let applied = Set(try await sql.raw("SELECT version FROM schema_migrations").all()
                .map { try $0.decode(column: "version", as: Int.self) })
            let known = Migrations.all.map(\.version).max() ?? 0
            if let newest = applied.max(), newest > known {
                throw StoreError.schemaTooNew(applied: newest, known: known)
            }
            var names: [String] = []
            for migration in Migrations.all where !applied.contains(migration.version) {
                for statement in migration.statements(for: dialect) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
                try await sql.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at_us)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))
                    """).run()
                names.append("\(migration.version) \(migration.name)")
            }
            try await sql.raw("COMMIT").run()
            return names
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw Dialect.translate(error)
        }
    }
}

/// PostgreSQL advisory-lock keys, one per critical section that spans rows.
enum AdvisoryLock {
    static let migrations: Int64 = 7_400_001
    static let supersessionChains: Int64 = 7_400_002
}

import AxleStore
import SQLKit

/// What one SQLite connection runs with that makes a commit durable once acknowledged.
public struct SQLiteDurability: Sendable, Equatable {
    /// `wal` for a database Axle opened.
    public let journalMode: String
    /// `PRAGMA synchronous` as SQLite reports it: 2 is FULL.
    public let synchronous: Int

    public init(journalMode: String, synchronous: Int) {
        self.journalMode = journalMode
        self.synchronous = synchronous
    }

    static func read(_ sql: any SQLDatabase) async throws -> SQLiteDurability {
        guard let mode = try await sql.raw("PRAGMA journal_mode").first(),
              let synchronous = try await sql.raw("PRAGMA synchronous").first() else {
            throw StoreError.rowNotFound(entity: "pragma", id: "journal_mode, synchronous")
        }
        return SQLiteDurability(journalMode: try mode.decode(column: "journal_mode", as: String.self),
                                synchronous: try synchronous.decode(column: "synchronous", as: Int.self))
    }
}

/// What a PostgreSQL session runs with that makes a commit durable once acknowledged.
public struct PostgresDurability: Sendable, Equatable {
    /// `on`: a commit returns after the WAL flush.
    public let synchronousCommit: String
    /// Where the setting came from: `client` when Axle's session set it, whatever the server's default.
    public let source: String

    public init(synchronousCommit: String, source: String) {
        self.synchronousCommit = synchronousCommit
        self.source = source
    }
}

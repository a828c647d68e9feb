public import AxleStore
public import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The embedded default: one SQLite file in WAL mode with one writer and several readers.
///
/// Writes go through the single writer connection with group commit (`GroupCommitWriter`):
/// SQLite allows one writer at a time anyway, and queueing here is cheaper than busy-waiting
/// on locks. Readers see a consistent snapshot and never block the writer. Every commit is
/// durable before it is acknowledged: `synchronous=FULL`.
///
/// Every connection has a thread of its own, and a transaction runs on its connection's thread
/// from `BEGIN` to `COMMIT`, calling SQLite synchronously (`SQLiteHandle`): one hand-off into a
/// transaction and one out, none per statement or row, and a long read never blocks shared threads.
public final class SQLiteStoreDatabase: Database {
    private let writerConnection: SQLiteHandle
    private let writer: GroupCommitWriter
    private let readers: ConnectionPool<SQLiteHandle>
    private let threads: MultiThreadedEventLoopGroup
    private let logger: Logger

    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteStoreDatabase {
        let threads = MultiThreadedEventLoopGroup(numberOfThreads: readerCount + 1)
        var loops = threads.makeIterator()
        var opened: [SQLiteHandle] = []
        do {
            for index in 0...readerCount {
                let readOnly = index > 0
                let handle = try SQLiteHandle(path: path, busyTimeoutMilliseconds: 10_000, eventLoop: loops.next()!)
                opened.append(handle)
                let sql = SQLiteHandleDatabase(handle: handle, logger: logger)
                // WAL first: the other pragmas apply per connection, journal_mode to the file.
                if !readOnly {
                    try await sql.raw("PRAGMA journal_mode = WAL").run()
                    // Savepoint sub-journals (one per queued write of a batch) in memory, never in a
                    // temporary file: they only undo a failed write within its batch, and the WAL,
                    // not they, makes commits durable.
                    try await sql.raw("PRAGMA temp_store = MEMORY").run()
                }
                try await sql.raw("PRAGMA synchronous = FULL").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                if readOnly { try await sql.raw("PRAGMA query_only = ON").run() }
            }
        } catch {
            for handle in opened { try? handle.close() }
            try? await threads.shutdownGracefully()
            throw error
        }
        return SQLiteStoreDatabase(writer: opened[0], readers: Array(opened.dropFirst()), threads: threads,
                                   logger: logger)
    }

    private init(writer: SQLiteHandle, readers: [SQLiteHandle], threads: MultiThreadedEventLoopGroup, logger: Logger) {
        self.writerConnection = writer
        self.writer = GroupCommitWriter(sql: SQLiteHandleDatabase(handle: writer, logger: logger),
                                        executor: writer.executor)
        self.readers = ConnectionPool(readers)
        self.threads = threads
        self.logger = logger
    }

    public func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await readers.with { connection in
            try await withTaskExecutorPreference(connection.executor) {
                try await Self.transaction(on: SQLiteHandleDatabase(handle: connection, logger: logger), begin: "BEGIN",
                                           body)
            }
        }
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await writer.write(body)
    }

    /// What every connection runs with that makes a commit durable: the writer's first, then
    /// each reader's (each held while the next is leased, so every reader answers once).
    public func durability() async throws -> [SQLiteDurability] {
        let writer = try await writer.write(on: { sql in try await SQLiteDurability.read(sql) })
        return [writer] + (try await readerDurability(remaining: readers.all.count))
    }

    private func readerDurability(remaining: Int) async throws -> [SQLiteDurability] {
        guard remaining > 0 else { return [] }
        return try await readers.with { connection in
            let settings = try await withTaskExecutorPreference(connection.executor) {
                try await SQLiteDurability.read(SQLiteHandleDatabase(handle: connection, logger: logger))
            }
            return [settings] + (try await readerDurability(remaining: remaining - 1))
        }
    }

    /// Runs before the database serves writes (at open, by `AxleServer.services`).
    public func migrate() async throws -> [String] {
        try await withTaskExecutorPreference(writerConnection.executor) {
            try await Migrator.migrate(SQLiteHandleDatabase(handle: writerConnection, logger: logger), dialect: .sqlite)
        }
    }

    public func close() async throws {
        for connection in readers.all + [writerConnection] {
            try connection.close()
        }
        try await threads.shutdownGracefully()
    }

    private static func transaction<Result: Sendable>(
        on sql: any SQLDatabase, begin: String, _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await sql.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(SQLTransaction(sql: sql, dialect: .sqlite))
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw Dialect.translate(error)
        }
    }
}

public import AxleStore
public import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The embedded default: one SQLite file in WAL mode with one writer and several readers.
///
/// Writes go through the single writer connection with group commit (`GroupCommitWriter`):
/// SQLite allows one writer at a time anyway, and queueing here is cheaper than busy-waiting
/// on locks. Readers see a consistent snapshot and never block the writer. Every commit is
/// durable before it is acknowledged: `synchronous=FULL`.
public final class SQLiteStoreDatabase: Database {
    private let writerConnection: SQLiteConnection
    private let writer: GroupCommitWriter
    private let readers: ConnectionPool<SQLiteConnection>
    private let threadPool: NIOThreadPool
    /// The writer's own event loop: writes run there, never queued behind other work (see `EventLoopTaskExecutor`).
    private let writerLoop: MultiThreadedEventLoopGroup

    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteStoreDatabase {
        let threadPool = NIOThreadPool(numberOfThreads: readerCount + 1)
        threadPool.start()
        let writerLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        func connect(readOnly: Bool) async throws -> SQLiteConnection {
            let eventLoop = readOnly ? MultiThreadedEventLoopGroup.singleton.any() : writerLoop.any()
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool,
                                                             logger: logger, on: eventLoop)
            let sql = connection.sql()
            // WAL first: the other pragmas apply per connection, journal_mode to the file.
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
            if !readOnly { try await sql.raw("PRAGMA journal_mode = WAL").run() }
            try await sql.raw("PRAGMA synchronous = FULL").run()
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            if readOnly { try await sql.raw("PRAGMA query_only = ON").run() }
            return connection
        }
        let writer = try await connect(readOnly: false)
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount { readers.append(try await connect(readOnly: true)) }
        return SQLiteStoreDatabase(writer: writer, readers: readers, threadPool: threadPool, writerLoop: writerLoop)
    }

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], threadPool: NIOThreadPool,
                 writerLoop: MultiThreadedEventLoopGroup) {
        self.writerConnection = writer
        self.writer = GroupCommitWriter(sql: writer.sql(), executor: EventLoopTaskExecutor(writer.eventLoop))
        self.readers = ConnectionPool(readers)
        self.threadPool = threadPool
        self.writerLoop = writerLoop
    }

    public func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await readers.with { connection in
            try await Self.transaction(on: connection.sql(), begin: "BEGIN", body)
        }
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await writer.write(body)
    }

    /// Runs before the database serves writes (at open, by `AxleServer.services`).
    public func migrate() async throws -> [String] {
        try await Migrator.migrate(writerConnection.sql(), dialect: .sqlite)
    }

    public func close() async throws {
        for connection in readers.all + [writerConnection] {
            try await connection.close()
        }
        try await threadPool.shutdownGracefully()
        try await writerLoop.shutdownGracefully()
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

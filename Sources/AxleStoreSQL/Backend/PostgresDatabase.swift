public import AxleStore
public import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit

/// A PostgreSQL server shared by any number of stateless `axle serve` processes.
///
/// Reads run in `REPEATABLE READ READ ONLY` transactions (one snapshot per use case);
/// writes in `READ COMMITTED` with row locks where a rule needs them. Commits wait for
/// the WAL flush (`synchronous_commit = on`, set per session so a server default cannot weaken it).
public final class PostgresStoreDatabase: Database {
    private let client: PostgresClient
    private let statements = PreparedStatements()
    private let runTask: Task<Void, Never>
    private let logger: Logger

    public static func connect(_ settings: PostgresSettings, logger: Logger) async throws -> PostgresStoreDatabase {
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: settings.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = settings.maximumConnections
        configuration.options.additionalStartupParameters = [
            ("synchronous_commit", "on"),
            // Prepared statements' values are written as literals (`PreparingPostgresDatabase`).
            ("standard_conforming_strings", "on"),
        ]
        if let schema = settings.schema {
            configuration.options.additionalStartupParameters.append(("search_path", schema))
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let database = PostgresStoreDatabase(client: client, logger: logger)
        if let schema = settings.schema {
            try await client.withConnection { connection in
                try await connection.sql().raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        }
        // Fail at start-up, not on the first request, when the server cannot be reached.
        try await database.read { _ in () }
        return database
    }

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
        // Started immediately so the pool runs before the first lease (no "run() not called" warning).
        if #available(macOS 26, *) {
            self.runTask = Task.immediate { await client.run() }
        } else {
            self.runTask = Task { await client.run() }
        }
    }

    public func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await transaction(begin: "BEGIN", body)
    }

    /// What a session of the pool runs with that makes a commit durable (every session starts
    /// with the same parameters).
    public func durability() async throws -> PostgresDurability {
        try await client.withConnection { connection in
            let row = try await connection.sql().raw("""
                SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'
                """).first()
            guard let row else { throw StoreError.rowNotFound(entity: "pg_settings", id: "synchronous_commit") }
            return PostgresDurability(synchronousCommit: try row.decode(column: "setting", as: String.self),
                                      source: try row.decode(column: "source", as: String.self))
        }
    }

    public func migrate() async throws -> [String] {
        try await client.withConnection { connection in
            try await Migrator.migrate(connection.sql(), dialect: .postgres)
        }
    }

    public func close() async throws {
        runTask.cancel()
        await runTask.value
    }

    private func transaction<Result: Sendable>(
        begin: String, _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in
                // The transaction runs on its connection's event loop, where every reply arrives:
                // each statement then resumes it without a hand-off between threads.
                try await withTaskExecutorPreference(EventLoopTaskExecutor(connection.eventLoop)) {
                    let sql = PreparingPostgresDatabase(base: connection.sql(queryLogLevel: .trace, logger: logger),
                                                        connection: connection.id, statements: statements)
                    try await sql.raw(SQLQueryString(begin)).run()
                    do {
                        let result = try await body(SQLTransaction(sql: sql, dialect: .postgres))
                        try await sql.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await sql.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        } catch {
            throw Dialect.translate(error)
        }
    }
}

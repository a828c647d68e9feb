import AxleStoreSQL
import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// One connection of the auditor's own, opened straight through the database drivers, on which
/// the whole audit reads one snapshot. Only `DatabaseURL` comes from Axle's store, to read the
/// same `--database` argument; no store, query or migration code is used.
enum AuditConnection {
    static func read<Result: Sendable>(_ url: DatabaseURL, logger: Logger,
                                       _ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        switch url {
        case .sqlite(let path):
            // Opening a missing file would create an empty database, and the audit would pass.
            guard FileManager.default.fileExists(atPath: path) else { throw AuditError.noDatabase(url.description) }
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            return try await snapshot(connection.sql(), begin: "BEGIN", body, close: { try await connection.close() })
        case .postgres(let settings):
            var configuration = PostgresConnection.Configuration(
                host: settings.host, port: settings.port, username: settings.username, password: settings.password,
                database: settings.database,
                tls: settings.requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
            configuration.options.additionalStartupParameters = settings.schema.map { [("search_path", $0)] } ?? []
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger)
            return try await snapshot(connection.sql(), begin: "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                                      body, close: { try await connection.close() })
        }
    }

    /// Runs `body` in one read transaction, so every check sees the same moment, then closes.
    private static func snapshot<Result: Sendable>(
        _ sql: any SQLDatabase, begin: String, _ body: (any SQLDatabase) async throws -> Result,
        close: () async throws -> Void
    ) async throws -> Result {
        do {
            try await sql.raw(SQLQueryString(begin)).run()
            let result = try await body(sql)
            try await sql.raw("ROLLBACK").run()
            try await close()
            return result
        } catch {
            try? await close()
            throw error
        }
    }
}

public enum AuditError: Error, CustomStringConvertible {
    case noDatabase(String)

    public var description: String {
        switch self {
        case .noDatabase(let url): "no database at \(url)"
        }
    }
}

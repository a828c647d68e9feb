public import AxleStoreSQL
import Logging
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Changes a database behind Axle's back, as a faulty script or a bad actor would, so tests
/// can show that `axle verify` notices. Never used by Axle itself.
public enum Tampering {
    public static func execute(_ statement: String, on url: DatabaseURL) async throws {
        switch url {
        case .sqlite(let path):
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                try await connection.sql().raw(SQLQueryString(statement)).run()
            } catch {
                try await connection.close()
                throw error
            }
            try await connection.close()
        case .postgres(let settings):
            var configuration = PostgresConnection.Configuration(
                host: settings.host, port: settings.port, username: settings.username, password: settings.password,
                database: settings.database, tls: .disable)
            configuration.options.additionalStartupParameters = settings.schema.map { [("search_path", $0)] } ?? []
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1,
                logger: Logger(label: "axle.test.tampering"))
            do {
                try await connection.sql().raw(SQLQueryString(statement)).run()
            } catch {
                try await connection.close()
                throw error
            }
            try await connection.close()
        }
    }
}

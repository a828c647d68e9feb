public import AxleStore
public import Logging

/// Opens the database a URL names.
public enum DatabaseFactory {
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> any Database {
        switch url {
        case .sqlite(let path): try await SQLiteStoreDatabase.open(path: path, logger: logger)
        case .postgres(let settings): try await PostgresStoreDatabase.connect(settings, logger: logger)
        }
    }
}

import AxleStore
import Foundation

/// Where Axle's data lives: `sqlite:PATH` (the embedded default) or `postgres://user:password@host:port/db`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    /// The default: a SQLite file in the working directory.
    public static let defaultURL = DatabaseURL.sqlite(path: "axle.sqlite")

    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw StoreError.invalidDatabaseURL("sqlite: needs a file path") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresSettings(url: text))
        } else {
            throw StoreError.invalidDatabaseURL("use sqlite:PATH or postgres://user:password@host:port/database")
        }
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let settings):
            "postgres://\(settings.username)@\(settings.host):\(settings.port)/\(settings.database)"
        }
    }
}

/// Connection settings for a PostgreSQL server.
public struct PostgresSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `sslmode=require` asks for TLS; the default suits a server on a trusted network or loopback.
    public var requireTLS: Bool
    public var maximumConnections: Int
    /// `schema=NAME`: Axle's tables live in this schema (created when missing) instead of `public`,
    /// so several installations or test runs can share one database.
    public var schema: String?

    init(url text: String) throws {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreError.invalidDatabaseURL("cannot read a host from the PostgreSQL URL")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user ?? "postgres"
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? self.username : path
        let query = components.queryItems ?? []
        self.requireTLS = query.contains { $0.name == "sslmode" && ($0.value == "require" || $0.value == "verify-full") }
        let pool = query.first { $0.name == "pool" }.flatMap { $0.value }.flatMap(Int.init)
        self.maximumConnections = max(1, min(pool ?? 20, 200))
        self.schema = try query.first { $0.name == "schema" }.flatMap(\.value).map { name in
            guard !name.isEmpty, name.count <= 63,
                  name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
            else { throw StoreError.invalidDatabaseURL("schema must be letters, digits and underscores") }
            return name.lowercased()
        }
    }
}

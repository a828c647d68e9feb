import AxleStore
import Foundation
import PostgresNIO

/// The two SQL backends. Everything that differs between them is decided here and in
/// the migrations' type names; every query is written once.
enum Dialect: Sendable {
    case sqlite
    case postgres

    /// Replaces the type placeholders of a migration statement with this backend's types.
    func ddl(_ statement: String) -> String {
        var result = statement
        for (placeholder, sqlite, postgres) in Dialect.types {
            result = result.replacingOccurrences(of: placeholder, with: self == .sqlite ? sqlite : postgres)
        }
        return result
    }

    private static let types: [(String, String, String)] = [
        // Codes and part numbers sort byte-wise on both backends, so cursors and prefix ranges agree.
        ("{code}", "TEXT", "TEXT COLLATE \"C\""),
        ("{bool}", "INTEGER", "BOOLEAN"),
        ("{false}", "0", "FALSE"),
        ("{real}", "REAL", "DOUBLE PRECISION"),
        ("{sequence_key}", "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
    ]

    /// `FOR UPDATE` where row locks exist; SQLite's single writer makes them unnecessary.
    var lockRows: String { self == .postgres ? " FOR UPDATE" : "" }

    /// Translates a driver error into a `StoreError` where the application must react to it.
    static func translate(_ error: any Error) -> any Error {
        if let error = error as? SQLiteFailure {
            switch error.code {
            case SQLiteFailure.constraintUnique, SQLiteFailure.constraintPrimaryKey:
                return StoreError.uniqueViolation(constraint: error.message)
            case SQLiteFailure.constraintCheck:
                return StoreError.checkViolation(constraint: error.message)
            default:
                return error
            }
        }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            switch state {
            case "23505": return StoreError.uniqueViolation(constraint: error.serverInfo?[.constraintName] ?? "")
            case "23514": return StoreError.checkViolation(constraint: error.serverInfo?[.constraintName] ?? "")
            case "40001", "40P01": return StoreError.serializationFailure
            default: return error
            }
        }
        return error
    }
}

import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit's view of a `SQLiteHandle`: every query written for SQLKit runs on it unchanged,
/// synchronously, on the calling thread (its owner's: see `SQLiteHandle`).
struct SQLiteHandleDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger

    var eventLoop: any EventLoop { handle.eventLoop }
    var dialect: any SQLDialect { SQLiteDialect() }

    /// Binds and columns convert as they did through sqlite-kit; one shared coder each.
    private static let encoder = SQLiteDataEncoder()
    static let decoder = SQLiteDataDecoder()

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        logger.debug("Executing query", metadata: ["sql": .string(sql)])
        try handle.execute(sql, try binds.map(Self.data)) { onRow($0) }
    }

    /// A bind as SQLite data. The stores bind text and integers almost always; those skip the
    /// encoder's protocol casts and convert exactly as it does (nil and the rest go through it).
    private static func data(_ bind: any Encodable & Sendable) throws -> SQLiteData {
        switch bind {
        case let text as String: .text(text)
        case let integer as Int64: .integer(SQLiteInt64(integer))
        case let integer as Int: .integer(SQLiteInt64(integer))
        case let flag as Bool: .integer(flag ? 1 : 0)
        default: try encoder.encode(bind)
        }
    }
}

/// One result row: its statement's column names (shared by every row of the result) and its values.
struct SQLiteResultRow: SQLRow {
    final class Columns: Sendable {
        let names: [String]
        var count: Int { names.count }

        init(names: [String]) {
            self.names = names
        }

        /// The first column of that name, as SQLite resolves `SELECT *` over joins.
        func index(of name: String) -> Int? {
            names.firstIndex(of: name)
        }
    }

    let columns: Columns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index(of: column) != nil
    }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.index(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.index(of: column) else {
            throw DecodingError.keyNotFound(SQLiteColumnKey(column), .init(codingPath: [], debugDescription: "no column \(column)"))
        }
        let value = values[index]
        // The stores read text, integers and booleans almost always; these skip the decoder's
        // dynamic casts (a measurable share of a request) and convert exactly as it does.
        // Each `unsafeBitCast` is to the very type just compared with `D`.
        switch value {
        case .text(let text):
            if D.self == String.self { return unsafeBitCast(text, to: D.self) }
            if D.self == String?.self { return unsafeBitCast(Optional(text), to: D.self) }
        case .integer(let integer):
            if D.self == Int64.self { return unsafeBitCast(Int64(integer), to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Optional(Int64(integer)), to: D.self) }
            if D.self == Int.self { return unsafeBitCast(Int(integer), to: D.self) }
            if D.self == Bool.self, integer == 0 || integer == 1 { return unsafeBitCast(integer == 1, to: D.self) }
        case .null:
            if D.self == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Int64?.none, to: D.self) }
        case .float, .blob:
            break
        }
        return try SQLiteHandleDatabase.decoder.decode(D.self, from: value)
    }
}

/// A column name as a coding key, for the error of a missing column.
private struct SQLiteColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}

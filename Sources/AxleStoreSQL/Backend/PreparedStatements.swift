import Logging
import NIOCore
import PostgresNIO
import SQLKit
import Synchronization

/// Which of Axle's statements each PostgreSQL connection has prepared, by name.
///
/// PostgreSQL parses and plans an unnamed statement on every call; for the short statements of a
/// reservation or a receipt that was a third of the server's time. A statement prepared once per
/// connection (`PREPARE … AS`, with the parameter types the call binds) is then run by name
/// (`EXECUTE`), which skips both and lets the server keep a generic plan. A prepared statement
/// outlives a rolled-back transaction, so what is recorded here is only ever an underestimate.
final class PreparedStatements: Sendable {
    /// Distinct statements one connection prepares; past this (texts that vary, such as `IN`
    /// lists of every length) statements run unnamed.
    static let maximumPerConnection = 1_000
    /// Connections remembered; past this the record starts again under new names, so a
    /// connection still open re-prepares rather than colliding with a name it has.
    static let maximumConnections = 256

    private struct State {
        var names: [PostgresConnection.ID: [String: String]] = [:]
        var nextName = 0
    }

    private let state = Mutex(State())

    enum Plan {
        case execute(name: String)
        case prepare(name: String)
        case unnamed
    }

    /// What to do with `key` (the statement's text and parameter types) on `connection`.
    func plan(_ key: String, on connection: PostgresConnection.ID) -> Plan {
        state.withLock { state in
            if let name = state.names[connection]?[key] { return .execute(name: name) }
            if state.names[connection] == nil, state.names.count >= Self.maximumConnections { state.names = [:] }
            guard state.names[connection, default: [:]].count < Self.maximumPerConnection else { return .unnamed }
            state.nextName += 1
            return .prepare(name: "axle_\(state.nextName)")
        }
    }

    /// Records that `connection` has prepared `key` as `name`.
    func prepared(_ key: String, as name: String, on connection: PostgresConnection.ID) {
        state.withLock { $0.names[connection, default: [:]][key] = name }
    }
}

/// One connection's `SQLDatabase` that runs data statements as prepared statements
/// (`PreparedStatements`) and anything else as it comes.
///
/// `EXECUTE` is a utility statement and takes no bound parameters, so the values go into its
/// text as quoted literals, each converted by the type the statement was prepared with: the
/// same types an unnamed statement declares for them. With `standard_conforming_strings` on
/// (set for every session, see `PostgresStoreDatabase`) a quote is the only character that a
/// literal escapes, by doubling it. A value of any other kind, or text holding a NUL, makes
/// the statement run unnamed with its parameters bound as before.
struct PreparingPostgresDatabase: SQLDatabase {
    let base: any SQLDatabase
    let connection: PostgresConnection.ID
    let statements: PreparedStatements

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (text, binds) = serialize(query)
        guard Self.isPreparable(text), let parameters = Self.parameters(binds) else {
            return try await base.execute(sql: query, onRow)
        }
        let key = parameters.map(\.type).joined(separator: ",") + "|" + text
        let name: String
        switch statements.plan(key, on: connection) {
        case .unnamed:
            return try await base.execute(sql: query, onRow)
        case .execute(let known):
            name = known
        case .prepare(let new):
            let types = parameters.isEmpty ? "" : " (\(parameters.map(\.type).joined(separator: ", ")))"
            try await base.execute(sql: SQLRaw("PREPARE \(new)\(types) AS \(text)"), { _ in })
            statements.prepared(key, as: new, on: connection)
            name = new
        }
        let values = parameters.isEmpty ? "" : "(\(parameters.map(\.literal).joined(separator: ", ")))"
        try await base.execute(sql: SQLRaw("EXECUTE \(name)\(values)"), onRow)
    }

    /// Statements that `PREPARE` takes; transaction control and schema changes run as they come.
    private static func isPreparable(_ text: String) -> Bool {
        let verb = text.drop(while: \.isWhitespace).prefix(7).uppercased()
        return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains { verb.hasPrefix($0) }
    }

    /// Each bound value's SQL type (as PostgresNIO declares it for an unnamed statement; a null
    /// is `unknown`, inferred by the server) and its literal; nil when one cannot be written so.
    static func parameters(_ binds: [any Encodable & Sendable]) -> [(type: String, literal: String)]? {
        var parameters: [(type: String, literal: String)] = []
        for bind in binds {
            guard let parameter = parameter(bind) else { return nil }
            parameters.append(parameter)
        }
        return parameters
    }

    private static func parameter(_ bind: any Encodable & Sendable) -> (type: String, literal: String)? {
        var value: Any = bind
        while let optional = value as? any OptionalValue {
            guard let wrapped = optional.wrapped else { return ("unknown", "NULL") }
            value = wrapped
        }
        switch value {
        case let text as String:
            guard !text.utf8.contains(0) else { return nil }
            return ("text", "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'")
        case let number as Int: return ("bigint", "'\(number)'")
        case let number as Int64: return ("bigint", "'\(number)'")
        case let number as Int32: return ("integer", "'\(number)'")
        case let flag as Bool: return ("boolean", flag ? "'true'" : "'false'")
        case let number as Double:
            guard number.isFinite else { return nil }
            return ("double precision", "'\(number)'")
        default: return nil
        }
    }
}

/// An optional, seen through an existential: its value, or nil when empty.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { map { $0 as Any } }
}

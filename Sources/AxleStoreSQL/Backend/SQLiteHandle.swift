import NIOCore
import SQLiteNIO
import VaporCSQLite

/// One SQLite connection called synchronously, with its prepared statements kept for reuse.
///
/// sqlite-nio runs every statement by handing it to a thread pool and every row back to an
/// event loop, and prepares each statement anew: on SQLite's single writer, whose statements
/// are strictly serial, those hand-offs and the re-parsing bounded write throughput. This
/// handle calls the same embedded libsqlite3 (sqlite-nio's `VaporCSQLite`, so one copy of
/// SQLite and its file locks in the process) directly, and prepares each distinct SQL text once.
///
/// Not thread-safe by itself: one caller at a time, which the owner guarantees (the group-commit
/// drain loop for the writer, the connection pool for readers). Each handle has its own event
/// loop thread (`eventLoop`) where its owner runs it, so a statement never blocks shared threads.
final class SQLiteHandle: @unchecked Sendable {
    /// The thread this connection's transactions run on.
    let eventLoop: any EventLoop
    /// Runs a task's code on `eventLoop`.
    let executor: EventLoopTaskExecutor
    private var raw: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]

    /// More distinct statements than this (bulk inserts vary their SQL with their row count)
    /// empties the cache rather than letting it grow without bound.
    static let statementCacheLimit = 512

    /// `sqlite3_initialize` once per process, before any connection opens.
    private static let initialized: Bool = sqlite_nio_sqlite3_initialize() == SQLITE_OK

    init(path: String, busyTimeoutMilliseconds: Int32, eventLoop: any EventLoop) throws {
        self.eventLoop = eventLoop
        self.executor = EventLoopTaskExecutor(eventLoop)
        guard Self.initialized else { throw SQLiteFailure(code: SQLITE_ERROR, message: "sqlite3_initialize failed") }
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI
            | SQLITE_OPEN_EXRESCODE
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let failure = SQLiteFailure(code: code, message: "cannot open SQLite database at \(path)")
            sqlite_nio_sqlite3_close(handle)
            throw failure
        }
        raw = handle
        sqlite_nio_sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        assert(raw == nil, "SQLiteHandle was not closed")
    }

    /// Runs one statement: binds `binds` to its `?` parameters and hands each result row to `onRow`.
    func execute(_ sql: String, _ binds: [SQLiteData], _ onRow: (SQLiteResultRow) throws -> Void) throws {
        // A statement of only a comment prepares to nothing; there is nothing to run.
        guard let prepared = try prepared(sql) else { return }
        let statement = prepared.statement
        // Reset even on failure: a statement left mid-step would keep its read snapshot open.
        // Bindings are not cleared: every run binds every parameter again, and clearing them
        // would make SQLite re-prepare any statement whose plan looked at a bound value.
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (index, value) in binds.enumerated() {
            try check(bind(value, at: Int32(index + 1), of: statement))
        }
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            let columns = prepared.columns()
            try onRow(SQLiteResultRow(columns: columns, values: try Self.values(of: statement, count: columns.count)))
        }
    }

    /// Finalizes every cached statement and closes the connection.
    func close() throws {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
        statements.removeAll()
        let code = sqlite_nio_sqlite3_close(raw)
        guard code == SQLITE_OK else { throw failure(code) }
        raw = nil
    }

    private func prepared(_ sql: String) throws -> PreparedStatement? {
        if let prepared = statements[sql] { return prepared }
        if statements.count >= Self.statementCacheLimit {
            for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK else { throw failure(code) }
        guard let statement else { return nil }
        let prepared = PreparedStatement(statement)
        statements[sql] = prepared
        return prepared
    }

    private func bind(_ value: SQLiteData, at index: Int32, of statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer):
            return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double):
            return sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text):
            return sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), Self.transient,
                                                  UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient)
            }
        case .null:
            return sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    /// SQLite copies what it is given to bind.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func values(of statement: OpaquePointer, count: Int) throws -> [SQLiteData] {
        try (0..<Int32(count)).map { index in
            switch sqlite_nio_sqlite3_column_type(statement, index) {
            case SQLITE_INTEGER:
                return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, index)))
            case SQLITE_FLOAT:
                return .float(sqlite_nio_sqlite3_column_double(statement, index))
            case SQLITE_TEXT:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
                guard let text = sqlite_nio_sqlite3_column_text(statement, index) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            case SQLITE_BLOB:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
                var buffer = ByteBufferAllocator().buffer(capacity: length)
                if let blob = sqlite_nio_sqlite3_column_blob(statement, index) {
                    buffer.writeBytes(UnsafeRawBufferPointer(start: blob, count: length))
                }
                return .blob(buffer)
            case SQLITE_NULL:
                return .null
            default:
                throw SQLiteFailure(code: SQLITE_MISMATCH, message: "unexpected column type")
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> SQLiteFailure {
        let extended = raw.map { sqlite_nio_sqlite3_extended_errcode($0) } ?? code
        let message = raw.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
        return SQLiteFailure(code: extended, message: message)
    }
}

/// A statement prepared once, with its result's column names read once.
private final class PreparedStatement {
    let statement: OpaquePointer
    private var names: SQLiteResultRow.Columns?
    /// How often SQLite had re-prepared the statement when `names` were read: a schema change
    /// re-prepares it, and can change what `SELECT *` returns.
    private var namesReadAfter: Int32 = -1

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    func columns() -> SQLiteResultRow.Columns {
        let reprepared = sqlite_nio_sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
        if let names, namesReadAfter == reprepared { return names }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let read = SQLiteResultRow.Columns(names: (0..<count).map { index in
            sqlite_nio_sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
        })
        names = read
        namesReadAfter = reprepared
        return read
    }
}

/// An error libsqlite3 reported, with its extended result code.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    /// Extended result codes `Dialect.translate` reacts to (C macros Swift does not import).
    static let constraintCheck: Int32 = 275
    static let constraintPrimaryKey: Int32 = 1_555
    static let constraintUnique: Int32 = 2_067

    var description: String { "SQLite error \(code): \(message)" }
}

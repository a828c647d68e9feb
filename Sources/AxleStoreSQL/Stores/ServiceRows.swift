import AxleDomain
import AxleStore
import SQLKit

/// Column reads the service stores share.
extension SQLRow {
    /// The company's currency, joined in as `currency`: amounts are stored in its minor units.
    func currency(_ column: String = "currency") throws -> Currency {
        let code: String = try value(column)
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: column, value: code) }
        return currency
    }

    func period(start: String = "start_at_us", end: String = "end_at_us") throws -> Period {
        Period(start: try instant(start), end: try instant(end))
    }

    func optionalIdentifier<Entity>(_ column: String) throws -> Identifier<Entity>? {
        guard let text = try value(column, as: String?.self) else { return nil }
        guard let id = Identifier<Entity>(text) else { throw StoreError.corruptValue(column: column, value: text) }
        return id
    }

    func quantity(_ column: String) throws -> Quantity {
        Quantity(milli: try value(column))
    }
}

/// The child rows of a parent (`technician_shifts`, `bay_hours`, a kit): written in the
/// parent's order with `line_no`, read back grouped by parent in that order. Rows of a set
/// (`technician_skills`) have no line number.
struct ChildRows {
    let sql: any SQLDatabase
    /// A table and its parent column: names from this module, never from input.
    let table: String
    let parent: String
    var numbered = true

    /// A row to insert: its parent's id and its other columns' values.
    typealias Row = (parent: String, values: [any Encodable & Sendable])

    /// Deletes the rows of `parents`.
    func delete(_ parents: [String]) async throws {
        try await Batch.each(parents) { chunk in
            try await sql.raw("""
                DELETE FROM \(unsafeRaw: table) WHERE \(unsafeRaw: parent) IN (\(binds: chunk))
                """).run()
        }
    }

    /// Inserts each parent's rows, numbered from 0 in the order given. With `replacingOn`, a row
    /// whose value in that unique column exists already overwrites the stored row instead.
    func insert(columns: [String], _ rows: [Row], replacingOn key: String? = nil) async throws {
        var prepared: [[any Encodable & Sendable]] = []
        var lineNumbers: [String: Int] = [:]
        for row in rows {
            let line = lineNumbers[row.parent, default: 0]
            lineNumbers[row.parent] = line + 1
            let head: [any Encodable & Sendable] = numbered ? [row.parent, line] : [row.parent]
            prepared.append(head + row.values)
        }
        let headColumns = numbered ? [parent, "line_no"] : [parent]
        try await Batch.each(prepared) { chunk in
            var insert = sql.insert(into: table).columns(headColumns + columns)
            for values in chunk { insert = insert.values(values) }
            if let key {
                insert = insert.onConflict(with: key) { update in
                    (["line_no"] + columns).filter { $0 != key }.reduce(update) { $0.set(excludedValueOf: $1) }
                }
            }
            try await insert.run()
        }
    }

    /// The rows of `parents`, grouped by parent, each group in line order if numbered.
    func select(_ parents: [String]) async throws -> [String: [any SQLRow]] {
        var grouped: [String: [any SQLRow]] = [:]
        try await Batch.each(parents) { chunk in
            let rows = try await sql.raw("""
                SELECT * FROM \(unsafeRaw: table) WHERE \(unsafeRaw: parent) IN (\(binds: chunk))
                ORDER BY \(unsafeRaw: numbered ? "\(parent), line_no" : parent)
                """).all()
            for row in rows { grouped[try row.value(parent, as: String.self), default: []].append(row) }
        }
        return grouped
    }
}

/// Weekly working windows (shifts, opening hours) as `weekday`, `start_minute`, `end_minute`.
enum WorkingWindowColumns {
    static let names = ["weekday", "start_minute", "end_minute"]

    static func values(_ window: WorkingWindow) -> [any Encodable & Sendable] {
        [window.weekday.rawValue, window.start.minutes, window.end.minutes]
    }

    static func window(_ row: any SQLRow) throws -> WorkingWindow {
        WorkingWindow(weekday: try row.enumeration("weekday"), start: try time(row, "start_minute"),
                      end: try time(row, "end_minute"))
    }

    private static func time(_ row: any SQLRow, _ column: String) throws -> TimeOfDay {
        let minutes: Int = try row.value(column)
        guard let time = TimeOfDay(minutes: minutes) else {
            throw StoreError.corruptValue(column: column, value: String(minutes))
        }
        return time
    }
}

import AxleDomain
import Foundation

/// Reads a row's cells into typed values, collecting a problem for every cell that does not
/// parse instead of stopping at the first, so one pass reports them all. Only the shape of a
/// value is checked here (a number, a known choice); the rules are the use cases'.
struct RowReader {
    let row: ImportRow
    private(set) var issues: [ImportIssue] = []

    init(_ row: ImportRow) {
        self.row = row
    }

    /// Whether the file has the column: an optional column left out changes nothing on update.
    func has(_ column: String) -> Bool { row.has(column) }

    /// The rejection of this row with everything found so far.
    var rejection: RowRejected { RowRejected(issues: issues) }

    mutating func reject(_ column: String, _ reason: String) {
        issues.append(ImportIssue(row: row.number, column: column, value: row[column], reason: reason))
    }

    /// A cell that must not be empty, as written (the use case validates its content).
    mutating func text(_ column: String) -> String? {
        let value = row[column]
        guard !value.isEmpty else {
            reject(column, "is required")
            return nil
        }
        return value
    }

    /// A cell that may be empty (nil).
    func optionalText(_ column: String) -> String? {
        let value = row[column]
        return value.isEmpty ? nil : value
    }

    /// A required cell parsed by `make`; `expectation` says what it should have been.
    mutating func value<T>(_ column: String, _ expectation: String, _ make: (String) -> T?) -> T? {
        guard let text = text(column) else { return nil }
        guard let value = make(text) else {
            reject(column, "expected \(expectation)")
            return nil
        }
        return value
    }

    /// An optional cell parsed by `make`: nil when empty, and nil with a problem recorded when
    /// it does not parse (the row is rejected either way, so the caller need not tell them apart).
    mutating func optionalValue<T>(_ column: String, _ expectation: String, _ make: (String) -> T?) -> T? {
        guard let text = optionalText(column) else { return nil }
        guard let value = make(text) else {
            reject(column, "expected \(expectation)")
            return nil
        }
        return value
    }

    /// An amount checked by the use cases' own money rule, so that a row shows its amount
    /// problems with its other ones; the text goes on to the use case, which checks it again.
    mutating func money(_ column: String, currency: Currency) -> String? {
        guard let text = text(column) else { return nil }
        return checkedMoney(text, column, currency)
    }

    mutating func optionalMoney(_ column: String, currency: Currency) -> String? {
        guard let text = optionalText(column) else { return nil }
        return checkedMoney(text, column, currency)
    }

    private mutating func checkedMoney(_ text: String, _ column: String, _ currency: Currency) -> String? {
        do {
            _ = try Validate.money(text, field: column, currency: currency)
            return text
        } catch let error as ValidationError {
            reject(column, error.reason)
        } catch {
            reject(column, (error as? any AxleError)?.message ?? "expected an amount such as 12.34")
        }
        return nil
    }

    mutating func choice<T: ClosedSet>(_ column: String, _ type: T.Type = T.self) -> T? {
        value(column, Self.oneOf(T.self), T.init(rawValue:))
    }

    mutating func optionalChoice<T: ClosedSet>(_ column: String, _ type: T.Type = T.self) -> T? {
        optionalValue(column, Self.oneOf(T.self), T.init(rawValue:))
    }

    mutating func bool(_ column: String) -> Bool? {
        value(column, "true or false", Self.bool)
    }

    mutating func optionalBool(_ column: String) -> Bool? {
        optionalValue(column, "true or false", Self.bool)
    }

    private static func bool(_ text: String) -> Bool? {
        ["true": true, "false": false][text.lowercased()]
    }

    mutating func int(_ column: String) -> Int? { value(column, "a whole number") { Int($0) } }

    mutating func double(_ column: String) -> Double? {
        value(column, "a decimal number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    mutating func quantity(_ column: String) -> Quantity? { value(column, "a quantity such as 12 or 1.5", Self.quantity) }

    static func quantity(_ text: String) -> Quantity? {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return try? Quantity(exactly: decimal)
    }

    private static func oneOf<T: ClosedSet>(_ type: T.Type) -> String {
        "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}

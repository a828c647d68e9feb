/// The largest values Axle accepts, declared once. They are chosen so that nothing computed
/// from accepted input can overflow 64 bits (docs/design/limits.md):
/// - a line's value, `quantity × unit amount`, is at most 10^9 units × 10^9 minor units = 10^18;
/// - a part's stock at a site, and its value at any unit cost, stay within the same bounds;
/// - sums over an unbounded number of lines or sites are kept in 128 bits (`MoneyTotal`).
public enum ValueLimits {
    /// Any one quantity entered (a receipt, a reservation, a count, labor hours), and a part's
    /// on-hand stock, commitments or backorders at one site: a billion units.
    public static let quantityUnits: Int64 = 1_000_000_000
    /// Any one amount entered (a unit cost or price, a charge, a rate, a threshold), in minor
    /// units of the company's currency: 10,000,000.00 in a two-decimal currency.
    public static let amountMinorUnits: Int64 = 1_000_000_000
}

/// A value entered is larger than Axle accepts for that field.
public struct LimitError: AxleError, Equatable {
    /// Where the value is, as a JSON path such as `lines[0].quantity`.
    public let field: String
    /// The largest value accepted, as the API writes it.
    public let limit: String

    public init(field: String, limit: String) {
        self.field = field
        self.limit = limit
    }

    public var code: String { "request.limit_exceeded" }
    public var message: String { "\(field): must be at most \(limit)" }
    public var category: ErrorCategory { .ruleViolation }
    public var details: [String: ErrorDetail] { ["field": .text(field), "limit": .text(limit)] }
}

/// A result of arithmetic on quantities or amounts does not fit the integers they are kept in.
///
/// Input limits make this unreachable from accepted requests; it remains an error value, never
/// a trap, so that data written before a limit existed cannot stop the process.
public struct ArithmeticOverflow: AxleError, Equatable {
    /// What was being computed, such as `stock value` or `repair order total`.
    public let operation: String

    public init(_ operation: String) {
        self.operation = operation
    }

    public var code: String { "value.overflow" }
    public var message: String { "the \(operation) exceeds the largest value Axle can keep" }
    public var category: ErrorCategory { .ruleViolation }
}

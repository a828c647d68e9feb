public import Foundation

/// An amount of a part in its unit of measure, in integer thousandths.
///
/// Never a floating-point number: `1.5` litres is `Quantity(milli: 1500)`.
/// JSON carries a quantity as a number with at most three decimals, parsed exactly.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Thousandths of the unit.
    public let milli: Int64

    public static let scale: Int64 = 1000
    public static let zero = Quantity(milli: 0)
    /// The largest quantity Axle accepts anywhere (`ValueLimits.quantityUnits`).
    public static let maximum = Quantity(milli: ValueLimits.quantityUnits * scale)

    public init(milli: Int64) {
        self.milli = milli
    }

    /// A whole number of units.
    public init(units: Int64) {
        self.milli = units * Quantity.scale
    }

    /// Converts an exact decimal; fails when it has more than three decimals or is out of range.
    public init(exactly decimal: Decimal) throws(QuantityError) {
        guard decimal.isFinite, decimal.magnitude <= Quantity.maximum.decimalValue else { throw .outOfRange }
        guard let milli = FixedPoint.integer(from: decimal, decimals: 3) else { throw .tooManyDecimals }
        self.milli = milli
    }

    public var isPositive: Bool { milli > 0 }

    /// The exact decimal value, for JSON and display.
    ///
    /// Built from its digits rather than by dividing by 1000: the same value (trailing zeros
    /// dropped, as the quotient has them), without Decimal division, which every JSON document
    /// with a quantity (each request, response and audit record) would otherwise pay.
    public var decimalValue: Decimal {
        var significand = milli.magnitude
        var exponent = -3
        while exponent < 0, significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        if significand == 0 { return Decimal() }
        return Decimal(sign: milli < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }

    public var description: String { FixedPoint.text(milli, decimals: 3, trimTrailingZeros: true) }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }

    /// Checked: a sum that does not fit is an error, never a trap.
    public static func + (lhs: Quantity, rhs: Quantity) throws(ArithmeticOverflow) -> Quantity {
        let (sum, overflow) = lhs.milli.addingReportingOverflow(rhs.milli)
        guard !overflow else { throw ArithmeticOverflow("quantity") }
        return Quantity(milli: sum)
    }

    /// Checked: a difference that does not fit is an error, never a trap.
    public static func - (lhs: Quantity, rhs: Quantity) throws(ArithmeticOverflow) -> Quantity {
        let (difference, overflow) = lhs.milli.subtractingReportingOverflow(rhs.milli)
        guard !overflow else { throw ArithmeticOverflow("quantity") }
        return Quantity(milli: difference)
    }

    /// Whether the quantity is within `maximum` either way.
    public var isWithinLimit: Bool { milli.magnitude <= Quantity.maximum.milli.magnitude }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Whole numbers, the usual case, need no Decimal arithmetic; anything else (fractions,
        // huge values, wrong types) takes the exact Decimal path, with its errors.
        if let units = try? container.decode(Int64.self), units.magnitude <= ValueLimits.quantityUnits.magnitude {
            self.init(units: units)
            return
        }
        let decimal = try container.decode(Decimal.self)
        do {
            self = try Quantity(exactly: decimal)
        } catch .outOfRange {
            // Well-formed but too large: the field and the limit, not a syntax error.
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath, debugDescription: QuantityError.outOfRange.message,
                underlyingError: LimitError(field: "", limit: Quantity.maximum.description)))
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        // A whole number encodes as the integer it is: the same JSON text, far cheaper.
        if milli % Quantity.scale == 0 {
            try container.encode(milli / Quantity.scale)
        } else {
            try container.encode(decimalValue)
        }
    }
}

public enum QuantityError: Error, Equatable, Sendable {
    case tooManyDecimals
    case outOfRange

    public var message: String {
        switch self {
        case .tooManyDecimals: "a quantity has at most three decimals"
        case .outOfRange: "a quantity is at most \(Quantity.maximum)"
        }
    }
}

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
    /// The largest quantity Axle accepts anywhere: a trillion units is a typing error, not stock.
    public static let maximum = Quantity(milli: 1_000_000_000_000 * scale)

    public init(milli: Int64) {
        self.milli = milli
    }

    /// A whole number of units.
    public init(units: Int64) {
        self.milli = units * Quantity.scale
    }

    /// Converts an exact decimal; fails when it has more than three decimals or is out of range.
    public init(exactly decimal: Decimal) throws(QuantityError) {
        guard let milli = FixedPoint.integer(from: decimal, decimals: 3) else {
            throw .tooManyDecimals
        }
        guard abs(milli) <= Quantity.maximum.milli else { throw .outOfRange }
        self.milli = milli
    }

    public var isPositive: Bool { milli > 0 }

    /// The exact decimal value, for JSON and display.
    public var decimalValue: Decimal { Decimal(milli) / Decimal(Quantity.scale) }

    public var description: String { FixedPoint.text(milli, decimals: 3, trimTrailingZeros: true) }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli + rhs.milli) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli - rhs.milli) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decimal = try container.decode(Decimal.self)
        do {
            self = try Quantity(exactly: decimal)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalValue)
    }
}

public enum QuantityError: Error, Equatable, Sendable {
    case tooManyDecimals
    case outOfRange

    public var message: String {
        switch self {
        case .tooManyDecimals: "a quantity has at most three decimals"
        case .outOfRange: "the quantity is out of range"
        }
    }
}

import Foundation

/// A rate in hundredths of a percent (`8.25` % is 825), exact like money: tax rates,
/// thresholds. On the wire it is a decimal number of percent with at most two decimals.
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let basisPoints: Int64

    public init(basisPoints: Int64) {
        self.basisPoints = basisPoints
    }

    public static let zero = Percentage(basisPoints: 0)

    /// `money × rate`, rounded half away from zero to the minor unit.
    /// Checked: a result beyond 64 bits is an error, never a trap.
    public func of(_ money: Money) throws(ArithmeticOverflow) -> Money {
        let product = Int128(money.minorUnits) * Int128(basisPoints)
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 10_000)
        let rounding: Int128 = remainder.magnitude * 2 >= 10_000 ? (remainder < 0 ? -1 : 1) : 0
        guard let minor = Int64(exactly: quotient + rounding) else { throw ArithmeticOverflow("\(self) % of \(money)") }
        return Money(minorUnits: minor, currency: money.currency)
    }

    public var description: String { FixedPoint.text(basisPoints, decimals: 2, trimTrailingZeros: true) }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.basisPoints < rhs.basisPoints }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decimal = try container.decode(Decimal.self)
        guard let points = FixedPoint.integer(from: decimal, decimals: 2), (0...100_000).contains(points) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a percentage from 0 to 1000 with at most 2 decimals")
        }
        self.basisPoints = points
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(basisPoints) / 100)
    }
}

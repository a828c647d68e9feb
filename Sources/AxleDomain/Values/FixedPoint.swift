public import Foundation

/// Exact conversions between decimals, text and scaled integers, shared by `Quantity` and `Money`.
public enum FixedPoint {
    /// `decimal × 10^decimals` as an integer, or nil when that is not whole or does not fit.
    public static func integer(from decimal: Decimal, decimals: Int) -> Int64? {
        guard decimal.isFinite else { return nil }
        var scaled = decimal
        for _ in 0..<decimals { scaled *= 10 }
        var rounded = Decimal()
        var source = scaled
        NSDecimalRound(&rounded, &source, 0, .plain)
        guard rounded == scaled else { return nil }
        // 9.2e18 fits Int64; anything larger is rejected before conversion.
        guard abs(rounded) < Decimal(string: "9000000000000000000")! else { return nil }
        return Int64(truncating: NSDecimalNumber(decimal: rounded))
    }

    /// Parses plain decimal text (`-12.34`, `7`, `0.5`) with at most `decimals` fraction digits.
    /// No exponent, no grouping, no leading `+`: money on the wire is unambiguous.
    public static func integer(fromText text: String, decimals: Int) -> Int64? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              whole.allSatisfy(\.isASCIIDigit), whole.count <= 15 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= decimals, fraction.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !fraction.isEmpty else { return nil }
        let padded = fraction + String(repeating: "0", count: decimals - fraction.count)
        guard let value = Int64(whole + padded) else { return nil }
        return negative ? -value : value
    }

    /// Renders a scaled integer as decimal text with exactly `decimals` fraction digits,
    /// or with trailing zeros removed.
    public static func text(_ value: some BinaryInteger, decimals: Int, trimTrailingZeros: Bool = false) -> String {
        let magnitude = UInt128(value.magnitude)
        var divisor: UInt128 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = magnitude / divisor
        let sign = value < 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        if trimTrailingZeros {
            while fraction.last == "0" { fraction.removeLast() }
        }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

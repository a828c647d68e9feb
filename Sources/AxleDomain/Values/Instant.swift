public import Foundation

/// A point in time with microsecond resolution, as stored and compared everywhere in Axle.
///
/// Text is ISO 8601 with an offset. Formatting and parsing are done here on integers:
/// going through `Date` (a `Double`) loses the last millisecond digit.
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    public init(_ date: Date) {
        self.microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }

    public func adding(seconds: Int64) -> Instant { Instant(microseconds: microseconds + seconds * 1_000_000) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.microseconds < rhs.microseconds }

    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// UTC, with milliseconds, or microseconds when they are not whole: `2026-11-25T17:13:56.123Z`.
    public var description: String {
        let day = CalendarDate(utcOf: self)
        var inDay = microseconds % Instant.microsecondsPerDay
        if inDay < 0 { inDay += Instant.microsecondsPerDay }
        let seconds = inDay / 1_000_000, fraction = inDay % 1_000_000
        let fractionText = fraction % 1000 == 0
            ? FixedPoint.text(fraction / 1000, decimals: 3).dropFirst()
            : FixedPoint.text(fraction, decimals: 6).dropFirst()
        return "\(day)T\(Self.twoDigits(seconds / 3600)):\(Self.twoDigits(seconds / 60 % 60)):"
            + "\(Self.twoDigits(seconds % 60))\(fractionText)Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; the offset is required.
    public init?(iso8601 text: String) {
        let characters = Array(text.utf8)
        guard characters.count >= 20, characters[10] == UInt8(ascii: "T") || characters[10] == UInt8(ascii: "t"),
              characters[13] == UInt8(ascii: ":"), characters[16] == UInt8(ascii: ":"),
              let date = CalendarDate(String(decoding: characters[0..<10], as: UTF8.self)),
              let hour = Self.number(characters[11..<13]), let minute = Self.number(characters[14..<16]),
              let second = Self.number(characters[17..<19]), hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if characters[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < characters.count, (48...57).contains(characters[index]) {
                if digits < 6 { fraction = fraction * 10 + Int64(characters[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        guard let offset = Self.offsetSeconds(characters[index...]) else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.microseconds = seconds * 1_000_000 + fraction
    }

    private static func offsetSeconds(_ text: ArraySlice<UInt8>) -> Int64? {
        if text.count == 1, text.first == UInt8(ascii: "Z") || text.first == UInt8(ascii: "z") { return 0 }
        guard text.count == 6, let sign = text.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              text[text.startIndex + 3] == UInt8(ascii: ":"),
              let hours = number(text[(text.startIndex + 1)..<(text.startIndex + 3)]),
              let minutes = number(text[(text.startIndex + 4)..<(text.startIndex + 6)]),
              hours <= 23, minutes <= 59 else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "+") ? magnitude : -magnitude
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for digit in digits {
            guard (48...57).contains(digit) else { return nil }
            value = value * 10 + Int64(digit - 48)
        }
        return value
    }

    private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public init(from decoder: any Decoder) throws {
        self = try CodeText.decode({ Instant(iso8601: $0) }, from: decoder,
                                   expectation: "an ISO 8601 time with offset")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

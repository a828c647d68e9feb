/// A wall-clock time at a site (`08:30`), in minutes after local midnight; 24:00 ends a day.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM`, 00:00 to 24:00.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        self.init(minutes: hours * 60 + minutes)
    }

    public var description: String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0\(hours)" : "\(hours)") + ":" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected a time HH:MM (00:00 to 24:00)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of the week, as opening hours and shifts repeat.
public enum Weekday: String, ClosedSet {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a calendar date (1970-01-01 was a Thursday).
    public init(of date: CalendarDate) {
        let days = date.daysSinceEpoch
        let index = Int(((days % 7) + 7 + 3) % 7)
        self = Weekday.allCases[index]
    }
}

/// One recurring stretch of working time on a weekday, in the site's local time:
/// a technician's shift, or a bay's opening hours.
public struct WorkingWindow: Hashable, Sendable, Codable {
    public let weekday: Weekday
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(weekday: Weekday, start: TimeOfDay, end: TimeOfDay) {
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    /// The same hours on each of `weekdays`.
    public static func every(_ weekdays: [Weekday], from start: TimeOfDay, to end: TimeOfDay) -> [WorkingWindow] {
        weekdays.map { WorkingWindow(weekday: $0, start: start, end: end) }
    }

    public static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}

public import Foundation

/// A site's local time: its IANA time zone and its holidays. Service work is planned in
/// wall-clock time (a shift is 08:00–17:00 whatever the offset that day) and stored as
/// instants, so a daylight-saving change never moves booked work.
public struct SiteCalendar: Sendable {
    public let timeZone: TimeZone
    /// Days the site does no service work.
    public let holidays: Set<CalendarDate>

    public init(timeZone: TimeZone, holidays: Set<CalendarDate> = []) {
        self.timeZone = timeZone
        self.holidays = holidays
    }

    /// Throws when `identifier` is not an IANA time zone this system knows.
    public init(timeZoneIdentifier identifier: String, holidays: Set<CalendarDate> = []) throws(ServiceError) {
        guard let zone = TimeZone(identifier: identifier) else { throw .unknownTimeZone(identifier) }
        self.init(timeZone: zone, holidays: holidays)
    }

    /// The instant at which the site's clocks show `time` on `date`. In the hour skipped when
    /// clocks go forward, the time is read with the offset before the change.
    public func instant(on date: CalendarDate, at time: TimeOfDay) -> Instant {
        let local = date.daysSinceEpoch * 86_400 + Int64(time.minutes) * 60
        let guess = local - offset(at: local)
        return Instant(microseconds: (local - offset(at: guess)) * 1_000_000)
    }

    /// The site's local date and wall-clock minute of `instant`.
    public func local(_ instant: Instant) -> (date: CalendarDate, minutes: Int) {
        let seconds = instant.microseconds.floorDivided(by: 1_000_000)
        let local = seconds + offset(at: seconds)
        let date = CalendarDate(utcOf: Instant(microseconds: local * 1_000_000))
        return (date, Int((local - date.daysSinceEpoch * 86_400) / 60))
    }

    /// `2026-12-01T09:00:00-06:00`: the instant as the site's clocks show it, with the offset.
    public func text(_ instant: Instant) -> String {
        let seconds = instant.microseconds.floorDivided(by: 1_000_000)
        let offset = offset(at: seconds)
        let (date, minutes) = local(instant)
        let second = Int((seconds + offset) - date.daysSinceEpoch * 86_400) % 60
        let sign = offset < 0 ? "-" : "+"
        let magnitude = Int(offset.magnitude) / 60
        return "\(date)T\(TimeOfDay(minutes: minutes)!):\(Self.twoDigits(second))\(sign)"
            + "\(Self.twoDigits(magnitude / 60)):\(Self.twoDigits(magnitude % 60))"
    }

    public func isHoliday(_ date: CalendarDate) -> Bool { holidays.contains(date) }

    /// The periods `windows` cover on `date`, as instants; none on a holiday.
    public func periods(of windows: [WorkingWindow], on date: CalendarDate) -> [Period] {
        guard !isHoliday(date) else { return [] }
        let weekday = Weekday(of: date)
        return windows.filter { $0.weekday == weekday && $0.start < $0.end }
            .map { Period(start: instant(on: date, at: $0.start), end: instant(on: date, at: $0.end)) }
            .sorted { $0.start < $1.start }
    }

    private func offset(at seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A stretch of time from `start` up to, not including, `end`.
public struct Period: Hashable, Sendable, Codable {
    public let start: Instant
    public let end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: Period) -> Bool { start < other.end && other.start < end }

    public func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

    public var minutes: Int64 { (end.microseconds - start.microseconds) / 60_000_000 }
}

import AxleDomain
import Foundation

/// The days the history covers, in the sites' time zone: by default from the first day of the
/// month twelve months back to yesterday, so twelve whole months and this month so far.
///
/// Days depend only on the date of `now`, never on its time of day: two demos generated on the
/// same day hold the same history, and every moment of it lies before today began.
struct HistoryCalendar: Sendable {
    struct Day: Sendable {
        let date: CalendarDate
        /// 1 is Monday, 7 Sunday.
        let weekday: Int
        /// Microseconds since the epoch of the day's local midnight, as the day's clocks read it
        /// at noon (on a daylight-saving day, the hours of business come out right).
        let midnight: Int64
    }

    let days: [Day]

    static let microsecondsPerSecond: Int64 = 1_000_000

    /// `length` days ending yesterday, or (nil) the default: this month a year ago to yesterday.
    init(now: Instant, timeZone identifier: String, length: Int? = nil) {
        // The demo's sites name a known zone; an unknown one is a programming error.
        guard let zone = TimeZone(identifier: identifier) else { preconditionFailure("unknown time zone \(identifier)") }
        let offsetNow = Int64(zone.secondsFromGMT(for: now.date))
        let today = CalendarDate(utcOf: now.adding(seconds: offsetNow))
        // This month a year ago, then every day from its first to yesterday.
        guard let start = CalendarDate(year: today.year - 1, month: today.month, day: 1) else {
            preconditionFailure("the first of a month is a date")
        }
        let last = today.daysSinceEpoch - 1
        let first = length.map { last - Int64($0) + 1 } ?? start.daysSinceEpoch
        days = (first...last).map { epochDay in
            let noon = Instant(microseconds: (epochDay * 86_400 + 43_200) * Self.microsecondsPerSecond)
            let offset = Int64(zone.secondsFromGMT(for: noon.date))
            // 1970-01-01 was a Thursday.
            let weekday = Int(((epochDay % 7) + 7 + 3) % 7) + 1
            return Day(date: CalendarDate(utcOf: noon), weekday: weekday,
                       midnight: (epochDay * 86_400 - offset) * Self.microsecondsPerSecond)
        }
    }

    /// The moment `seconds` after local midnight of day `day`.
    func moment(day: Int, seconds: Int) -> Int64 {
        days[day].midnight + Int64(seconds) * Self.microsecondsPerSecond
    }

    /// The date `count` days after day `day`, also beyond the history's end.
    func date(_ day: Int, plus count: Int) -> CalendarDate {
        let epochDay = days[day].date.daysSinceEpoch + Int64(count)
        return CalendarDate(utcOf: Instant(microseconds: epochDay * 86_400 * Self.microsecondsPerSecond))
    }
}

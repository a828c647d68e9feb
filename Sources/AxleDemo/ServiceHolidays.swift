import AxleDomain

/// The days US dealer workshops close: New Year's Day, Memorial Day, Independence Day, Labor
/// Day, Thanksgiving and Christmas, a fixed-date holiday falling on a weekend observed on the
/// nearest weekday, as federal holidays are.
enum ServiceHolidays {
    static func dates(years: ClosedRange<Int>) -> Set<CalendarDate> {
        var dates: Set<CalendarDate> = []
        for year in years {
            dates.insert(observed(year, 1, 1))
            dates.insert(last(.monday, of: 5, in: year))
            dates.insert(observed(year, 7, 4))
            dates.insert(nth(1, .monday, of: 9, in: year))
            dates.insert(nth(4, .thursday, of: 11, in: year))
            dates.insert(observed(year, 12, 25))
        }
        return dates
    }

    /// A Saturday holiday is observed on the Friday before, a Sunday one on the Monday after.
    private static func observed(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        let date = self.date(year, month, day)
        switch Weekday(of: date) {
        case .saturday: return shifted(date, by: -1)
        case .sunday: return shifted(date, by: 1)
        default: return date
        }
    }

    private static func nth(_ n: Int, _ weekday: Weekday, of month: Int, in year: Int) -> CalendarDate {
        var date = self.date(year, month, 1)
        while Weekday(of: date) != weekday { date = date.next }
        return shifted(date, by: Int64(7 * (n - 1)))
    }

    private static func last(_ weekday: Weekday, of month: Int, in year: Int) -> CalendarDate {
        var date = shifted(month == 12 ? self.date(year + 1, 1, 1) : self.date(year, month + 1, 1), by: -1)
        while Weekday(of: date) != weekday { date = shifted(date, by: -1) }
        return date
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        // Callers pass days that exist; anything else is a programming error.
        guard let date = CalendarDate(year: year, month: month, day: day) else { preconditionFailure("no such date") }
        return date
    }

    static func shifted(_ date: CalendarDate, by days: Int64) -> CalendarDate {
        CalendarDate(utcOf: Instant(microseconds: (date.daysSinceEpoch + days) * 86_400_000_000))
    }
}

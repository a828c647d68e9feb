/// Available-to-promise, time-phased by day: what can still be promised on each day from
/// stock available now plus what arrives by then, after waiting backorders take their share.
public struct AvailableToPromise: Hashable, Sendable, Encodable {
    public struct Day: Hashable, Sendable, Encodable {
        public let date: CalendarDate
        /// Arriving on this day.
        public let inbound: Quantity
        /// Promisable on this day (cumulative).
        public let available: Quantity
    }

    /// Stock on its way to a site, and the day it is expected.
    public struct Inbound: Hashable, Sendable {
        public let quantity: Quantity
        public let expected: CalendarDate

        public init(quantity: Quantity, expected: CalendarDate) {
            self.quantity = quantity
            self.expected = expected
        }
    }

    public let availableNow: Quantity
    public let backordered: Quantity
    public let days: [Day]

    /// The longest horizon asked for at once.
    public static let maximumDays = 366

    /// Builds the daily view from `today` through `through`. Inbound expected before today
    /// (late) counts today; backorders are served first, so they reduce what can be promised.
    public init(available: Quantity, backordered: Quantity, inbound: [Inbound], from today: CalendarDate,
                through last: CalendarDate) throws(ArithmeticOverflow) {
        self.availableNow = available
        self.backordered = backordered
        var days: [Day] = []
        var cumulative = try available - backordered
        var date = today
        var count = 0
        while date <= last, count < Self.maximumDays {
            var arriving = Quantity.zero
            for arrival in inbound where arrival.expected == date || (date == today && arrival.expected < today) {
                arriving = try arriving + arrival.quantity
            }
            cumulative = try cumulative + arriving
            days.append(Day(date: date, inbound: arriving, available: max(cumulative, .zero)))
            date = date.next
            count += 1
        }
        self.days = days
    }
}

extension CalendarDate {
    /// The following day. After 2999-12-31, the last date a request can name, it is still the
    /// following day (a search or report running past it must not trap).
    public var next: CalendarDate {
        if day < CalendarDate.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1)! }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1)! }
        return CalendarDate(utcOf: Instant(microseconds: (daysSinceEpoch + 1) * Instant.microsecondsPerDay))
    }

    /// The date `days` days later (a lead time: at most a year, so never past what a date can hold).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(utcOf: Instant(microseconds: (daysSinceEpoch + Int64(days)) * Instant.microsecondsPerDay))
    }
}

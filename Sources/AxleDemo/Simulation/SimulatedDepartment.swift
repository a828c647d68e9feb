import AxleApplication
import AxleDomain

/// One part of the simulated business (the parts counters and warehouses, the service
/// departments): what its people do, an hour at a time, through the application's commands and
/// queries as the user who would do it.
///
/// A department holds what belongs to people (which slot a customer takes, what a counter
/// counts, what a buyer orders) and never a rule of the system: it allocates, values, approves,
/// posts, picks a bin or changes a status only by calling the use case that does. It opens no
/// transaction and calls no store.
protocol SimulatedDepartment: Sendable {
    /// Does what happens in `hour`, through `services`, moving `clock` forward to the moment of
    /// each thing it does (`SimulatedHour.at`). Throwing stops the simulation: a refusal a person
    /// would meet (no stock, a slot taken meanwhile) is caught and handled as that person would.
    mutating func work(_ hour: SimulatedHour, clock: SimulatedClock, services: AxleServices) async throws
}

/// An hour of the simulated calendar, in the sites' time zone.
struct SimulatedHour: Sendable {
    /// The day's position in the calendar (0 is its first day).
    let dayIndex: Int
    let day: HistoryCalendar.Day
    /// 0…23, local time.
    let hour: Int

    var start: Instant { at(minute: 0) }

    /// The moment `minute` minutes (0…59, more spills into the next hour) after the hour began.
    func at(minute: Int, second: Int = 0) -> Instant {
        let seconds = Int64(hour * 3600 + minute * 60 + second)
        return Instant(microseconds: day.midnight + seconds * HistoryCalendar.microsecondsPerSecond)
    }
}

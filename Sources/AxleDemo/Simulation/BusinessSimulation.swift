import AxleApplication
import AxleDomain

/// Runs the simulated business day by day: every department through every hour of the
/// calendar, under the simulated clock, each day in one batch of the application
/// (`AxleServices.batch`: one transaction, every command still authorised, validated and audited).
struct BusinessSimulation {
    let calendar: HistoryCalendar
    let clock: SimulatedClock

    /// Services that read the simulated clock and draw identifiers from the seed, over `services`' database.
    static func services(over services: AxleServices, clock: SimulatedClock, seed: UInt64) -> AxleServices {
        AxleServices(dependencies: Dependencies(database: services.database, clock: clock.clock,
                                                ids: clock.identifiers(seed: seed)))
    }

    /// Runs the departments through the calendar, in the order given within each hour, and
    /// returns them as they are at its end. `progress` hears of each month as it begins;
    /// `afterDay` runs once each day has committed.
    func run(_ departments: [any SimulatedDepartment], through services: AxleServices,
             progress: (String) -> Void, afterDay: DemoDataset.AfterDay?) async throws -> [any SimulatedDepartment] {
        var departments = departments
        for (index, day) in calendar.days.enumerated() {
            if index == 0 || day.date.day == 1 { progress("simulated business: \(day.date.description.prefix(7))") }
            clock.advance(to: Instant(microseconds: day.midnight))
            departments = try await services.batch { [departments, clock] batch in
                var working = departments
                for hour in 0..<24 {
                    let slice = SimulatedHour(dayIndex: index, day: day, hour: hour)
                    clock.advance(to: slice.start)
                    for position in working.indices {
                        try await working[position].work(slice, clock: clock, services: batch)
                    }
                }
                return working
            }
            try await afterDay?(day.date)
        }
        return departments
    }
}

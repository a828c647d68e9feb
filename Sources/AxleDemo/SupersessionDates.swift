import AxleDomain

/// Effective dates for supersession links: renumberings of the last ten years, and a few
/// announced for the coming months so that a demo shows a part about to be superseded.
struct SupersessionDates: Sendable {
    /// The clock's time when the demo is generated; only announced links depend on it.
    let now: Instant
    var today: CalendarDate { CalendarDate(utcOf: now) }

    /// Chains whose newest link is still to take effect.
    private static let announcedProbability = 0.08
    /// 2016-01-01T00:00:00Z. Past links fall in the ten years after it: fixed dates, so the same
    /// seed gives the same history whenever the demo is generated.
    private static let historyStart = Instant(microseconds: 1_451_606_400 * 1_000_000)
    private static let historyDays = 3_652
    private static let secondsPerDay: Int64 = 86_400

    /// The effective dates of a chain's links, oldest first.
    func chain(links: Int, using random: inout DemoRandom) -> [CalendarDate] {
        let days = (0..<links).map { _ in random.int(in: 0...Self.historyDays) }.sorted()
        var dates = days.map { CalendarDate(utcOf: Self.historyStart.adding(seconds: Int64($0) * Self.secondsPerDay)) }
        if random.chance(Self.announcedProbability) {
            let ahead = Int64(random.int(in: 14...180))
            dates[links - 1] = CalendarDate(utcOf: now.adding(seconds: ahead * Self.secondsPerDay))
        }
        return dates
    }
}

import AxleDomain

/// The technicians of one workshop over the history's days: when each works (shifts on working
/// days, absences cut out) and until when each is busy. Work is placed at the earliest moment a
/// technician with the skill is free, and split across breaks and days, as a technician clocks
/// off at the end of a shift and on again at the start of the next.
///
/// Work arrives roughly in time order, so each technician only keeps the moment they are free
/// again: a gap left earlier is not filled later. Times are microseconds since the epoch.
struct ServiceTimeline {
    struct Worker {
        let technician: Technician
        /// Working stretches, in order.
        let stretches: [(start: Int64, end: Int64)]
        /// The first stretch that may still hold work.
        var cursor = 0
        var freeAt: Int64 = .min
        /// Minutes of work placed so far.
        var clocked: Int64 = 0
    }

    private(set) var workers: [Worker]
    /// Minutes the technicians can work on each of `dates`.
    let available: [Int64]

    init(technicians: [Technician], absences: [Absence], calendar: SiteCalendar, dates: [CalendarDate]) {
        var available = [Int64](repeating: 0, count: dates.count)
        workers = technicians.map { technician in
            let away = absences.filter { $0.technicianID == technician.id }.map(\.period)
            var stretches: [(start: Int64, end: Int64)] = []
            for (day, date) in dates.enumerated() {
                for shift in calendar.periods(of: technician.shifts, on: date) {
                    for piece in Self.subtract(away, from: shift) {
                        stretches.append((piece.start.microseconds, piece.end.microseconds))
                        available[day] += piece.minutes
                    }
                }
            }
            return Worker(technician: technician, stretches: stretches)
        }
        self.available = available
    }

    /// The parts of `period` outside every one of `away`.
    static func subtract(_ away: [Period], from period: Period) -> [Period] {
        var pieces = [period]
        for gap in away where gap.overlaps(period) {
            pieces = pieces.flatMap { piece -> [Period] in
                guard gap.overlaps(piece) else { return [piece] }
                var rest: [Period] = []
                if piece.start < gap.start { rest.append(Period(start: piece.start, end: gap.start)) }
                if gap.end < piece.end { rest.append(Period(start: gap.end, end: piece.end)) }
                return rest
            }
        }
        return pieces
    }

    /// Places `minutes` of work needing `skills` no earlier than `from`: with `preferred` when
    /// that technician is qualified and free as early as anyone, else with whoever qualified is
    /// free first (the one with least work so far on a tie). Returns the technician and the
    /// stretches clocked (fewer minutes than asked when the timeline ends first), or nil when
    /// nobody qualified works before the timeline ends.
    mutating func place(minutes: Int64, skills: Set<Skill>, from: Int64, preferred: Technician.ID?)
        -> (technician: Technician.ID, pieces: [(start: Int64, end: Int64)], finished: Bool)?
    {
        var best: (index: Int, start: Int64)?
        for index in workers.indices where workers[index].technician.has(skills) {
            guard let start = earliest(index, from: from) else { continue }
            let isPreferred = workers[index].technician.id == preferred
            if let current = best {
                let better = start < current.start
                    || (start == current.start && (isPreferred || (workers[current.index].technician.id != preferred
                        && workers[index].clocked < workers[current.index].clocked)))
                if !better { continue }
            }
            best = (index, start)
        }
        guard let (index, start) = best else { return nil }
        var pieces: [(start: Int64, end: Int64)] = []
        var remaining = minutes * 60_000_000
        var moment = start
        var stretch = workers[index].cursor
        while remaining > 0, stretch < workers[index].stretches.count {
            let (from, to) = workers[index].stretches[stretch]
            let begin = max(from, moment)
            if begin < to {
                let end = min(to, begin + remaining)
                pieces.append((begin, end))
                remaining -= end - begin
                moment = end
            }
            if remaining > 0 { stretch += 1 }
        }
        guard let last = pieces.last else { return nil }
        workers[index].freeAt = last.end
        workers[index].clocked += minutes - remaining / 60_000_000
        return (workers[index].technician.id, pieces, remaining == 0)
    }

    /// The first moment at or after `from` at which worker `index` works and is free.
    private mutating func earliest(_ index: Int, from: Int64) -> Int64? {
        let moment = max(from, workers[index].freeAt)
        var cursor = workers[index].cursor
        let stretches = workers[index].stretches
        while cursor < stretches.count, stretches[cursor].end <= workers[index].freeAt { cursor += 1 }
        workers[index].cursor = cursor
        while cursor < stretches.count, stretches[cursor].end <= moment { cursor += 1 }
        guard cursor < stretches.count else { return nil }
        return max(moment, stretches[cursor].start)
    }
}

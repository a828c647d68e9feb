#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time, so that a figure taken on a shared machine can be read per unit of work: other
/// processes slow the clock time of a run, not (much) the CPU time each request costs.
enum CPUTime {
    /// CPU time used so far by the whole process, every thread.
    static func process() -> Duration { read(CLOCK_PROCESS_CPUTIME_ID) }

    /// CPU time used so far by the calling thread.
    static func thread() -> Duration { read(CLOCK_THREAD_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Duration {
        var time = timespec()
        clock_gettime(clock, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

/// The machine's 1-minute load average: how much else wanted the cores while a figure was taken.
enum LoadAverage {
    static func oneMinute() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : 0
    }
}

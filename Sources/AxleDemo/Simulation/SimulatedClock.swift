import AxleApplication
import AxleDomain
import Foundation
import Synchronization

/// The simulation's time. The use cases read it as their clock; it moves only when the
/// simulation moves it, and never backwards, so audit times and identifiers follow the order in
/// which things were done.
final class SimulatedClock: Sendable {
    private let current: Mutex<Instant>

    init(start: Instant) {
        current = Mutex(start)
    }

    var now: Instant { current.withLock { $0 } }

    /// Moves to `instant`, or stays where it is when that is earlier.
    func advance(to instant: Instant) {
        current.withLock { now in now = max(now, instant) }
    }

    var clock: Clock { Clock { [self] in now } }

    /// Version-7 identifiers from the simulated time and the seed: the same seed and calendar
    /// give the same identifiers, in the order the records were made.
    func identifiers(seed: UInt64) -> IdentifierSource {
        let random = Mutex(DemoRandom(seed: seed, stream: "identifiers"))
        return IdentifierSource { [self] in
            let milliseconds = UInt64(max(0, now.microseconds / 1000))
            return random.withLock { UUID.version7(milliseconds: milliseconds, using: &$0) }
        }
    }
}

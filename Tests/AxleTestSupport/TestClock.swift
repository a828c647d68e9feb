public import AxleApplication
public import AxleDomain
import Synchronization

/// A clock that stands still until a test moves it.
public final class TestClock: Sendable {
    private let current: Mutex<Instant>

    /// 2026-03-02T09:00:00Z unless told otherwise.
    public init(_ start: Instant = Instant(microseconds: 1_772_442_000_000_000)) {
        self.current = Mutex(start)
    }

    public var now: Instant { current.withLock { $0 } }

    public func advance(seconds: Int64) {
        current.withLock { $0 = $0.adding(seconds: seconds) }
    }

    public var clock: Clock { Clock { self.now } }
}

import AxleApplication
import Foundation
import Synchronization

/// Shows an import's progress on standard error once it has run a second, then a few times a
/// second: rows done, rows per second and the time left at that rate.
final class ProgressMeter: Sendable {
    private struct State {
        var started = ContinuousClock.now
        var lastShown: ContinuousClock.Instant?
        var shownAny = false
    }

    private let state = Mutex(State())
    private let interval = Duration.milliseconds(250)

    func update(_ progress: ImportProgress) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if progress.rowsDone == 1 { state.started = now }
            guard now - state.started >= .seconds(1) else { return nil }
            if let last = state.lastShown, now - last < interval, progress.rowsDone < progress.rowsTotal { return nil }
            state.lastShown = now
            state.shownAny = true
            let seconds = max((now - state.started) / .seconds(1), 0.001)
            let rate = Double(progress.rowsDone) / seconds
            let left = Double(progress.rowsTotal - progress.rowsDone) / max(rate, 1)
            return String(format: "\r%d/%d rows, %.0f rows/s, %.0f s left ", progress.rowsDone, progress.rowsTotal,
                          rate, left)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        if state.withLock({ $0.shownAny }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

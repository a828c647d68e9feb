public import HummingbirdCore
import NIOCore
import Synchronization

/// The server's open connections, shared by its event loops, and which of them are idle
/// (between requests, or still without a complete request head; see `IdleTracker`), so
/// that at the connection limit the longest-idle one can be closed to make room, as a busy
/// server drains idle keep-alive connections rather than leave new clients waiting.
public final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        /// When the connection last became idle; nil while a request is in flight.
        var idleSince: UInt64?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    func opened(_ channel: any Channel) {
        state.withLock { state in
            state.clock += 1
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: state.clock)
        }
    }

    func closed(_ channel: any Channel) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func setIdle(_ channel: any Channel, _ idle: Bool) {
        state.withLock { state in
            state.clock += 1
            state.entries[ObjectIdentifier(channel)]?.idleSince = idle ? state.clock : nil
        }
    }

    /// Closes the connection idle the longest, if any is idle.
    func closeLongestIdle() {
        let victim = state.withLock { state -> (any Channel)? in
            guard let (key, entry) = state.entries.filter({ $0.value.idleSince != nil })
                .min(by: { $0.value.idleSince! < $1.value.idleSince! }) else { return nil }
            state.entries[key]?.idleSince = nil
            return entry.channel
        }
        victim?.close(promise: nil)
    }
}

/// The connection limit: below it every connection is accepted; at it the longest-idle
/// connection is closed to make room, and only when none is idle do new connections wait
/// (in the listen queue) until one closes.
public struct IdleDrainingConnectionLimit: AvailableConnectionsDelegate {
    let maximum: Int
    let registry: ConnectionRegistry
    var open = 0

    public init(maximum: Int, registry: ConnectionRegistry) {
        self.maximum = maximum
        self.registry = registry
    }

    public mutating func connectionOpened() { open += 1 }

    public mutating func connectionClosed() { open -= 1 }

    /// Asked whenever the server would accept; at the limit that may close one idle
    /// connection even when nobody is waiting (the server cannot see its listen queue).
    public func isAcceptingNewConnections() -> Bool {
        guard open >= maximum else { return true }
        // Accepting resumes once the closed connection's close completes.
        registry.closeLongestIdle()
        return false
    }
}

import AxleDomain
import Synchronization

/// Bearer tokens this process has recently read from the database, with their principals, so
/// that a client's every request does not read its token again (on SQLite a read transaction
/// on another thread; on PostgreSQL several round trips).
///
/// An entry is trusted for `timeToLive` after its token was read, and every use still checks the
/// token's expiry. Revoking a token through this process empties the cache as soon as the
/// revocation commits (`RevokesCredentials`); a revocation made by another process (`axle token
/// revoke` beside a running server, another server on the same PostgreSQL) takes effect here
/// within `timeToLive`. Refused tokens are never cached.
public final class VerifiedCredentials: Sendable {
    /// How long a token read from the database is trusted without reading it again.
    public static let timeToLive: Int64 = 1_000_000
    /// More tokens than this in use at once empties the cache rather than growing it.
    static let capacity = 4_096

    private struct Entry {
        let token: AccessToken
        let principal: Principal
        let readAt: Instant
    }

    private struct State {
        /// Bumped by every invalidation, so a read that began before it is not cached after it.
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The token and principal of `secretHash`, when read from the database less than
    /// `timeToLive` before `now`.
    func verified(_ secretHash: String, at now: Instant) -> (AccessToken, Principal)? {
        state.withLock { state in
            guard let entry = state.entries[secretHash] else { return nil }
            let age = now.microseconds - entry.readAt.microseconds
            guard age >= 0, age < Self.timeToLive else { return nil }
            return (entry.token, entry.principal)
        }
    }

    /// Taken before reading a token, and handed to `remember` with what was read.
    var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// Keeps a token read at `readAt`, unless the cache was invalidated since `generation`.
    func remember(_ secretHash: String, token: AccessToken, principal: Principal, readAt: Instant,
                  generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.capacity, state.entries[secretHash] == nil {
                state.entries.removeAll(keepingCapacity: true)
            }
            state.entries[secretHash] = Entry(token: token, principal: principal, readAt: readAt)
        }
    }

    /// Forgets every token: the next request with any of them reads it again.
    public func invalidateAll() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll()
        }
    }
}

/// A command after whose commit tokens verified earlier must not be trusted any more
/// (`CommandRunner` invalidates `VerifiedCredentials` once it has committed).
public protocol RevokesCredentials: Command {}

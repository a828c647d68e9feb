/// A fixed set of connections lent out one caller at a time; callers wait in arrival order.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []
    nonisolated let all: [Connection]

    init(_ connections: [Connection]) {
        precondition(!connections.isEmpty, "a pool needs at least one connection")
        self.idle = connections
        self.all = connections
    }

    func acquire() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ connection: Connection) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// Lends a connection for the duration of `body`.
    nonisolated func with<Result: Sendable>(
        _ body: (Connection) async throws -> Result
    ) async throws -> Result {
        let connection = await acquire()
        do {
            let result = try await body(connection)
            await release(connection)
            return result
        } catch {
            await release(connection)
            throw error
        }
    }
}

import AxleStore
import SQLKit
import Synchronization

/// SQLite's single writer, with group commit.
///
/// Concurrent write transactions queue here. Whoever finds the writer idle starts a drain
/// loop that takes every queued write, runs them one after another inside one
/// `BEGIN IMMEDIATE … COMMIT`, each inside its own savepoint, and answers them only after
/// that commit is durable. One fsync then serves a whole batch, so throughput grows with
/// concurrency without weakening durability; a write that throws rolls back to its
/// savepoint and leaves the rest of the batch alone. A write alone in its batch needs no
/// savepoint (a failure rolls back the transaction): inside one, SQLite keeps a statement
/// journal that every later statement walks, which made a long import quadratic.
///
/// The drain loop runs on the writer connection's own thread (`EventLoopTaskExecutor`) and calls
/// SQLite synchronously there (`SQLiteHandle`): its statements are strictly serial, so any wait
/// between them bounds write throughput, and it must not wait in the shared task pool.
final class GroupCommitWriter: Sendable {
    /// One queued write: `run` executes it inside the batch, `finish` answers its caller.
    struct Job: Sendable {
        /// Runs the write, in a savepoint when it shares the transaction; tells whether it succeeded.
        let run: @Sendable (any SQLDatabase, _ shared: Bool) async -> Bool
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var draining = false
    }

    /// A bound on one batch, so one commit never holds an unbounded amount of work.
    static let maximumBatch = 256

    private let sql: any SQLDatabase
    private let executor: EventLoopTaskExecutor
    private let state = Mutex(State())

    /// `executor` runs the drain loop, and so every queued write: the writer connection's event loop.
    init(sql: any SQLDatabase, executor: EventLoopTaskExecutor) {
        self.sql = sql
        self.executor = executor
    }

    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await write(on: { sql in try await body(SQLTransaction(sql: sql, dialect: .sqlite)) })
    }

    /// Like `write(_:)`, handing `body` the writer connection itself.
    func write<Result: Sendable>(
        on body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
        return try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                run: { sql, shared in
                    let result = shared
                        ? await Self.inSavepoint(sql) { try await body(sql) }
                        : await Self.outcome { try await body(sql) }
                    outcome.withLock { $0 = result }
                    if case .success = result { return true } else { return false }
                },
                finish: { commitError in
                    if let commitError {
                        continuation.resume(throwing: commitError)
                    } else {
                        continuation.resume(with: outcome.withLock { $0 }!)
                    }
                })
            enqueue(job)
        }
    }

    private func enqueue(_ job: Job) {
        let startDrain = state.withLock { state in
            state.queue.append(job)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if startDrain { Task(executorPreference: executor) { await self.drain() } }
    }

    private func drain() async {
        while true {
            let batch: [Job] = state.withLock { state in
                let batch = Array(state.queue.prefix(Self.maximumBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Job]) async {
        do {
            try await sql.raw("BEGIN IMMEDIATE").run()
        } catch {
            for job in batch { job.finish(Dialect.translate(error)) }
            return
        }
        if let alone = batch.first, batch.count == 1 {
            // A write alone that failed leaves nothing to keep: its own error answers it.
            guard await alone.run(sql, false) else {
                try? await sql.raw("ROLLBACK").run()
                alone.finish(nil)
                return
            }
        } else {
            for job in batch { _ = await job.run(sql, true) }
        }
        do {
            try await sql.raw("COMMIT").run()
            for job in batch { job.finish(nil) }
        } catch {
            try? await sql.raw("ROLLBACK").run()
            for job in batch { job.finish(Dialect.translate(error)) }
        }
    }

    /// Runs one write that has the transaction to itself.
    private static func outcome<Result>(_ body: () async throws -> Result) async -> Swift.Result<Result, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(Dialect.translate(error))
        }
    }

    /// Runs one write inside a savepoint: kept on success, undone (alone) on failure.
    private static func inSavepoint<Result>(
        _ sql: any SQLDatabase, _ body: () async throws -> Result
    ) async -> Swift.Result<Result, any Error> {
        do {
            try await sql.raw("SAVEPOINT write").run()
        } catch {
            return .failure(Dialect.translate(error))
        }
        do {
            let result = try await body()
            try await sql.raw("RELEASE write").run()
            return .success(result)
        } catch {
            try? await sql.raw("ROLLBACK TO write").run()
            try? await sql.raw("RELEASE write").run()
            return .failure(Dialect.translate(error))
        }
    }
}

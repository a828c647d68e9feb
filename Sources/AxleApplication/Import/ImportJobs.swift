public import AxleDomain
import AxleStore
public import Foundation
import Synchronization

/// Imports run as jobs for HTTP requests: the file is authorised and checked whole at once,
/// then its rows are applied in a task of this server process while the job's row in
/// `import_jobs` says how far it has come and, at the end, what it did. Any server process
/// reads a job; only the one that started it runs it.
public final class ImportJobs: Sendable {
    let dependencies: Dependencies
    /// This process as the runner of its jobs.
    public let runner: String
    private let running = Mutex<[ImportJob.ID: Task<Void, Never>]>([:])

    /// How often a running job's row is written (progress, and a sign its runner is alive).
    static let writeInterval = Duration.seconds(1)
    /// A queued or running job not written for this long has lost its runner.
    public static let abandonedAfterSeconds: Int64 = 30

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
        self.runner = UUID().uuidString
    }

    /// Checks the whole file, records the job as queued and starts it; returns the job as recorded.
    public func start(_ entity: ImportEntity, file: Data, options: ImportOptions, as caller: Caller) async throws
        -> ImportJob
    {
        let id: ImportJob.ID = dependencies.ids.next()
        let service = ImportService(dependencies: dependencies)
        let prepared = try service.prepare(entity, file: file, options: options, as: caller, id: id.description)
        let job = ImportJob(id: id, entity: entity, dryRun: options.dryRun, validOnly: options.mode == .validOnly,
                            startedBy: caller.principal.id, runner: runner, createdAt: dependencies.clock.now(),
                            rowsTotal: prepared.rows)
        try await dependencies.database.write { try await $0.importJobs.insert(job) }
        running.withLock { tasks in
            tasks[id] = Task { await self.execute(prepared, job) }
        }
        return job
    }

    /// Waits until a job this process runs has finished (at once for any other job).
    public func completion(of id: ImportJob.ID) async {
        await running.withLock { $0[id] }?.value
    }

    /// A job, for a caller who may import its entity.
    public func job(_ id: ImportJob.ID, as caller: Caller) async throws -> ImportJob {
        try Self.authorizeReading(caller.principal)
        guard var job = try await dependencies.database.read({ try await $0.importJobs.find(id: id) }) else {
            throw ImportJobError.notFound(id.description)
        }
        try ImportService.authorize(job.entity, caller.principal)
        if !job.state.isFinished, job.updatedAt < Self.cutoff(dependencies.clock.now()),
           running.withLock({ $0[id] == nil }), try await failIfAbandoned(id) {
            // Its runner stopped and no server has started since to say so.
            job = try await dependencies.database.read { try await $0.importJobs.find(id: id) } ?? job
        }
        return job
    }

    /// A finished job's rejected rows as CSV (the file's columns and an `error` column).
    public func rejectedRows(_ id: ImportJob.ID, as caller: Caller) async throws -> String {
        let job = try await job(id, as: caller)
        guard job.state.isFinished, job.counts.rejected > 0,
              let rows = try await dependencies.database.read({ try await $0.importJobs.rejectedRows(of: id) }) else {
            throw ImportJobError.noRejectedRows(id.description, job.state)
        }
        return rows
    }

    /// Run at server start: a job still queued or running that no runner has written for
    /// `abandonedAfterSeconds` belonged to a process that stopped; it is marked failed.
    public func failAbandoned() async throws -> [ImportJob.ID] {
        let now = dependencies.clock.now()
        return try await dependencies.database.write {
            try await $0.importJobs.failAbandoned(writtenBefore: Self.cutoff(now), reason: ImportJobError.abandonedReason,
                                                  at: now)
        }
    }

    /// A job of another process not written for `abandonedAfterSeconds` is failed (this
    /// process's own jobs are alive however long their row waits, on SQLite, for the writer).
    private func failIfAbandoned(_ id: ImportJob.ID) async throws -> Bool {
        let now = dependencies.clock.now()
        return try await dependencies.database.write {
            try await $0.importJobs.failAbandoned(id, writtenBefore: Self.cutoff(now),
                                                  reason: ImportJobError.abandonedReason, at: now)
        }
    }

    private static func cutoff(_ now: Instant) -> Instant { now.adding(seconds: -abandonedAfterSeconds) }

    /// Only those who may import something see import jobs; which entity is checked with the job.
    public static func authorizeReading(_ principal: Principal) throws {
        let permissions = principal.role.permissions
        guard permissions.contains(.importMasterData) || permissions.contains(.importOpeningStock) else {
            throw AccessError.missingPermission(.importMasterData, role: principal.role)
        }
    }

    private func execute(_ prepared: PreparedImport, _ job: ImportJob) async {
        let recorder = ImportJobRecorder(job: job, dependencies: dependencies, interval: Self.writeInterval)
        await recorder.begin()
        do {
            let report = try await ImportService(dependencies: dependencies).run(prepared, progress: recorder.progress)
            await recorder.finish(report)
        } catch {
            await recorder.fail(error)
        }
        _ = running.withLock { $0.removeValue(forKey: job.id) }
    }
}

import AxleDomain
import AxleStore
import Synchronization

/// Writes a running job's row: `running` at the start, then its progress every `interval`
/// (the rows are counted per row in memory, the row written in a transaction of its own), and
/// its outcome at the end, after the last progress write so nothing older overwrites it.
final class ImportJobRecorder: Sendable {
    private let dependencies: Dependencies
    private let interval: Duration
    private let job: Mutex<ImportJob>
    private let writer = Mutex<Task<Void, Never>?>(nil)

    init(job: ImportJob, dependencies: Dependencies, interval: Duration) {
        self.job = Mutex(job)
        self.dependencies = dependencies
        self.interval = interval
    }

    /// The import's progress callback, called for every row: cheap, it only counts.
    var progress: @Sendable (ImportProgress) -> Void {
        { [self] progress in
            job.withLock { job in
                job.rowsDone = progress.rowsDone
                job.rowsTotal = progress.rowsTotal
            }
        }
    }

    func begin() async {
        let running = job.withLock { job in
            job.state = .running
            return job
        }
        await write(running)
        writer.withLock { writer in
            writer = Task { [self] in
                // On SQLite a write waits for the import's own transaction: the row catches up after it.
                while (try? await Task.sleep(for: interval)) != nil {
                    await write(job.withLock { $0 })
                }
            }
        }
    }

    func finish(_ report: ImportReport) async {
        await stopWriting()
        let done = job.withLock { job in
            job.state = .succeeded
            job.rowsDone = report.rows
            job.rowsTotal = report.rows
            job.counts = ImportJob.Counts(created: report.created, updated: report.updated,
                                          unchanged: report.unchanged, rejected: report.rejected)
            job.committed = report.committed
            job.issues = Array(report.issues.prefix(ImportJob.maximumIssues))
            job.issueCount = report.issues.count
            return job
        }
        await write(done, rejectedRows: report.rejectedRows)
    }

    func fail(_ error: any Error) async {
        await stopWriting()
        let failed = job.withLock { job in
            job.state = .failed
            job.failure = (error as? any AxleError).map { "\($0.code): \($0.message)" } ?? "the import failed: \(error)"
            return job
        }
        await write(failed)
    }

    private func stopWriting() async {
        let task = writer.withLock { writer in
            defer { writer = nil }
            return writer
        }
        task?.cancel()
        await task?.value
    }

    /// A failed write leaves the row as it was: the next one, or at the end recovery at a
    /// server start, catches up.
    private func write(_ job: ImportJob, rejectedRows: String? = nil) async {
        var job = job
        job.updatedAt = dependencies.clock.now()
        let written = job
        _ = try? await dependencies.database.write { stores in
            try await stores.importJobs.update(written)
            if let rejectedRows { try await stores.importJobs.saveRejectedRows(rejectedRows, of: written.id) }
        }
    }
}

public import AxleDomain

/// Import jobs started over HTTP, with their progress and outcome.
public protocol ImportJobStore: Sendable {
    func insert(_ job: ImportJob) async throws
    /// Writes the job's state, progress and outcome.
    func update(_ job: ImportJob) async throws
    func find(id: ImportJob.ID) async throws -> ImportJob?
    /// The rejected rows as CSV (the file's columns and an `error` column), kept with the finished job.
    func saveRejectedRows(_ csv: String, of job: ImportJob.ID) async throws
    func rejectedRows(of job: ImportJob.ID) async throws -> String?
    /// Marks failed, with `reason`, every queued or running job last written before `cutoff`
    /// (its runner would have written it since); returns their identifiers.
    func failAbandoned(writtenBefore cutoff: Instant, reason: String, at now: Instant) async throws -> [ImportJob.ID]
    /// The same for one job; whether it was failed.
    func failAbandoned(_ job: ImportJob.ID, writtenBefore cutoff: Instant, reason: String, at now: Instant) async throws
        -> Bool
}

import AxleDomain
import AxleStore
import Foundation
import SQLKit

struct SQLImportJobStore: ImportJobStore {
    let sql: any SQLDatabase

    private static let fixedColumns = ["id", "entity", "dry_run", "valid_only", "started_by", "runner", "created_at_us"]
    private static let changingColumns = ["state", "rows_done", "rows_total", "created", "updated", "unchanged",
                                          "rejected", "committed", "issues", "issue_count", "failure", "updated_at_us"]

    func insert(_ job: ImportJob) async throws {
        try await sql.insert(into: "import_jobs").columns(Self.fixedColumns + Self.changingColumns)
            .values(Self.fixedValues(job) + (try Self.changingValues(job))).run()
    }

    func update(_ job: ImportJob) async throws {
        var update = sql.update("import_jobs").where("id", .equal, job.id.description)
        for (column, value) in zip(Self.changingColumns, try Self.changingValues(job)) {
            update = update.set(column, to: value)
        }
        try await update.run()
    }

    func find(id: ImportJob.ID) async throws -> ImportJob? {
        try await sql.raw("SELECT * FROM import_jobs WHERE id = \(bind: id.description)").first().map(Self.job)
    }

    func saveRejectedRows(_ csv: String, of job: ImportJob.ID) async throws {
        try await sql.update("import_jobs").set("rejected_rows", to: csv).where("id", .equal, job.description).run()
    }

    func rejectedRows(of job: ImportJob.ID) async throws -> String? {
        try await sql.raw("SELECT rejected_rows FROM import_jobs WHERE id = \(bind: job.description)").first()?
            .value("rejected_rows", as: String?.self)
    }

    func failAbandoned(writtenBefore cutoff: Instant, reason: String, at now: Instant) async throws -> [ImportJob.ID] {
        try await failAbandoned(where: "1 = 1", cutoff, reason, now)
    }

    func failAbandoned(_ job: ImportJob.ID, writtenBefore cutoff: Instant, reason: String, at now: Instant) async throws
        -> Bool
    {
        try await !failAbandoned(where: "id = \(bind: job.description)", cutoff, reason, now).isEmpty
    }

    /// A conditional update: a job its runner wrote since the cutoff is not touched.
    private func failAbandoned(where condition: SQLQueryString, _ cutoff: Instant, _ reason: String, _ now: Instant)
        async throws -> [ImportJob.ID]
    {
        try await sql.raw("""
            UPDATE import_jobs SET state = 'failed', failure = \(bind: reason), updated_at_us = \(bind: now.microseconds)
            WHERE \(condition) AND state IN ('queued', 'running') AND updated_at_us < \(bind: cutoff.microseconds)
            RETURNING id
            """).all().map { try $0.identifier("id") }
    }

    private static func fixedValues(_ job: ImportJob) -> [any Encodable & Sendable] {
        [job.id.description, job.entity.rawValue, job.dryRun, job.validOnly, job.startedBy.description, job.runner,
         job.createdAt.microseconds]
    }

    private static func changingValues(_ job: ImportJob) throws -> [any Encodable & Sendable] {
        let issues = String(decoding: try JSONEncoder().encode(job.issues), as: UTF8.self)
        return [job.state.rawValue, job.rowsDone, job.rowsTotal, job.counts.created, job.counts.updated,
                job.counts.unchanged, job.counts.rejected, job.committed, issues, job.issueCount, job.failure,
                job.updatedAt.microseconds]
    }

    private static func job(_ row: any SQLRow) throws -> ImportJob {
        let issuesText: String = try row.value("issues")
        guard let issues = try? JSONDecoder().decode([ImportIssue].self, from: Data(issuesText.utf8)) else {
            throw StoreError.corruptValue(column: "issues", value: String(issuesText.prefix(80)))
        }
        return ImportJob(
            id: try row.identifier("id"), entity: try row.enumeration("entity"), dryRun: try row.value("dry_run"),
            validOnly: try row.value("valid_only"), startedBy: try row.identifier("started_by"),
            runner: try row.value("runner"), createdAt: try row.instant("created_at_us"),
            state: try row.enumeration("state"), rowsDone: try row.value("rows_done"),
            rowsTotal: try row.value("rows_total"),
            counts: ImportJob.Counts(created: try row.value("created"), updated: try row.value("updated"),
                                     unchanged: try row.value("unchanged"), rejected: try row.value("rejected")),
            committed: try row.value("committed"), issues: issues, issueCount: try row.value("issue_count"),
            failure: try row.value("failure", as: String?.self), updatedAt: try row.instant("updated_at_us"))
    }
}

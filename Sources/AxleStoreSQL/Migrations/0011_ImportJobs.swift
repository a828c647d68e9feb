extension Migrations {
    /// Imports run as jobs for HTTP requests: their state and progress, written by the server
    /// process that runs them (`runner`), and at the end their counts, their first issues (JSON)
    /// and the rejected rows as CSV.
    static let importJobs = Migration(
        version: 11,
        name: "import_jobs",
        statements: [
            """
            CREATE TABLE import_jobs (
                id TEXT PRIMARY KEY,
                entity TEXT NOT NULL,
                dry_run {bool} NOT NULL,
                valid_only {bool} NOT NULL,
                started_by TEXT NOT NULL REFERENCES principals (id),
                runner TEXT NOT NULL,
                created_at_us BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
                rows_done BIGINT NOT NULL,
                rows_total BIGINT NOT NULL,
                created BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                unchanged BIGINT NOT NULL,
                rejected BIGINT NOT NULL,
                committed {bool} NOT NULL,
                issues TEXT NOT NULL,
                issue_count BIGINT NOT NULL,
                failure TEXT,
                rejected_rows TEXT,
                updated_at_us BIGINT NOT NULL
            )
            """,
            // Found at server start: the jobs still queued or running.
            "CREATE INDEX import_jobs_unfinished ON import_jobs (state, updated_at_us)",
        ]
    )
}

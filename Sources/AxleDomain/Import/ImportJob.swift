/// An import run in the background of a server process for an HTTP request: what it imports,
/// how far it has come, and at the end what it did. Persisted, so any server process answers
/// for it and its outcome outlives the process.
public struct ImportJob: Hashable, Sendable {
    public typealias ID = Identifier<ImportJob>

    public enum State: String, ClosedSet {
        /// Accepted; the server has not started on the rows yet.
        case queued
        case running
        /// Every row was read and the report is complete (rows may have been rejected: see `committed`).
        case succeeded
        /// The import could not finish (its server stopped, the database failed): `failure` says why.
        case failed

        public var isFinished: Bool { self == .succeeded || self == .failed }
    }

    /// How many rows were created, updated, left unchanged and rejected.
    public struct Counts: Hashable, Sendable, Codable {
        public var created, updated, unchanged, rejected: Int

        public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, rejected: Int = 0) {
            self.created = created
            self.updated = updated
            self.unchanged = unchanged
            self.rejected = rejected
        }
    }

    /// A job keeps this many issues; `issueCount` says how many there were.
    public static let maximumIssues = 500

    public let id: ID
    public let entity: ImportEntity
    public let dryRun: Bool
    /// Writes the valid rows when others are rejected (otherwise all or nothing).
    public let validOnly: Bool
    public let startedBy: Principal.ID
    /// The server process running the job (an identifier each process draws at start).
    public let runner: String
    public let createdAt: Instant
    public var state: State
    public var rowsDone: Int
    public var rowsTotal: Int
    public var counts: Counts
    /// Whether the rows' changes were written.
    public var committed: Bool
    /// The first `maximumIssues` issues, by row.
    public var issues: [ImportIssue]
    public var issueCount: Int
    public var failure: String?
    /// When the job was last written: its runner writes it at least every second while it runs.
    public var updatedAt: Instant

    public init(id: ID, entity: ImportEntity, dryRun: Bool, validOnly: Bool, startedBy: Principal.ID, runner: String,
                createdAt: Instant, state: State = .queued, rowsDone: Int = 0, rowsTotal: Int = 0,
                counts: Counts = Counts(), committed: Bool = false, issues: [ImportIssue] = [], issueCount: Int = 0,
                failure: String? = nil, updatedAt: Instant? = nil) {
        self.id = id
        self.entity = entity
        self.dryRun = dryRun
        self.validOnly = validOnly
        self.startedBy = startedBy
        self.runner = runner
        self.createdAt = createdAt
        self.state = state
        self.rowsDone = rowsDone
        self.rowsTotal = rowsTotal
        self.counts = counts
        self.committed = committed
        self.issues = issues
        self.issueCount = issueCount
        self.failure = failure
        self.updatedAt = updatedAt ?? createdAt
    }
}

public import AxleDomain

/// How an import is run.
public struct ImportOptions: Sendable {
    public enum Mode: String, Sendable {
        /// Any rejected row and nothing is written (the default).
        case allOrNothing
        /// The valid rows are written; the rejected ones come back to be fixed and imported again.
        case validOnly
    }

    public var mode: Mode
    /// Validates every row against the database and writes nothing.
    public var dryRun: Bool
    public var limits: ImportLimits

    public init(mode: Mode = .allOrNothing, dryRun: Bool = false, limits: ImportLimits = .standard) {
        self.mode = mode
        self.dryRun = dryRun
        self.limits = limits
    }
}

/// How far an import has come through the rows of its current pass.
public struct ImportProgress: Sendable {
    public let rowsDone: Int
    public let rowsTotal: Int
}

/// What an import did, or with a dry run or a refused all-or-nothing file, would have done.
public struct ImportReport: Sendable, Encodable {
    /// Tags every audit record the import wrote (their `requestId` is `import:` and this).
    public let importID: String
    public let entity: ImportEntity
    public let rows: Int
    public let created: Int
    public let updated: Int
    public let unchanged: Int
    /// Rows with at least one issue.
    public let rejected: Int
    public let issues: [ImportIssue]
    /// Whether the changes were written: never for a dry run, nor for an all-or-nothing file with issues.
    public let committed: Bool
    /// The rejected rows as CSV (the file's columns and an `error` column), nil when none were.
    public let rejectedRows: String?
}

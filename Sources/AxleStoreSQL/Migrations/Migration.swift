/// One forward-only schema change. Migrations are never edited once released:
/// a change to the schema is a new migration with the next version.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// Statements for both backends, with type placeholders (`{code}`, `{bool}`…).
    let statements: [String]
    /// Statements only one backend needs (triggers are written differently).
    let sqliteOnly: [String]
    let postgresOnly: [String]

    init(version: Int, name: String, statements: [String], sqliteOnly: [String] = [], postgresOnly: [String] = []) {
        self.version = version
        self.name = name
        self.statements = statements
        self.sqliteOnly = sqliteOnly
        self.postgresOnly = postgresOnly
    }

    func statements(for dialect: Dialect) -> [String] {
        statements.map(dialect.ddl) + (dialect == .sqlite ? sqliteOnly : postgresOnly)
    }
}

/// Every migration, in order.
enum Migrations {
    static let all: [Migration] = [masterData, inventoryLedger, transfers, cycleCounts, exceptionResolution,
                                    service, partSearch, tokenLastUse, partSearchUpdates,
                                    customerAccountNumbers, importJobs, purchasing]
}

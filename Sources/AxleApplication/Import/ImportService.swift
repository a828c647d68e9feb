public import AxleDomain
import AxleStore
public import Foundation

/// Imports an entity's CSV file: authorise once, read and check the whole file, then apply
/// every row through the use cases in one transaction, collecting every row's problems in one
/// pass. The transaction commits only when the mode allows it; every change it writes is
/// audited in it, each record tagged with the import's identifier.
public struct ImportService: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func run(_ entity: ImportEntity, file: Data, options: ImportOptions = ImportOptions(), as caller: Caller,
                    progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ImportReport {
        try await run(try prepare(entity, file: file, options: options, as: caller), progress: progress)
    }

    /// Whether the caller may import the entity at all: checked before the file is read.
    public static func authorize(_ entity: ImportEntity, _ principal: Principal) throws {
        try entity.importer().authorize(principal)
    }

    /// Authorises the import and reads and checks the whole file (size, encoding, header, row
    /// count), writing nothing; a file refused here is refused with one error. `id` tags the
    /// audit records (a new identifier when nil).
    public func prepare(_ entity: ImportEntity, file: Data, options: ImportOptions, as caller: Caller,
                        id: String? = nil) throws -> PreparedImport {
        try Self.authorize(entity, caller.principal)
        let table = try CSVTable.parse(file, columns: entity.importer().columns, limits: options.limits)
        let importID = id ?? (dependencies.ids.next() as Identifier<ImportReport>).description
        return PreparedImport(entity: entity, table: table, options: options, id: importID,
                              caller: Caller(principal: caller.principal, requestID: "import:\(importID)"))
    }

    /// Applies a prepared file's rows as its options say.
    public func run(_ prepared: PreparedImport,
                    progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ImportReport {
        let (entity, table, options, tagged) = (prepared.entity, prepared.table, prepared.options, prepared.caller)
        let importer = entity.importer()
        let refusedAtOnce = Self.misshapenRows(table) + Self.duplicateKeys(in: table.rows, columns: importer.keyColumns)
        let writesAtOnce = !options.dryRun && options.mode == .allOrNothing
        var pass = try await apply(table.rows, of: entity, as: tagged, issues: refusedAtOnce,
                                   keepIfClean: writesAtOnce, progress: progress)
        if options.mode == .validOnly, !options.dryRun {
            // The first pass found the bad rows without keeping anything; the second writes the rest.
            let rejected = Set(pass.issues.map(\.row))
            let valid = table.rows.filter { !rejected.contains($0.number) }
            let second = try await apply(valid, of: entity, as: tagged, issues: [], keepIfClean: true,
                                         progress: progress)
            pass = Pass(outcomes: second.outcomes, issues: pass.issues + second.issues, committed: second.committed)
        }
        return try report(pass, entity: entity, id: prepared.id, table: table)
    }

    /// Applies rows in one write transaction, which is kept only when asked and no row failed.
    /// Each pass has an importer of its own: what one keeps back to store in batches is its pass's.
    private func apply(_ rows: [ImportRow], of entity: ImportEntity, as caller: Caller, issues: [ImportIssue],
                       keepIfClean: Bool, progress: @escaping @Sendable (ImportProgress) -> Void) async throws -> Pass {
        let refused = Set(issues.map(\.row))
        var attempt = 1
        while true {
            do {
                return try await pass(rows, of: entity, as: caller, issues: issues, refused: refused,
                                      keepIfClean: keepIfClean, progress: progress)
            } catch let error as StoreError where Self.isLostRace(error) && attempt < CommandRunner.attempts {
                // A concurrent writer (an overlapping import) stored a row this pass also creates;
                // the pass runs again and finds those rows there.
                attempt += 1
            }
        }
    }

    private static func isLostRace(_ error: StoreError) -> Bool {
        switch error {
        case .uniqueViolation, .serializationFailure: true
        default: false
        }
    }

    private func pass(_ rows: [ImportRow], of entity: ImportEntity, as caller: Caller, issues: [ImportIssue],
                      refused: Set<Int>, keepIfClean: Bool,
                      progress: @escaping @Sendable (ImportProgress) -> Void) async throws -> Pass {
        do {
            return try await dependencies.database.write { stores in
                let scope = WriteScope(stores: stores, caller: caller, now: dependencies.clock.now(),
                                       ids: dependencies.ids)
                let importer = entity.importer()
                var pass = Pass(issues: issues)
                for (index, row) in rows.enumerated() where !refused.contains(row.number) {
                    do {
                        pass.outcomes.append(try await importer.apply(row, in: scope))
                    } catch let rejected as RowRejected {
                        pass.issues += rejected.issues
                    } catch let error as any AxleError {
                        pass.issues.append(Self.issue(error, in: row))
                    }
                    progress(ImportProgress(rowsDone: index + 1, rowsTotal: rows.count))
                }
                try await importer.finish(in: scope)
                guard keepIfClean, pass.issues.isEmpty else { throw RolledBack(pass: pass) }
                pass.committed = true
                return pass
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.pass
        }
    }

    /// A use case's error as a problem of the row; a field it names is the column of that name.
    static func issue(_ error: any AxleError, in row: ImportRow) -> ImportIssue {
        let field = (error as? ValidationError)?.field ?? (error as? LimitError)?.field ?? ""
        let name = String(field.prefix { $0.isLetter || $0.isNumber })
        let column = row.has(name) ? name : ""
        let reason = (error as? ValidationError)?.reason ?? error.message
        return ImportIssue(row: row.number, column: column, value: column.isEmpty ? "" : row[column], reason: reason)
    }

    /// Rows with more or fewer cells than the header names columns: usually an unquoted comma,
    /// which shifts every later cell into the wrong column.
    static func misshapenRows(_ table: CSVTable) -> [ImportIssue] {
        table.rows.filter { $0.cells.count != table.header.count }.map { row in
            ImportIssue(row: row.number, column: "", value: "",
                        reason: "has \(row.cells.count) cells where the header names \(table.header.count) columns")
        }
    }

    /// Rows that repeat an earlier row's key: the file would otherwise say two things of one entity.
    static func duplicateKeys(in rows: [ImportRow], columns: [String]) -> [ImportIssue] {
        guard let first = columns.first else { return [] }
        var seen: [[String]: Int] = [:]
        var issues: [ImportIssue] = []
        for row in rows {
            let key = columns.map { row[$0].uppercased() }
            if let earlier = seen[key] {
                issues.append(ImportIssue(row: row.number, column: first, value: row[first],
                                          reason: "repeats row \(earlier) (\(columns.joined(separator: ", ")))"))
            } else {
                seen[key] = row.number
            }
        }
        return issues
    }

    private func report(_ pass: Pass, entity: ImportEntity, id: String, table: CSVTable) throws -> ImportReport {
        let reasons = Dictionary(grouping: pass.issues, by: \.row)
        let rejectedRows = table.rows.filter { reasons[$0.number] != nil }
        let rejectedCSV = rejectedRows.isEmpty ? nil : try CSVText.render(
            [table.header + ["error"]] + rejectedRows.map { row in
                row.cells + [(reasons[row.number] ?? []).map(\.description).joined(separator: "; ")]
            })
        return ImportReport(
            importID: id, entity: entity, rows: table.rows.count,
            created: pass.outcomes.count { $0 == .created }, updated: pass.outcomes.count { $0 == .updated },
            unchanged: pass.outcomes.count { $0 == .unchanged }, rejected: rejectedRows.count,
            issues: pass.issues.sorted { ($0.row, $0.column) < ($1.row, $1.column) },
            committed: pass.committed, rejectedRows: rejectedCSV)
    }
}

/// An import file authorised and read whole, not yet applied.
public struct PreparedImport: Sendable {
    public let entity: ImportEntity
    let table: CSVTable
    public let options: ImportOptions
    /// Tags the audit records (`import:` and this).
    public let id: String
    let caller: Caller

    /// The file's data rows.
    public var rows: Int { table.rows.count }
}

/// What one pass over the rows found.
private struct Pass: Sendable {
    var outcomes: [RowOutcome] = []
    var issues: [ImportIssue] = []
    var committed = false
}

/// Thrown out of the write transaction to roll it back while keeping what the pass found.
private struct RolledBack: Error {
    let pass: Pass
}

import AxleDomain
import AxleStore

/// Reads one entity's rows and applies each through the use cases' own rules: a new row is
/// created as its create command would, a changed one updated as its PATCH would, an unchanged
/// one left alone (so importing a file twice changes nothing).
protocol RowImporter: Sendable {
    /// The file's column set, in the order export writes it.
    var columns: [ImportColumn] { get }

    /// The columns that name the entity a row is about: no two rows of a file may share them.
    var keyColumns: [String] { get }

    /// Checked once, before the file is read.
    func authorize(_ principal: Principal) throws

    /// Applies one row in the import's transaction. Throws `RowRejected` for cells that do not
    /// parse and the use case's own error for a rule the row breaks.
    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome

    /// Stores what `apply` kept back to store many rows at once; called after the last row.
    func finish(in scope: WriteScope) async throws
}

enum RowOutcome: Sendable {
    case created, updated, unchanged
}

extension RowImporter {
    func finish(in scope: WriteScope) async throws {}

    /// Runs a use case for a row as the runner would inside its transaction: the command's own
    /// authorisation (role and site scope), then its validation, change and audit.
    func run<C: Command>(_ command: C, in scope: WriteScope) async throws -> C.Output {
        try command.authorize(scope.caller.principal)
        return try await command.execute(in: scope)
    }
}

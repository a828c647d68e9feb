public import AxleDomain
import AxleStore

/// One user action that changes data. A command is run by `CommandRunner`:
/// authorise → one database transaction (validate, change, audit) → commit.
public protocol Command: Sendable {
    associatedtype Output: Sendable

    /// Checks role and site scope before any transaction opens.
    func authorize(_ principal: Principal) throws

    /// Validates against current data and makes the change, recording every audit entry
    /// through `scope`. Throwing rolls back everything, audit entries included.
    func execute(in scope: WriteScope) async throws -> Output
}

/// A failure of the storage layer rather than of the user's request.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique constraint refused the write; the use case usually checked first, so this
    /// means a concurrent writer won the race.
    case uniqueViolation(constraint: String)
    /// A check constraint refused the write: an invariant (such as "never reserve more than is
    /// unrestricted") would have broken, usually because a concurrent writer got there first.
    case checkViolation(constraint: String)
    /// A row the caller expected was not there (an update of a deleted or unknown row).
    case rowNotFound(entity: String, id: String)
    /// PostgreSQL aborted the transaction to resolve a conflict; retrying it is safe.
    case serializationFailure
    case invalidDatabaseURL(String)
    /// The schema is newer than this program: never run old code on a newer database.
    case schemaTooNew(applied: Int, known: Int)
    /// A stored value could not be read back into a domain value.
    case corruptValue(column: String, value: String)
}

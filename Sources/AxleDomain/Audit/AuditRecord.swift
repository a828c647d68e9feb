/// One write, as the audit trail keeps it: who did what to which entity, when, and why.
/// Audit records are only ever appended.
public struct AuditRecord: Hashable, Sendable, Codable {
    /// Position in the trail; assigned by the store, increasing.
    public let sequence: Int64
    public let at: Instant
    public let actorID: Principal.ID
    public let actorName: String
    /// A dotted verb such as `part.create` or `supersession.record`.
    public let action: String
    public let entityType: String
    public let entityID: String
    /// JSON of the entity before and after the change; nil where it did not exist.
    public let before: String?
    public let after: String?
    public let reason: String?
    public let requestID: String?

    public init(sequence: Int64, at: Instant, actorID: Principal.ID, actorName: String, action: String,
                entityType: String, entityID: String, before: String?, after: String?,
                reason: String?, requestID: String?) {
        self.sequence = sequence
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.before = before
        self.after = after
        self.reason = reason
        self.requestID = requestID
    }
}

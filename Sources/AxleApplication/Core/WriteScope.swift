public import AxleDomain
public import AxleStore
import Foundation

/// What a command sees inside its transaction: the stores, who is acting, the time of the
/// request and a way to record audit entries in the same transaction.
public struct WriteScope: Sendable {
    public let stores: any StoreTransaction
    public let caller: Caller
    /// One instant for the whole command, so every record it writes agrees.
    public let now: Instant
    let ids: IdentifierSource

    public func newID<Entity>() -> Identifier<Entity> { ids.next() }

    /// Appends an audit record of a change to an entity of the action's kind; `before` is nil
    /// for a creation.
    public func audit<Entity: Encodable>(
        _ action: AuditAction, entityID: String,
        before: Entity?, after: Entity?, reason: String? = nil
    ) async throws {
        var beforeJSON: String?
        var afterJSON: String?
        if let before { beforeJSON = try AuditSnapshot.json(before) }
        if let after { afterJSON = try AuditSnapshot.json(after) }
        try await stores.audit.append([
            AuditEntry(at: now, actor: caller.principal, action: action.rawValue, entityType: action.entity.rawValue,
                       entityID: entityID, before: beforeJSON, after: afterJSON, reason: reason,
                       requestID: caller.requestID),
        ])
    }
}

/// The JSON an audit record keeps of an entity: the same shape the API shows, keys sorted.
enum AuditSnapshot {
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
    }
}

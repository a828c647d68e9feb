import AxleApplication
import AxleDomain
import AxleStore
import Foundation

/// Audit entries for the rows the demo writes, one per entity, recorded by the system operator
/// in the same transaction as the rows.
///
/// The snapshot is the entity as the API shows it (`APIJSON`), as in the application's own audit records.
struct DemoAudit {
    let at: Instant
    /// Why the rows exist: "demo dataset, seed 42, scale 1".
    let reason: String
    private let encoder: JSONEncoder

    init(at: Instant, reason: String) {
        self.at = at
        self.reason = reason
        encoder = APIJSON.encoder()
    }

    /// One creation entry per entity.
    func created<Entity: Encodable>(_ entities: [Entity], action: String, entityType: String,
                                    id: (Entity) -> String) throws -> [AuditEntry] {
        try entities.map { entity in
            try entry(action, entityType: entityType, entityID: id(entity), before: nil, after: json(entity))
        }
    }

    /// An entry for a change of an existing entity.
    func changed<Entity: Encodable>(_ action: String, entityType: String, entityID: String,
                                    from before: Entity, to after: Entity) throws -> AuditEntry {
        try entry(action, entityType: entityType, entityID: entityID, before: json(before), after: json(after))
    }

    /// An entry for a document of the stock history, at the moment it happened, by whoever took
    /// the step (the system operator for receipts, issues and adjustments); `detail` says what it
    /// was ("delivery from NAPA").
    func recorded<Entity: Encodable>(_ action: String, entityType: String, entityID: String, at instant: Instant,
                                     before: Entity?, after: Entity, detail: String? = nil,
                                     by actor: Principal = .system) throws -> AuditEntry {
        AuditEntry(at: instant, actor: actor, action: action, entityType: entityType, entityID: entityID,
                   before: try before.map { try json($0) }, after: try json(after),
                   reason: detail.map { "\(reason): \($0)" } ?? reason, requestID: nil)
    }

    private func entry(_ action: String, entityType: String, entityID: String, before: String?,
                       after: String?) throws -> AuditEntry {
        AuditEntry(at: at, actor: .system, action: action, entityType: entityType, entityID: entityID,
                   before: before, after: after, reason: reason, requestID: nil)
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// Typed audit actions and document kinds are stored as the text they always were, and read back
/// as the same typed values.
@Suite("Audit actions and document kinds in storage")
struct AuditKindStorageTests {
    @Test("every declared audit action round-trips through the audit trail, found by its entity type",
          arguments: TestBackend.available)
    func auditActionsRoundTrip(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let at = Instant(microseconds: 1_772_442_000_000_000)
            let entries = AuditAction.declared.enumerated().map { index, action in
                AuditEntry(at: at, actor: .system, action: action.rawValue, entityType: action.entity.rawValue,
                           entityID: "E-\(index)", before: nil, after: nil, reason: nil, requestID: nil)
            }
            try await services.database.write { try await $0.audit.append(entries) }
            for kind in EntityKind.allCases {
                let records = try await services.database.read { stores in
                    try await stores.audit.list(AuditQuery(entityType: kind.rawValue), PageRequest(after: nil, limit: 200))
                }
                let expected = AuditAction.declared.filter { $0.entity == kind }
                #expect(records.map { AuditAction(rawValue: $0.action) } == expected, "entity type \(kind)")
                #expect(records.allSatisfy { $0.entityType == kind.rawValue })
            }
        }
    }

    @Test("every document kind round-trips through the ledger", arguments: TestBackend.available)
    func documentKindsRoundTrip(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-N")
            let bin = try await fixtures.bin("A-01", at: site)
            let part = try await fixtures.part("OF-1")
            let movements = try DocumentKind.allCases.enumerated().map { index, kind in
                try Movement(id: Identifier(UUID.stub(500 + index)), partID: part.id, quantity: Quantity(units: 1),
                             from: nil, to: StockPosition(siteID: site.id, binID: bin.id, status: .unrestricted),
                             reason: .receipt, document: DocumentReference(type: kind, id: "D-\(index)"),
                             actorID: Principal.system.id,
                             at: Instant(microseconds: 1_772_442_000_000_000 + Int64(index)), unitCost: part.cost)
            }
            try await services.database.write { try await $0.ledger.post(movements) }
            let history = try await services.database.read { stores in
                try await stores.ledger.history(part: part.id, site: nil, PageRequest(after: nil, limit: 50))
            }
            #expect(history.map(\.movement.document) == movements.map(\.document))
        }
    }
}

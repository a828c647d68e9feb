public import AxleDomain
public import AxleStore

/// Reading the audit trail.
public struct AuditQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    public func records(_ query: AuditQuery, _ page: PageRequest<Int64>, as caller: Caller) async throws -> [AuditRecord] {
        try await runner.read(.readAudit, as: caller) { try await $0.audit.list(query, page) }
    }
}

public import AxleDomain
public import AxleStore

/// Runs read-only use cases: check the permission, then one read transaction.
public struct QueryRunner: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func read<Result: Sendable>(
        _ permission: Permission, as caller: Caller,
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try caller.principal.authorize(permission)
        return try await dependencies.database.read(body)
    }

    /// The current instant; business dates come from it through `BusinessDate`.
    public var now: Instant { dependencies.clock.now() }
}

public import AxleStore

extension AxleServices {
    /// Runs `body` with services whose commands and queries all share one write transaction,
    /// which commits when `body` returns: a path for work that issues many commands at once (the
    /// demo's simulation). Each command is still authorised, validated and audited as it is
    /// alone, and runs in a savepoint, so one that throws is undone alone and the batch goes on;
    /// a query sees what the batch's earlier commands wrote.
    public func batch<Result: Sendable>(
        _ body: @escaping @Sendable (AxleServices) async throws -> Result
    ) async throws -> Result {
        try await database.write { [dependencies] stores in
            let bound = Dependencies(database: TransactionDatabase(stores: stores), clock: dependencies.clock,
                                     ids: dependencies.ids)
            return try await body(AxleServices(dependencies: bound))
        }
    }
}

/// One open write transaction seen as a database: a write is a savepoint in it, a read runs in
/// it. Valid only inside the `batch` closure that made it.
struct TransactionDatabase: Database {
    let stores: any StoreTransaction

    func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await body(stores)
    }

    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await stores.savepoint { try await body(stores) }
    }

    /// Nothing to do: the batch runs on a database that is open, and so already migrated.
    func migrate() async throws -> [String] { [] }

    /// Nothing to do: the database the batch runs on is closed by whoever opened it.
    func close() async throws {}
}

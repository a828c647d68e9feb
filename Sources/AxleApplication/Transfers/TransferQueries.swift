public import AxleDomain
public import AxleStore

/// Read-only questions about transfers and the exception items their receipts opened.
public struct TransferQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    public func transfer(_ id: Transfer.ID, as caller: Caller) async throws -> Transfer {
        try await runner.read(.readStock, as: caller) { stores in
            guard let transfer = try await stores.transfers.find(id: id, forUpdate: false) else {
                throw TransferError.transferNotFound(id.description)
            }
            return transfer
        }
    }

    /// Newest first; `site` matches either end.
    public func transfers(site: Site.ID?, state: TransferState?, _ page: PageRequest<String>, as caller: Caller)
        async throws -> [Transfer]
    {
        try await runner.read(.readStock, as: caller) { try await $0.transfers.list(site: site, state: state, page) }
    }

    /// Exception items, newest first, at one site or all.
    public func exceptions(site: Site.ID?, state: TransferException.State?, _ page: PageRequest<String>,
                           as caller: Caller) async throws -> [TransferException] {
        try await runner.read(.readStock, as: caller) { try await $0.exceptions.list(site: site, state: state, page) }
    }
}

public import AxleDomain

/// Transfers between sites. Stock moves only through the ledger; this store keeps the documents.
public protocol TransferStore: Sendable {
    func insert(_ transfer: Transfer) async throws
    /// Writes the transfer's state and steps.
    func update(_ transfer: Transfer) async throws
    /// With `forUpdate`, another transaction changing the same transfer waits until this one ends,
    /// so two requests cannot both take the same step.
    func find(id: Transfer.ID, forUpdate: Bool) async throws -> Transfer?
    /// Newest first; `site` matches the source or the destination.
    func list(site: Site.ID?, state: TransferState?, _ page: PageRequest<String>) async throws -> [Transfer]
    /// What the transfer's shipment put in transit, by in-transit position (lot and owner kept),
    /// in shipping order: the ledger is the record of it.
    func shipment(of transfer: Transfer.ID) async throws -> [StockBalance]
}

/// Exception items opened by discrepancies, such as a transfer received short.
public protocol ExceptionStore: Sendable {
    /// Adds items in any state (the demo's history writes resolved ones too).
    func insert(_ exceptions: [TransferException]) async throws
    /// Writes the item's state and resolution.
    func update(_ exception: TransferException) async throws
    /// With `forUpdate`, another transaction changing the same item waits until this one ends,
    /// so two requests cannot both resolve it.
    func find(id: TransferException.ID, forUpdate: Bool) async throws -> TransferException?
    /// Newest first.
    func list(site: Site.ID?, state: TransferException.State?, _ page: PageRequest<String>) async throws
        -> [TransferException]
}

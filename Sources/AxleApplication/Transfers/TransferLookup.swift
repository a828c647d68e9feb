import AxleDomain
import AxleStore

/// Loading and locking shared by the transfer use cases.
enum TransferLookup {
    /// The transfer, locked until the transaction ends so that two requests cannot take the same step.
    static func locked(_ id: Transfer.ID, in stores: any StoreTransaction) async throws -> Transfer {
        guard let transfer = try await stores.transfers.find(id: id, forUpdate: true) else {
            throw TransferError.transferNotFound(id.description)
        }
        return transfer
    }

    /// Locks the part's totals at both ends in identifier order, before any balance is touched:
    /// shipments crossing in opposite directions then wait for each other instead of deadlocking.
    static func lockTotals(of transfer: Transfer, in stores: any StoreTransaction) async throws {
        let sites = [transfer.sourceSiteID, transfer.destinationSiteID].sorted { $0.description < $1.description }
        for site in sites {
            _ = try await stores.stock.siteStock(part: transfer.partID, site: site, forUpdate: true)
        }
    }
}

extension Principal {
    /// Throws unless the role grants the permission at one of the sites (either end of a transfer).
    func authorize(_ permission: Permission, atEitherOf candidates: [Site.ID]) throws(AccessError) {
        try authorize(permission)
        guard coversAllSites || candidates.contains(where: sites.contains) else {
            throw .siteOutOfScope(candidates[0])
        }
    }
}

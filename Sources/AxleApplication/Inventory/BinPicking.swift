import AxleDomain
import AxleStore

/// Which bins stock leaves a site from, when the caller names none (an issue, a shipment).
enum BinPicking {
    /// Where `quantity` of the part is taken from the site's unrestricted stock: own stock before
    /// consigned, fullest bin first. Throws when the bins hold less than `quantity`.
    static func unrestricted(_ quantity: Quantity, of part: Part.ID, at site: Site.ID,
                             in stores: any StoreTransaction) async throws -> [StockBalance] {
        let bins = try await stores.stock.balances(part: part, site: site)
            .filter { $0.position.status == .unrestricted && $0.quantity.isPositive }
            .sorted { (rank($0), -$0.quantity.milli) < (rank($1), -$1.quantity.milli) }
        var remaining = quantity
        var picks: [StockBalance] = []
        for balance in bins where remaining.isPositive {
            let take = min(remaining, balance.quantity)
            picks.append(StockBalance(partID: part, position: balance.position, quantity: take))
            remaining = try remaining - take
        }
        guard !remaining.isPositive else {
            throw InventoryError.insufficientStock(available: try quantity - remaining, requested: quantity)
        }
        return picks
    }

    private static func rank(_ balance: StockBalance) -> Int { balance.position.ownership == .own ? 0 : 1 }
}

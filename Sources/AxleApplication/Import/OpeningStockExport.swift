import AxleDomain
import AxleStore

/// Today's own stock in bins at the sites the caller sees, as opening-stock rows valued at each
/// part's moving-average cost: what a new database needs to start where this one stands.
struct OpeningStockExport {
    let catalogue: CatalogueExport

    func rows(for principal: Principal) async throws -> [[String]] {
        let stores = catalogue.stores
        let parts = Dictionary(uniqueKeysWithValues: try await catalogue.allParts().map { ($0.id, $0) })
        let sites = try await catalogue.allSites().filter { principal.coversAllSites || principal.sites.contains($0.id) }
        var bins: [Bin.ID: Code] = [:]
        for site in sites {
            for bin in try await catalogue.bins(of: site) { bins[bin.id] = bin.code }
        }
        let siteCodes = Dictionary(uniqueKeysWithValues: sites.map { ($0.id, $0.code) })
        var rows: [[String]] = []
        for entry in try await Pages.all(key: { ($0.partID, $0.siteID) }, { page in
            try await stores.stock.matrix(after: page.after, limit: page.limit)
        }) {
            guard let site = siteCodes[entry.siteID], let part = parts[entry.partID] else { continue }
            let cost = try await StockRules.unitCost(of: part, in: stores)
            for balance in try await stores.stock.balances(part: part.id, site: entry.siteID)
            where balance.quantity.isPositive && balance.position.ownership == .own {
                guard let binID = balance.position.binID, let bin = bins[binID] else { continue }
                rows.append([site.rawValue, bin.rawValue, part.number.rawValue, balance.position.status.rawValue,
                             balance.quantity.description, cost.amountText, balance.position.lot ?? ""])
            }
        }
        return rows.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

public import AxleDomain
public import AxleStore

extension InventoryQueries {
    /// The largest page of the stock matrix one call returns.
    public static let maximumMatrixPage = 5_000

    /// One page of the stock matrix: every part × site with any stock or commitment, by part
    /// then site, after the cell `after`. Each page is its own read transaction.
    public func matrix(after: (part: Part.ID, site: Site.ID)?, limit: Int, as caller: Caller) async throws
        -> [SiteStock]
    {
        precondition((1...Self.maximumMatrixPage).contains(limit), "a matrix page holds 1 to \(Self.maximumMatrixPage) cells")
        let cursor = after.map { ($0.part, $0.site) }
        return try await runner.read(.readStock, as: caller) { try await $0.stock.matrix(after: cursor, limit: limit) }
    }
}

public import AxleDomain
import AxleStore

/// Writes an entity as the CSV its import reads (the same columns, business keys instead of
/// identifiers), from one read transaction: export, then import into an empty database, gives
/// the same data.
public struct ExportService: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func run(_ entity: ImportEntity, as caller: Caller) async throws -> String {
        let principal = caller.principal
        try principal.authorize(entity == .openingStock ? .readStock : .readMasterData)
        let header = entity.columns.map(\.name)
        let rows = try await dependencies.database.read { stores in
            let catalogue = CatalogueExport(stores: stores)
            switch entity {
            case .parts: return try await catalogue.parts()
            case .sites: return try await catalogue.sites()
            case .bins: return try await catalogue.bins()
            case .suppliers: return try await catalogue.suppliers()
            case .supersessions: return try await catalogue.supersessions()
            case .substitutes: return try await catalogue.substitutes()
            case .fitments: return try await catalogue.fitments()
            case .openingStock: return try await OpeningStockExport(catalogue: catalogue).rows(for: principal)
            case .vehicles: return try await catalogue.vehicles()
            case .stockPolicies: return try await catalogue.stockPolicies()
            case .countPolicies: return try await catalogue.countPolicies()
            case .customers: return try await CustomerExport(stores: stores).customers()
            case .customerVehicles: return try await CustomerExport(stores: stores).customerVehicles()
            }
        }
        return try CSVText.render([header] + rows)
    }
}

/// Reads a whole list through its pages.
enum Pages {
    static func all<Key: Sendable, Item>(key: (Item) -> Key,
                                        _ fetch: (PageRequest<Key>) async throws -> [Item]) async throws -> [Item] {
        var items: [Item] = []
        var after: Key?
        while true {
            let page = try await fetch(PageRequest(after: after, limit: PageRequest<Key>.maximumLimit))
            items += page
            guard page.count == PageRequest<Key>.maximumLimit, let last = page.last else { return items }
            after = key(last)
        }
    }
}

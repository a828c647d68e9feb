import AxleDomain
import AxleStore

/// The parts whose stock may serve a demand for a part at a site today, by the supersession
/// rule (`SupersessionGraph.supply`): old stock that may still be used first, the current part last.
enum PartSupply {
    static func parts(for part: Part, at site: Site, now: Instant, in stores: any StoreTransaction) async throws
        -> [Part]
    {
        let graph = SupersessionGraph(try await stores.supersessions.family(of: [part.id]))
        let ids = graph.supply(for: part.id, asOf: try BusinessDate.at(site, on: now))
        guard ids != [part.id] else { return [part] }
        let parts = Dictionary(uniqueKeysWithValues: try await stores.parts.find(ids: ids).map { ($0.id, $0) })
        return try ids.map { id in
            guard let found = parts[id] else { throw CatalogError.partNotFound(id.description) }
            return found
        }
    }
}

public import AxleDomain
public import AxleStore

/// Read-only use cases of the catalogue and master data.
public struct CatalogQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    public func company(as caller: Caller) async throws -> Company {
        try await runner.read(.readMasterData, as: caller) { try await $0.company.get() }
    }

    public func sites(_ page: PageRequest<Code>, as caller: Caller) async throws -> [Site] {
        try await runner.read(.readMasterData, as: caller) { try await $0.sites.list(page) }
    }

    public func site(_ id: Site.ID, as caller: Caller) async throws -> Site {
        try await runner.read(.readMasterData, as: caller) { try await CatalogLookup.site(id, in: $0) }
    }

    public func bins(at site: Site.ID, _ page: PageRequest<Code>, as caller: Caller) async throws -> [Bin] {
        try await runner.read(.readMasterData, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await stores.bins.list(site: site, page)
        }
    }

    public func suppliers(_ page: PageRequest<Code>, as caller: Caller) async throws -> [Supplier] {
        try await runner.read(.readMasterData, as: caller) { try await $0.suppliers.list(page) }
    }

    public func supplier(_ id: Supplier.ID, as caller: Caller) async throws -> Supplier {
        try await runner.read(.readMasterData, as: caller) { stores in
            guard let supplier = try await stores.suppliers.find(id: id) else {
                throw CatalogError.supplierNotFound(id.description)
            }
            return supplier
        }
    }

    public func parts(_ query: PartQuery, _ page: PageRequest<PartSearchKey>, as caller: Caller) async throws
        -> [PartMatch]
    {
        try await runner.read(.readMasterData, as: caller) { try await $0.parts.search(query, page) }
    }

    /// A part with what the catalogue says around it: its chain, substitutes and fitments.
    public func partDetails(_ id: Part.ID, as caller: Caller) async throws -> PartDetails {
        let today = BusinessDate.companyWide(runner.now)
        return try await runner.read(.readMasterData, as: caller) { stores in
            let part = try await CatalogLookup.part(id, in: stores)
            return try await PartDetails.load(part, asOf: today, in: stores)
        }
    }

    /// Resolves a part number through its supersession chain to the part to use today.
    public func lookup(number: PartNumber, as caller: Caller) async throws -> PartLookup {
        let today = BusinessDate.companyWide(runner.now)
        return try await runner.read(.readMasterData, as: caller) { stores in
            guard let requested = try await stores.parts.find(number: number) else {
                throw CatalogError.partNotFound(number.rawValue)
            }
            let graph = SupersessionGraph(try await stores.supersessions.chains(from: [requested.id]))
            let links = graph.chain(from: requested.id, asOf: today)
            let partsByID = Dictionary(uniqueKeysWithValues: try await stores.parts
                .find(ids: links.map(\.replacementID)).map { ($0.id, $0) })
            let steps = links.compactMap { link in
                partsByID[link.replacementID].map { PartLookup.Step(supersession: link, part: $0) }
            }
            return PartLookup(requested: requested, current: steps.last?.part ?? requested, chain: steps)
        }
    }
}

/// The answer to "which part do I use for this number?".
public struct PartLookup: Sendable, Encodable {
    public struct Step: Sendable, Encodable {
        public let supersession: Supersession
        public let part: Part
    }

    public let requested: Part
    /// The end of the chain as of today: the part to stock and sell.
    public let current: Part
    /// Each link followed, oldest first; empty when the requested part is current.
    public let chain: [Step]
}

/// A part with its catalogue relations.
public struct PartDetails: Sendable, Encodable {
    public struct ApprovedSubstitute: Sendable, Encodable {
        public let substitute: Substitute
        public let part: Part
    }

    public let part: Part
    /// The part this one resolves to today, when it is superseded.
    public let supersededBy: [Supersession]
    /// Parts this one replaced.
    public let replaces: [Supersession]
    public let substitutes: [ApprovedSubstitute]
    public let fitments: [Fitment]

    static func load(_ part: Part, asOf date: CalendarDate, in stores: any StoreTransaction) async throws -> PartDetails {
        let graph = SupersessionGraph(try await stores.supersessions.chains(from: [part.id]))
        let substitutes = try await stores.substitutes.list(for: part.id)
        let substituteParts = Dictionary(uniqueKeysWithValues: try await stores.parts
            .find(ids: substitutes.map(\.substituteID)).map { ($0.id, $0) })
        return PartDetails(
            part: part,
            supersededBy: graph.chain(from: part.id, asOf: date),
            replaces: try await stores.supersessions.predecessors(of: part.id),
            substitutes: substitutes.compactMap { approval in
                substituteParts[approval.substituteID].map { ApprovedSubstitute(substitute: approval, part: $0) }
            },
            fitments: try await stores.fitments.list(for: part.id))
    }
}

extension CatalogQueries {
    /// Every site, nearest to `origin` first.
    public func sitesByDistance(from origin: GeoPoint, as caller: Caller) async throws
        -> [(site: Site, kilometres: Double)]
    {
        let sites = try await runner.read(.readMasterData, as: caller) { try await $0.sites.all() }
        return AxleDomain.sitesByDistance(sites, from: origin)
    }
}

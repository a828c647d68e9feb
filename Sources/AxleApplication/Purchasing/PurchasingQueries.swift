public import AxleDomain
public import AxleStore

/// Read-only questions about purchasing. Orders are read within the caller's site scope: an
/// order is seen by a caller who may read stock at its ship-to site.
public struct PurchasingQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    public func order(_ id: PurchaseOrder.ID, as caller: Caller) async throws -> PurchaseOrder {
        try await runner.read(.readStock, as: caller) { stores in
            guard let order = try await stores.purchasing.find(id: id, forUpdate: false) else {
                throw PurchasingError.orderNotFound(id.description)
            }
            try caller.principal.authorize(.readStock, at: order.shipToSiteID)
            return order
        }
    }

    /// Newest first. A named `site` must be in the caller's scope; without one, a caller
    /// limited to some sites sees the orders of those sites only, each site's page read on its
    /// own and merged by identifier, so the cursor pages the merged list exactly.
    public func orders(site: Site.ID?, supplier: Supplier.ID?, status: PurchaseOrderStatus?,
                       _ page: PageRequest<String>, as caller: Caller) async throws -> [PurchaseOrder]
    {
        let principal = caller.principal
        if let site { try principal.authorize(.readStock, at: site) }
        return try await runner.read(.readStock, as: caller) { stores in
            if site != nil || principal.coversAllSites {
                return try await stores.purchasing.list(site: site, supplier: supplier, status: status, page)
            }
            var merged: [PurchaseOrder] = []
            for scoped in principal.sites {
                merged += try await stores.purchasing.list(site: scoped, supplier: supplier, status: status, page)
            }
            return Array(merged.sorted { $0.id.description > $1.id.description }.prefix(page.limit))
        }
    }

    /// What each supplier offers of a part, by supplier.
    public func supplierParts(part: Part.ID, as caller: Caller) async throws -> [SupplierPart] {
        try await runner.read(.readMasterData, as: caller) { stores in
            _ = try await CatalogLookup.part(part, in: stores)
            return try await stores.purchasing.supplierParts(part: part)
        }
    }

    /// The site's purchasing policy; the standard one when it has set none.
    public func policy(site: Site.ID, as caller: Caller) async throws -> PurchasingPolicy {
        try caller.principal.authorize(.readStock, at: site)
        return try await runner.read(.readStock, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await PurchasingLookup.policy(at: site, in: stores)
        }
    }
}

public import AxleDomain
public import AxleStore

/// Sets how a site treats its stock: whether on hand may go negative, and the values above
/// which adjustments and transfers wait for approval. Governance, so administrators only.
public struct SetStockPolicy: Command {
    public struct Input: Sendable, Codable {
        public var allowsNegativeStock: Bool
        public var adjustmentApprovalThreshold: String
        public var transferApprovalThreshold: String

        public init(allowsNegativeStock: Bool, adjustmentApprovalThreshold: String, transferApprovalThreshold: String) {
            self.allowsNegativeStock = allowsNegativeStock
            self.adjustmentApprovalThreshold = adjustmentApprovalThreshold
            self.transferApprovalThreshold = transferApprovalThreshold
        }

        /// The policy this input sets, its amounts validated in the company's currency.
        func policy(currency: Currency) throws -> SiteStockPolicy {
            SiteStockPolicy(
                allowsNegativeStock: allowsNegativeStock,
                adjustmentApprovalThreshold: try Validate.money(adjustmentApprovalThreshold,
                                                                field: "adjustmentApprovalThreshold", currency: currency),
                transferApprovalThreshold: try Validate.money(transferApprovalThreshold,
                                                              field: "transferApprovalThreshold", currency: currency))
        }
    }

    public let siteID: Site.ID
    public let input: Input

    public init(siteID: Site.ID, input: Input) {
        self.siteID = siteID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSites, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> SiteStockPolicy {
        let stores = scope.stores
        let site = try await CatalogLookup.site(siteID, in: stores)
        let currency = try await stores.company.get().currency
        let before = try await stores.stock.policy(site: site.id)
        let after = try input.policy(currency: currency)
        try await stores.stock.save(after, site: site.id)
        try await scope.audit(.stockPolicySave, entityID: site.id.description,
                              before: before, after: after)
        return after
    }
}

extension InventoryQueries {
    public func policy(site: Site.ID, as caller: Caller) async throws -> SiteStockPolicy {
        try await runner.read(.readStock, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await stores.stock.policy(site: site)
        }
    }
}

public import AxleDomain
import AxleStore

/// Sets a site's count policy: for each ABC class, how many days may pass between counts of a
/// position and the variance accepted without a recount. Replaces all three rules at once.
public struct UpdateCountPolicy: Command {
    public struct Input: Sendable, Codable {
        /// One rule for each of the classes A, B and C.
        public var rules: [CountPolicy.Rule]

        public init(rules: [CountPolicy.Rule]) {
            self.rules = rules
        }
    }

    public let siteID: Site.ID
    public let input: Input

    public init(siteID: Site.ID, input: Input) {
        self.siteID = siteID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureCounts, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> CountPolicy {
        let stores = scope.stores
        let site = try await CatalogLookup.site(siteID, in: stores)
        let after = try CountPolicy(siteID: site.id, rules: input.rules)
        let before = try await CountPolicyLookup.policy(site.id, in: stores)
        try await stores.counts.save(after, by: scope.caller.principal.id, at: scope.now)
        try await scope.audit(.countPolicyUpdate, entityID: site.id.description,
                              before: before, after: after)
        return after
    }
}

enum CountPolicyLookup {
    /// The site's policy: its saved rules, the standard ones for classes it never set.
    static func policy(_ site: Site.ID, in stores: any StoreTransaction) async throws -> CountPolicy {
        CountPolicy(siteID: site, saved: try await stores.counts.rules(site: site))
    }
}

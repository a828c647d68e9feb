public import AxleDomain
public import AxleStore

/// Questions about cycle counting. Each needs `readStock` and the site in the caller's scope.
extension InventoryQueries {
    /// The site's count policy: its own rules, the standard ones for classes it never set.
    public func countPolicy(site: Site.ID, as caller: Caller) async throws -> CountPolicy {
        try caller.principal.authorize(.readStock, at: site)
        return try await runner.read(.readStock, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await CountPolicyLookup.policy(site, in: stores)
        }
    }

    /// A site's count tasks, oldest first, optionally in one state; blind for counters.
    public func countTasks(site: Site.ID, state: CountTask.State?, _ page: PageRequest<String>, as caller: Caller)
        async throws -> [CountTaskView]
    {
        try caller.principal.authorize(.readStock, at: site)
        return try await runner.read(.readStock, as: caller) { stores in
            _ = try await CatalogLookup.site(site, in: stores)
            return try await CountTaskView.make(try await stores.counts.list(site: site, state: state, page), in: stores,
                                                for: caller.principal)
        }
    }

    /// One count task; blind for counters.
    public func countTask(_ id: CountTask.ID, as caller: Caller) async throws -> CountTaskView {
        try await runner.read(.readStock, as: caller) { stores in
            let task = try await CountLookup.task(id, forUpdate: false, in: stores)
            try caller.principal.authorize(.readStock, at: task.position.siteID)
            return try await CountTaskView.make(task, part: try await CatalogLookup.part(task.partID, in: stores),
                                                in: stores, for: caller.principal)
        }
    }

    /// The longest period accuracy is asked for at once, and the period when none is given.
    public static let maximumAccuracyDays = 3_660
    public static let defaultAccuracyDays = 30

    /// Inventory accuracy of a site from `from` through `until` (the site's business days, both
    /// included); by default the 30 days ending today there. See `InventoryAccuracy` for the
    /// exact definition.
    public func inventoryAccuracy(site: Site.ID, from: CalendarDate?, until: CalendarDate?, as caller: Caller)
        async throws -> InventoryAccuracy
    {
        try caller.principal.authorize(.readStock, at: site)
        let now = runner.now
        return try await runner.read(.readStock, as: caller) { stores in
            let found = try await CatalogLookup.site(site, in: stores)
            let last = try until ?? BusinessDate.at(found, on: now)
            if let from, from > last {
                throw RequestError.invalidParameter(name: "from", reason: "must not be after until (\(last))")
            }
            let period = from.map { DayPeriod(from: $0, until: last) }
                ?? DayPeriod(days: Self.defaultAccuracyDays, endingOn: last)
            guard period.days <= Self.maximumAccuracyDays else {
                throw RequestError.invalidParameter(
                    name: "from", reason: "the period may span at most \(Self.maximumAccuracyDays) days")
            }
            let instants = try period.instants(at: found)
            let tally = try await stores.counts.tally(site: site, from: instants.start, until: instants.end)
            return InventoryAccuracy(siteID: site, period: period, countedLines: tally.counted,
                                     withinTolerance: tally.withinTolerance)
        }
    }
}

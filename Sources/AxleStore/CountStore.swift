public import AxleDomain

/// What one count task counts: a part in one stock position.
public struct CountTarget: Hashable, Sendable {
    public let partID: Part.ID
    public let position: StockPosition

    public init(partID: Part.ID, position: StockPosition) {
        self.partID = partID
        self.position = position
    }
}

/// How many lines were counted in a period, and how many of them matched at the first count.
public struct CountTally: Hashable, Sendable {
    public let counted: Int
    public let withinTolerance: Int

    public init(counted: Int, withinTolerance: Int) {
        self.counted = counted
        self.withinTolerance = withinTolerance
    }
}

/// Cycle counting: each site's count policy, count tasks, and the facts generation needs.
public protocol CountStore: Sendable {
    /// The rules a site has saved (classes it never set are missing).
    func rules(site: Site.ID) async throws -> [CountPolicy.Rule]
    /// Replaces the site's rules.
    func save(_ policy: CountPolicy, by principal: Principal.ID, at instant: Instant) async throws
    /// Consumption value per part at a site: the value of its `issue` movements from the site in [from, until).
    func consumption(site: Site.ID, from: Instant, until: Instant) async throws -> [Part.ID: Money]
    /// The positions of the site holding stock in a bin (any status but in transit; non-zero).
    func countablePositions(site: Site.ID) async throws -> [StockBalance]
    /// When each position of the site was last counted by a count that posted.
    func lastCounted(site: Site.ID) async throws -> [CountTarget: Instant]
    /// Positions of the site with a task still open, awaiting a recount or awaiting approval.
    func activeTargets(site: Site.ID) async throws -> Set<CountTarget>
    /// Adds tasks: new (open) ones, or, for the demo's history, tasks as they ended. The schema
    /// refuses a second active task for one position.
    func insert(_ tasks: [CountTask]) async throws
    func update(_ task: CountTask) async throws
    /// With `forUpdate`, other writers of the task wait until this transaction ends.
    func find(id: CountTask.ID, forUpdate: Bool) async throws -> CountTask?
    /// A site's tasks, oldest first, optionally in one state.
    func list(site: Site.ID, state: CountTask.State?, _ page: PageRequest<String>) async throws -> [CountTask]
    /// The site's tasks first counted in [from, until).
    func tally(site: Site.ID, from: Instant, until: Instant) async throws -> CountTally
}

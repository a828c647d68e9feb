public import AxleDomain
import AxleStore

/// Creates the cycle-count tasks that are due at a site: one per part × stock position with
/// stock in a bin (unrestricted, quality hold, damaged and blocked alike: all of it is on a
/// shelf and all of it is on the books; stock in transit is in no bin and is not counted).
///
/// A position is due when its last posted count is at least its class's interval old, or it
/// was never counted; classes come from the site's ABC analysis of the year up to `asOf`.
/// A position that already has an active task (open, awaiting a recount or approval) gets no
/// second one, so generating twice — the same day or later — never duplicates work.
/// At most `maximumTasks` are created per run: A first, then the longest uncounted; the rest
/// stay due and come with the next run.
public struct GenerateCountTasks: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        /// The day to plan for; defaults to today at the site and may not be later.
        public var asOf: CalendarDate?

        public init(siteId: Site.ID, asOf: CalendarDate? = nil) {
            self.siteId = siteId
            self.asOf = asOf
        }
    }

    /// What a run did.
    public struct Outcome: Sendable, Encodable {
        public let siteID: Site.ID
        public let asOf: CalendarDate
        /// Tasks created by this run.
        public let created: Int
        /// Positions skipped because a task for them is still active.
        public let alreadyActive: Int
        /// Positions counted recently enough.
        public let notDue: Int
        /// Due positions left for the next run because this one reached its limit.
        public let deferred: Int
    }

    public static let maximumTasks = 2_000

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.countStock, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Outcome {
        let stores = scope.stores
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let today = try BusinessDate.at(site, on: scope.now)
        let asOf = input.asOf ?? today
        guard asOf <= today else { throw ValidationError(field: "asOf", reason: "must not be after today (\(today))") }
        let policy = try await CountPolicyLookup.policy(site.id, in: stores)
        let window = try DayPeriod(days: ABCClassification.windowDays, endingOn: asOf).instants(at: site)
        let positions = try await stores.counts.countablePositions(site: site.id)
        let classes = ABCClassification.classify(
            consumption: try await stores.counts.consumption(site: site.id, from: window.start, until: window.end),
            stocked: positions.map(\.partID))
        let lastCounted = try await stores.counts.lastCounted(site: site.id)
        let active = try await stores.counts.activeTargets(site: site.id)
        var due: [(target: CountTarget, abcClass: ABCClass, lastCounted: CalendarDate?)] = []
        var alreadyActive = 0, notDue = 0
        for balance in positions {
            let target = CountTarget(partID: balance.partID, position: balance.position)
            let abcClass = classes[balance.partID] ?? .c
            let last = try lastCounted[target].map { try BusinessDate.at(site, on: $0) }
            if active.contains(target) {
                alreadyActive += 1
            } else if policy.rule(for: abcClass).isDue(lastCounted: last, asOf: asOf) {
                due.append((target, abcClass, last))
            } else {
                notDue += 1
            }
        }
        // The store lists positions in a stable order; this sort keeps it among equals.
        let chosen = due.enumerated().sorted { lhs, rhs in
            (lhs.element.abcClass.rank, lhs.element.lastCounted?.daysSinceEpoch ?? Int64.min, lhs.offset)
                < (rhs.element.abcClass.rank, rhs.element.lastCounted?.daysSinceEpoch ?? Int64.min, rhs.offset)
        }.prefix(Self.maximumTasks).map(\.element)
        let tasks = chosen.map { candidate in
            CountTask(id: scope.newID(), partID: candidate.target.partID, position: candidate.target.position,
                      abcClass: candidate.abcClass,
                      toleranceBasisPoints: policy.rule(for: candidate.abcClass).toleranceBasisPoints,
                      generatedOn: asOf, createdBy: scope.caller.principal.id, createdAt: scope.now)
        }
        try await stores.counts.insert(tasks)
        for task in tasks {
            try await scope.audit(.countCreate, entityID: task.id.description,
                                  before: CountTask?.none, after: task)
        }
        return Outcome(siteID: site.id, asOf: asOf, created: tasks.count, alreadyActive: alreadyActive, notDue: notDue,
                       deferred: due.count - tasks.count)
    }
}

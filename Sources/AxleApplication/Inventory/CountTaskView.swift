public import AxleDomain
import AxleStore

/// A count task as its caller may see it.
///
/// Counting is blind: the book quantity ("expected") and the variance are in `review`, which
/// only callers who may approve counts get, and only once counting is over (pending approval,
/// posted or rejected) — so a manager who counts a position counts it blind too. A counter
/// sees what to count, where, and the quantities they entered themselves.
public struct CountTaskView: Sendable, Encodable {
    /// A quantity entered by a counter.
    public struct Count: Sendable, Encodable {
        public let quantity: Quantity
        public let countedBy: Principal.ID
        public let countedAt: Instant
    }

    /// What the books said, for whoever decides.
    public struct Review: Sendable, Encodable {
        /// The book quantity of the position when it was last counted.
        public let expected: Quantity
        /// Last count minus `expected`.
        public let variance: Quantity
        public let toleranceBasisPoints: Int
        public let firstCountWithinTolerance: Bool
        public let lastCountWithinTolerance: Bool
        /// What was posted to the ledger, once posted.
        public let postedVariance: Quantity?
    }

    public let id: CountTask.ID
    public let siteID: Site.ID
    public let partID: Part.ID
    public let partNumber: PartNumber?
    public let partDescription: String?
    public let binID: Bin.ID?
    public let binCode: Code?
    public let status: StockStatus
    public let lot: String?
    public let consignorID: Supplier.ID?
    public let abcClass: ABCClass
    public let state: CountTask.State
    public let generatedOn: CalendarDate
    public let createdAt: Instant
    public let counts: [Count]
    public let decidedBy: Principal.ID?
    public let decidedAt: Instant?
    public let review: Review?

    init(_ task: CountTask, part: Part?, bin: Bin?, for principal: Principal) throws {
        id = task.id
        siteID = task.position.siteID
        partID = task.partID
        partNumber = part?.number
        partDescription = part?.description
        binID = task.position.binID
        binCode = bin?.code
        status = task.position.status
        lot = task.position.lot
        consignorID = task.position.consignor
        abcClass = task.abcClass
        state = task.state
        generatedOn = task.generatedOn
        createdAt = task.createdAt
        counts = [task.firstCount, task.recount].compactMap { entry in
            entry.map { Count(quantity: $0.counted, countedBy: $0.countedBy, countedAt: $0.countedAt) }
        }
        decidedBy = task.decidedBy
        decidedAt = task.decidedAt
        review = Self.reveals(task, to: principal)
            ? try task.lastEntry.map { last in
                Review(expected: last.book, variance: try last.variance, toleranceBasisPoints: task.toleranceBasisPoints,
                       firstCountWithinTolerance: task.firstCount?.withinTolerance ?? last.withinTolerance,
                       lastCountWithinTolerance: last.withinTolerance, postedVariance: task.postedVariance)
            }
            : nil
    }

    /// Whether `principal` may see the book quantity of `task` now.
    static func reveals(_ task: CountTask, to principal: Principal) -> Bool {
        principal.role.permissions.contains(.approveCounts)
            && [.pendingApproval, .posted, .rejected].contains(task.state)
    }

    static func make(_ task: CountTask, part: Part, in stores: any StoreTransaction, for principal: Principal)
        async throws -> CountTaskView
    {
        var bin: Bin?
        if let binID = task.position.binID { bin = try await stores.bins.find(id: binID) }
        return try CountTaskView(task, part: part, bin: bin, for: principal)
    }

    /// Views of a page of tasks, with their parts and bins looked up once each.
    static func make(_ tasks: [CountTask], in stores: any StoreTransaction, for principal: Principal)
        async throws -> [CountTaskView]
    {
        let parts = Dictionary(try await stores.parts.find(ids: Array(Set(tasks.map(\.partID)))).map { ($0.id, $0) },
                               uniquingKeysWith: { first, _ in first })
        var bins: [Bin.ID: Bin] = [:]
        for id in Set(tasks.compactMap(\.position.binID)) {
            bins[id] = try await stores.bins.find(id: id)
        }
        return try tasks.map { task in
            try CountTaskView(task, part: parts[task.partID], bin: task.position.binID.flatMap { bins[$0] }, for: principal)
        }
    }
}

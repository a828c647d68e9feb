/// One cycle-count task: count one part in one stock position (site, bin, status, lot, owner).
///
/// The counter counts blind and enters what is on the shelf; the task compares it with the
/// book quantity of the position at that moment. A variance that is within tolerance (and
/// takes no reserved stock) posts at once as a count adjustment. Otherwise the position is
/// recounted; a recount that still differs waits for a manager who did not count it, whose
/// approval posts the recount's variance.
///
/// ```
/// open ─enterCount→ counted ─acceptVariance→ posted
///                           └questionVariance→ recountRequired ─enterCount→ recounted
/// recounted ─acceptVariance→ posted
///           └questionVariance→ pendingApproval ─approve→ posted
///                                              └reject→ rejected
/// ```
/// `counted` and `recounted` last only while an entry is evaluated: a stored task is open,
/// recountRequired, pendingApproval, posted or rejected.
public struct CountTask: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<CountTask>

    public enum State: String, ClosedSet {
        case open, counted, recountRequired, recounted, pendingApproval, posted, rejected

        /// Still waiting for someone: a position has at most one such task.
        public var isActive: Bool { self == .open || self == .recountRequired || self == .pendingApproval }
        /// States a task rests in between requests.
        public static let stored: [State] = [.open, .recountRequired, .pendingApproval, .posted, .rejected]
    }

    public enum Event: String, ClosedSet {
        /// A counter enters the quantity found.
        case enterCount
        /// The variance may post without a second look.
        case acceptVariance
        /// The variance needs a recount or, after one, a manager's decision.
        case questionVariance
        case approve
        case reject
    }

    /// Every allowed transition, declared once; any other (state, event) pair is refused.
    public static let transitions: [State: [Event: State]] = [
        .open: [.enterCount: .counted],
        .counted: [.acceptVariance: .posted, .questionVariance: .recountRequired],
        .recountRequired: [.enterCount: .recounted],
        .recounted: [.acceptVariance: .posted, .questionVariance: .pendingApproval],
        .pendingApproval: [.approve: .posted, .reject: .rejected],
    ]

    /// The state `event` leads to from `state`, or the refusal.
    public static func next(from state: State, on event: Event) throws(CountError) -> State {
        guard let next = transitions[state]?[event] else { throw .transitionNotAllowed(from: state, event: event) }
        return next
    }

    /// One count of the position: what was found, and what the books said at that moment.
    public struct Entry: Hashable, Sendable, Encodable {
        public let counted: Quantity
        public let book: Quantity
        public let withinTolerance: Bool
        public let countedBy: Principal.ID
        public let countedAt: Instant

        public init(counted: Quantity, book: Quantity, withinTolerance: Bool, countedBy: Principal.ID,
                    countedAt: Instant) {
            self.counted = counted
            self.book = book
            self.withinTolerance = withinTolerance
            self.countedBy = countedBy
            self.countedAt = countedAt
        }

        /// Counted minus book: positive when more was found than the books say.
        public var variance: Quantity { get throws(ArithmeticOverflow) { try counted - book } }
    }

    public let id: ID
    public let partID: Part.ID
    public let position: StockPosition
    public let abcClass: ABCClass
    /// The class's tolerance when the task was generated; a later policy change does not move the goalposts.
    public let toleranceBasisPoints: Int
    /// The day the task was generated for.
    public let generatedOn: CalendarDate
    public let createdBy: Principal.ID
    public let createdAt: Instant
    public private(set) var state: State
    public private(set) var firstCount: Entry?
    public private(set) var recount: Entry?
    /// The variance posted to the ledger, once posted.
    public private(set) var postedVariance: Quantity?
    public private(set) var decidedBy: Principal.ID?
    public private(set) var decidedAt: Instant?

    public init(id: ID, partID: Part.ID, position: StockPosition, abcClass: ABCClass, toleranceBasisPoints: Int,
                generatedOn: CalendarDate, createdBy: Principal.ID, createdAt: Instant, state: State = .open,
                firstCount: Entry? = nil, recount: Entry? = nil, postedVariance: Quantity? = nil,
                decidedBy: Principal.ID? = nil, decidedAt: Instant? = nil) {
        self.id = id
        self.partID = partID
        self.position = position
        self.abcClass = abcClass
        self.toleranceBasisPoints = toleranceBasisPoints
        self.generatedOn = generatedOn
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.state = state
        self.firstCount = firstCount
        self.recount = recount
        self.postedVariance = postedVariance
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// The latest count: the recount when there was one.
    public var lastEntry: Entry? { recount ?? firstCount }

    /// Records a count and evaluates it. `available` is the site's available stock of the part
    /// when the position is unrestricted (nil otherwise): a variance that would take reserved
    /// stock is questioned even within tolerance, because it breaks a promise to a demand and
    /// a manager must decide which one.
    public mutating func record(counted: Quantity, book: Quantity, available: Quantity?, by counter: Principal.ID,
                                at instant: Instant) throws {
        precondition(counted >= .zero, "counted quantities are validated before they are recorded")
        let evaluating = try Self.next(from: state, on: .enterCount)
        let entry = Entry(counted: counted, book: book,
                          withinTolerance: CountPolicy.isWithin(counted: counted, book: book,
                                                                toleranceBasisPoints: toleranceBasisPoints),
                          countedBy: counter, countedAt: instant)
        let variance = try entry.variance
        let takesReserved = try variance < .zero && available.map { try $0 + variance < .zero } ?? false
        let verdict: Event = entry.withinTolerance && !takesReserved ? .acceptVariance : .questionVariance
        let next = try Self.next(from: evaluating, on: verdict)
        if state == .open { firstCount = entry } else { recount = entry }
        state = next
        if next == .posted { postedVariance = variance }
    }

    /// Approves (posting the last count's variance) or rejects a task waiting for approval.
    /// Nobody who counted the position decides it.
    public mutating func decide(approve: Bool, by principal: Principal, at instant: Instant) throws {
        let next = try Self.next(from: state, on: approve ? .approve : .reject)
        guard principal.id != firstCount?.countedBy, principal.id != recount?.countedBy else {
            throw CountError.cannotApproveOwnCount
        }
        state = next
        decidedBy = principal.id
        decidedAt = instant
        if next == .posted { postedVariance = try lastEntry?.variance }
    }
}

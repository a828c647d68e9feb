/// An exception item: a difference found when a transfer was received (short, over or
/// damaged), open until a manager resolves it by saying what became of the difference.
///
/// Resolving records a decision; it moves no stock. The receipt already took short units off
/// the books, put damaged units into damaged stock and added over units to the destination's
/// stock, so the books are right from the moment of receipt: what follows (scrapping damaged
/// units, sending surplus back) goes through its own documents, a stock move, an adjustment or
/// a transfer, whose reference the resolution may carry.
public struct TransferException: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<TransferException>

    public enum Kind: String, ClosedSet {
        case short, over, damaged
    }

    /// open → resolved, once; declared in `transitions`.
    public enum State: String, ClosedSet {
        case open, resolved

        /// Every legal transition, declared once. Whatever is not listed is refused.
        public static let transitions: [State: [Event: State]] = [
            .open: [.resolve: .resolved],
            .resolved: [:],
        ]

        /// The events this state accepts, in declaration order.
        public var allowedEvents: [Event] {
            Event.allCases.filter { Self.transitions[self]?[$0] != nil }
        }

        /// The state `event` leads to, or the refusal naming what the state allows.
        public func after(_ event: Event) throws(ExceptionError) -> State {
            guard let next = Self.transitions[self]?[event] else {
                throw .illegalTransition(from: self, event: event, allowed: allowedEvents)
            }
            return next
        }
    }

    /// What can happen to an exception item.
    public enum Event: String, ClosedSet {
        case resolve
    }

    /// What became of a difference, as a parts manager would put it.
    public enum Resolution: String, ClosedSet {
        /// The units are accepted as lost (short) or scrapped (damaged): the loss stays with the company.
        case writtenOff
        /// The loss is claimed against the carrier or the source site.
        case claimed
        /// The units go back: surplus to the source, damaged units to the source or the supplier.
        case returned
        /// The difference was a booking or counting error, corrected where it arose.
        case corrected

        /// The resolutions that make sense for each kind of difference, declared once: units that
        /// never arrived cannot be sent back, and surplus units are neither lost nor anyone's claim.
        public static let applicable: [Kind: [Resolution]] = [
            .short: [.writtenOff, .claimed, .corrected],
            .over: [.returned, .corrected],
            .damaged: [.writtenOff, .claimed, .returned, .corrected],
        ]

        /// Whether this resolution settles a difference of `kind`.
        public func settles(_ kind: Kind) -> Bool {
            Self.applicable[kind]?.contains(self) ?? false
        }
    }

    /// A difference of one kind and its size.
    public struct Discrepancy: Hashable, Sendable {
        public let kind: Kind
        public let quantity: Quantity

        public init(kind: Kind, quantity: Quantity) {
            self.kind = kind
            self.quantity = quantity
        }
    }

    public let id: ID
    public let kind: Kind
    public let transferID: Transfer.ID
    public let partID: Part.ID
    /// The receiving site, where the difference was found.
    public let siteID: Site.ID
    public let quantity: Quantity
    public private(set) var state: State
    public let createdAt: Instant
    /// Set once resolved: what became of the difference, why, and who decided when.
    public private(set) var resolution: Resolution?
    public private(set) var resolutionNote: String?
    /// A claim number, or the document that carried the consequence (a transfer back, an adjustment).
    public private(set) var resolutionReference: String?
    public private(set) var resolvedBy: Principal.ID?
    public private(set) var resolvedAt: Instant?

    public init(id: ID, kind: Kind, transferID: Transfer.ID, partID: Part.ID, siteID: Site.ID, quantity: Quantity,
                state: State = .open, createdAt: Instant, resolution: Resolution? = nil, resolutionNote: String? = nil,
                resolutionReference: String? = nil, resolvedBy: Principal.ID? = nil, resolvedAt: Instant? = nil) {
        self.id = id
        self.kind = kind
        self.transferID = transferID
        self.partID = partID
        self.siteID = siteID
        self.quantity = quantity
        self.state = state
        self.createdAt = createdAt
        self.resolution = resolution
        self.resolutionNote = resolutionNote
        self.resolutionReference = resolutionReference
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
    }

    /// Resolves an open item. The note and reference are validated text; the state is checked
    /// before the resolution, so resolving twice is a conflict whatever the second request says.
    public mutating func resolve(_ resolution: Resolution, note: String, reference: String?,
                                 by actor: Principal.ID, at instant: Instant) throws(ExceptionError) {
        let next = try state.after(.resolve)
        guard resolution.settles(kind) else {
            throw .resolutionNotApplicable(kind: kind, resolution: resolution,
                                           applicable: Resolution.applicable[kind] ?? [])
        }
        state = next
        self.resolution = resolution
        resolutionNote = note
        resolutionReference = reference
        resolvedBy = actor
        resolvedAt = instant
    }
}

/// One part's stock moving from one site to another, as a document with its own state.
///
/// The quantity is reserved at the source when the transfer is requested; it ships whole
/// into `inTransit` stock counted at the destination, and what arrives is received into a
/// bin there, each difference (short, over, damaged) recorded. A transfer worth more than
/// the source site's threshold waits for another manager's approval before it may ship.
public struct Transfer: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<Transfer>

    /// Who took a step, and when.
    public struct Step: Hashable, Sendable, Encodable {
        public let actorID: Principal.ID
        public let at: Instant

        public init(actorID: Principal.ID, at: Instant) {
            self.actorID = actorID
            self.at = at
        }
    }

    public let id: ID
    public let partID: Part.ID
    public let quantity: Quantity
    public let sourceSiteID: Site.ID
    public let destinationSiteID: Site.ID
    /// `quantity ×` the part's moving-average unit cost when the transfer was requested.
    public let value: Money
    /// Whether the value exceeded the source site's threshold. When it did not, the request
    /// approved itself: `approved` names the requester.
    public let approvalRequired: Bool
    /// The commitment of the quantity at the source, until it ships or the transfer is cancelled.
    public let reservationID: Reservation.ID
    public private(set) var state: TransferState
    public let requested: Step
    public private(set) var approved: Step?
    public private(set) var shipped: Step?
    public private(set) var expectedArrival: CalendarDate?
    public private(set) var received: Step?
    public private(set) var receipt: TransferReceipt?
    public private(set) var cancelled: Step?
    /// Requested → received in whole seconds: the transfer cycle time.
    public private(set) var cycleTimeSeconds: Int64?

    /// A transfer as stored; new ones come from `request`.
    public init(id: ID, partID: Part.ID, quantity: Quantity, sourceSiteID: Site.ID, destinationSiteID: Site.ID,
                value: Money, approvalRequired: Bool, reservationID: Reservation.ID, state: TransferState,
                requested: Step, approved: Step? = nil, shipped: Step? = nil, expectedArrival: CalendarDate? = nil,
                received: Step? = nil, receipt: TransferReceipt? = nil, cancelled: Step? = nil) {
        self.id = id
        self.partID = partID
        self.quantity = quantity
        self.sourceSiteID = sourceSiteID
        self.destinationSiteID = destinationSiteID
        self.value = value
        self.approvalRequired = approvalRequired
        self.reservationID = reservationID
        self.state = state
        self.requested = requested
        self.approved = approved
        self.shipped = shipped
        self.expectedArrival = expectedArrival
        self.received = received
        self.receipt = receipt
        self.cancelled = cancelled
        self.cycleTimeSeconds = received.map { ($0.at.microseconds - requested.at.microseconds) / 1_000_000 }
    }

    /// A new transfer: approved at once unless its value exceeds the source site's threshold.
    public static func request(
        id: ID, partID: Part.ID, quantity: Quantity, from source: Site.ID, to destination: Site.ID, value: Money,
        approvalThreshold: Money, reservationID: Reservation.ID, by requester: Principal.ID, at instant: Instant
    ) throws(TransferError) -> Transfer {
        guard source != destination else { throw .sameSite }
        let step = Step(actorID: requester, at: instant)
        let required = needsApproval(value: value, threshold: approvalThreshold)
        return Transfer(id: id, partID: partID, quantity: quantity, sourceSiteID: source, destinationSiteID: destination,
                        value: value, approvalRequired: required, reservationID: reservationID,
                        state: required ? .requested : .approved, requested: step, approved: required ? nil : step)
    }

    /// Whether a transfer of this value must wait for approval at a source with this threshold.
    public static func needsApproval(value: Money, threshold: Money) -> Bool {
        value.minorUnits > threshold.minorUnits
    }

    /// Approves a requested transfer. The requester never approves their own.
    public mutating func approve(by approver: Principal.ID, at instant: Instant) throws(TransferError) {
        let next = try state.after(.approve)
        guard approver != requested.actorID else { throw .cannotApproveOwnTransfer }
        state = next
        approved = Step(actorID: approver, at: instant)
    }

    /// Ships an approved transfer, due at the destination on `arrival`.
    public mutating func ship(by shipper: Principal.ID, at instant: Instant, arriving arrival: CalendarDate)
        throws(TransferError)
    {
        state = try state.after(.ship)
        shipped = Step(actorID: shipper, at: instant)
        expectedArrival = arrival
    }

    /// Receives a shipped transfer: `good` units usable, `damaged` units not; the receipt
    /// says what differs from what was shipped. Quantities are validated (never negative) before.
    @discardableResult
    public mutating func receive(good: Quantity, damaged: Quantity, by receiver: Principal.ID, at instant: Instant)
        throws -> TransferReceipt
    {
        state = try state.after(.receive)
        let receipt = try TransferReceipt(shipped: quantity, good: good, damaged: damaged)
        self.receipt = receipt
        received = Step(actorID: receiver, at: instant)
        cycleTimeSeconds = (instant.microseconds - requested.at.microseconds) / 1_000_000
        return receipt
    }

    /// Cancels a transfer that has not shipped; its reservation is to be released.
    public mutating func cancel(by actor: Principal.ID, at instant: Instant) throws(TransferError) {
        state = try state.after(.cancel)
        cancelled = Step(actorID: actor, at: instant)
    }
}

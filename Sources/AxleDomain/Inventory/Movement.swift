/// One immutable entry of the stock ledger. Stock enters when `from` is nil, leaves when
/// `to` is nil, and otherwise moves between positions. Corrections are new movements.
public struct Movement: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<Movement>

    public let id: ID
    public let partID: Part.ID
    /// Always positive; the direction is given by `from` and `to`.
    public let quantity: Quantity
    public let from: StockPosition?
    public let to: StockPosition?
    public let reason: MovementReason
    /// The business document that caused it (a receipt, a reservation, a transfer…).
    public let document: DocumentReference
    public let actorID: Principal.ID
    public let at: Instant
    /// Cost of one unit at the time of the movement, and `quantity × unitCost`.
    public let unitCost: Money
    public let value: Money

    public init(id: ID, partID: Part.ID, quantity: Quantity, from: StockPosition?, to: StockPosition?,
                reason: MovementReason, document: DocumentReference, actorID: Principal.ID, at: Instant,
                unitCost: Money) throws(ArithmeticOverflow) {
        precondition(quantity.isPositive, "movement quantities are validated before a movement is built")
        precondition(from != nil || to != nil, "a movement goes somewhere")
        self.id = id
        self.partID = partID
        self.quantity = quantity
        self.from = from
        self.to = to
        self.reason = reason
        self.document = document
        self.actorID = actorID
        self.at = at
        self.unitCost = unitCost
        self.value = try unitCost.times(quantity)
    }
}

/// Why stock moved. Stable codes: reports group by them.
public enum MovementReason: String, ClosedSet {
    case receipt, release, reject, block, unblock, markDamaged, binMove
    case issue
    case adjustmentFound, adjustmentLost, adjustmentDamaged, adjustmentCount
    case transferShip, transferReceive, transferShort, transferDamaged, transferOver
    /// Stock a site held before it started with Axle, loaded once by an opening-stock import.
    case opening
}

/// The document a movement belongs to: its kind and identifier.
public struct DocumentReference: Hashable, Sendable, Codable {
    public let type: DocumentKind
    public let id: String

    public init(type: DocumentKind, id: String) {
        self.type = type
        self.id = id
    }
}

/// A movement with its position in the ledger and the running balance it leaves.
public struct LedgerEntry: Hashable, Sendable, Encodable {
    public let sequence: Int64
    public let movement: Movement
    /// Stock after this movement, in every status (in transit to a site counts at that site):
    /// at the site asked about, or in the whole company.
    public let balanceAfter: Quantity

    public init(sequence: Int64, movement: Movement, balanceAfter: Quantity) {
        self.sequence = sequence
        self.movement = movement
        self.balanceAfter = balanceAfter
    }

    /// How a movement changes the stock of one site (or, with nil, of the company).
    public static func netChange(of movement: Movement, at site: Site.ID?) throws(ArithmeticOverflow) -> Quantity {
        let leaves = movement.from.map { site == nil || $0.siteID == site } ?? false
        let arrives = movement.to.map { site == nil || $0.siteID == site } ?? false
        switch (leaves, arrives) {
        case (true, false): return try Quantity.zero - movement.quantity
        case (false, true): return movement.quantity
        default: return .zero
        }
    }
}

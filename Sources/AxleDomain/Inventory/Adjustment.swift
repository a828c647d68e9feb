/// A correction of stock found to differ from the books: found, lost, damaged or counted.
/// Above the site's value threshold it waits for another manager's approval before it posts.
public struct Adjustment: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<Adjustment>

    public enum Reason: String, ClosedSet {
        case found, lost, damaged, count

        public var movementReason: MovementReason {
            switch self {
            case .found: .adjustmentFound
            case .lost: .adjustmentLost
            case .damaged: .adjustmentDamaged
            case .count: .adjustmentCount
            }
        }
    }

    public enum State: String, ClosedSet {
        case pendingApproval, posted, rejected
    }

    public let id: ID
    public let partID: Part.ID
    public let position: StockPosition
    /// Positive adds stock, negative removes it. `damaged` moves stock to the damaged status.
    public let delta: Quantity
    public let reason: Reason
    public let note: String
    public let value: Money
    public var state: State
    public let requestedBy: Principal.ID
    public let requestedAt: Instant
    public var decidedBy: Principal.ID?
    public var decidedAt: Instant?

    public init(id: ID, partID: Part.ID, position: StockPosition, delta: Quantity, reason: Reason, note: String,
                value: Money, state: State, requestedBy: Principal.ID, requestedAt: Instant,
                decidedBy: Principal.ID? = nil, decidedAt: Instant? = nil) {
        self.id = id
        self.partID = partID
        self.position = position
        self.delta = delta
        self.reason = reason
        self.note = note
        self.value = value
        self.state = state
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// Whether an adjustment of this value must wait for approval at a site with this threshold.
    public static func needsApproval(value: Money, threshold: Money) -> Bool {
        value.minorUnits.magnitude > threshold.minorUnits.magnitude
    }

    /// Approves or rejects a pending adjustment. The requester never decides their own.
    public mutating func decide(approve: Bool, by principal: Principal, at instant: Instant) throws(InventoryError) {
        guard state == .pendingApproval else { throw .adjustmentNotPending(state) }
        guard principal.id != requestedBy else { throw .cannotApproveOwnAdjustment }
        state = approve ? .posted : .rejected
        decidedBy = principal.id
        decidedAt = instant
    }
}

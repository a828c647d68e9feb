/// A commitment of unrestricted stock at a site to one demand, and the part of the demand
/// that could not be covered yet (its backorder).
public struct Reservation: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<Reservation>

    public let id: ID
    public let partID: Part.ID
    public let siteID: Site.ID
    public let demand: Demand
    public let priority: PriorityClass
    public let needBy: CalendarDate
    /// What the demand asked of this part number: a demand served by several numbers of one
    /// supersession chain has a reservation for each, and each asks for its own share.
    public let requested: Quantity
    /// Committed stock, still at the site.
    public var reserved: Quantity
    /// Still wanted, waiting for stock; keeps the reservation's age.
    public var backordered: Quantity
    /// Already issued to the demand.
    public var consumed: Quantity
    public var status: ReservationStatus
    public let createdAt: Instant
    public var updatedAt: Instant

    public init(id: ID, partID: Part.ID, siteID: Site.ID, demand: Demand, priority: PriorityClass,
                needBy: CalendarDate, requested: Quantity, reserved: Quantity, backordered: Quantity,
                consumed: Quantity = .zero, status: ReservationStatus = .open, createdAt: Instant,
                updatedAt: Instant? = nil) {
        self.id = id
        self.partID = partID
        self.siteID = siteID
        self.demand = demand
        self.priority = priority
        self.needBy = needBy
        self.requested = requested
        self.reserved = reserved
        self.backordered = backordered
        self.consumed = consumed
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// What stock is committed to.
public struct Demand: Hashable, Sendable, Codable {
    public enum Kind: String, ClosedSet {
        case repairOrder, appointment, transfer, customerOrder, workOrder, other
    }

    public let kind: Kind
    /// The demand's own reference (`RO-10442/3`).
    public let reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}

/// Who gets scarce stock first, highest first.
public enum PriorityClass: String, ClosedSet, Comparable {
    case vehicleOffRoad, customerWaiting, scheduledService, stockReplenishment

    /// 0 is served first.
    public var rank: Int {
        switch self {
        case .vehicleOffRoad: 0
        case .customerWaiting: 1
        case .scheduledService: 2
        case .stockReplenishment: 3
        }
    }

    public static func < (lhs: PriorityClass, rhs: PriorityClass) -> Bool { lhs.rank < rhs.rank }
}

/// A reservation is open while it holds or awaits stock; it ends released or consumed.
public enum ReservationStatus: String, ClosedSet {
    case open, released, consumed

    public var isOpen: Bool { self == .open }
}

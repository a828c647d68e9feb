/// A booked visit: a vehicle, the work requested, and the technician, bay and time that were
/// free for it, with the parts reserved for it. It becomes a repair order when the vehicle arrives.
public struct Appointment: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<Appointment>

    public enum Status: String, ClosedSet {
        /// Holding its technician, bay and parts.
        case booked
        /// The vehicle arrived and a repair order carries the work on.
        case arrived
        /// Released everything it held.
        case cancelled
    }

    public let id: ID
    public let siteID: Site.ID
    public let customerID: Customer.ID
    public let vehicleID: Vehicle.ID
    public let operationIDs: [LaborOperation.ID]
    public var technicianID: Technician.ID
    public var bayID: Bay.ID
    public var period: Period
    public var status: Status
    /// The customer's concern in their words.
    public let concern: String
    /// The parts held for the work, one reservation per kit part.
    public var reservationIDs: [Reservation.ID]
    public var repairOrderID: RepairOrder.ID?
    public let createdBy: Principal.ID
    public let createdAt: Instant
    public var updatedAt: Instant

    public init(id: ID, siteID: Site.ID, customerID: Customer.ID, vehicleID: Vehicle.ID,
                operationIDs: [LaborOperation.ID], technicianID: Technician.ID, bayID: Bay.ID, period: Period,
                status: Status = .booked, concern: String, reservationIDs: [Reservation.ID],
                repairOrderID: RepairOrder.ID? = nil, createdBy: Principal.ID, createdAt: Instant,
                updatedAt: Instant? = nil) {
        self.id = id
        self.siteID = siteID
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.operationIDs = operationIDs
        self.technicianID = technicianID
        self.bayID = bayID
        self.period = period
        self.status = status
        self.concern = concern
        self.reservationIDs = reservationIDs
        self.repairOrderID = repairOrderID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Time a technician or a bay is taken, and by what.
public struct ScheduleBlock: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<ScheduleBlock>

    public enum Resource: Hashable, Sendable {
        case technician(Technician.ID)
        case bay(Bay.ID)
    }

    public enum Owner: Hashable, Sendable {
        case appointment(Appointment.ID)
        case repairOrder(RepairOrder.ID)
    }

    public let id: ID
    public let resource: Resource
    public let period: Period
    public let owner: Owner

    public init(id: ID, resource: Resource, period: Period, owner: Owner) {
        self.id = id
        self.resource = resource
        self.period = period
        self.owner = owner
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        switch resource {
        case .technician(let id): try container.encode(id.description, forKey: .technicianID)
        case .bay(let id): try container.encode(id.description, forKey: .bayID)
        }
        try container.encode(period, forKey: .period)
        switch owner {
        case .appointment(let id): try container.encode(id.description, forKey: .appointmentID)
        case .repairOrder(let id): try container.encode(id.description, forKey: .repairOrderID)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, technicianID, bayID, period, appointmentID, repairOrderID
    }
}

/// A repair order: the work done on one vehicle at one site, from estimate to invoice.
public struct RepairOrder: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<RepairOrder>

    public let id: ID
    /// `RO-000123`, numbered per company in order of opening.
    public let number: String
    public let siteID: Site.ID
    public let customerID: Customer.ID
    public let vehicleID: Vehicle.ID
    public let appointmentID: Appointment.ID?
    public private(set) var status: RepairOrderStatus
    public let concern: String
    public var mileage: Int64?
    public var laborLines: [LaborLine]
    public var partLines: [PartLine]
    /// The customer's agreement to the estimate, and the total (with tax) they agreed to:
    /// the baseline against which later additions are measured.
    public var approval: CustomerApproval?
    public var approvedTotal: Money?
    /// The ledger value of the parts issued when the order completed (moving-average cost).
    public var partsCost: Money?
    public var invoice: Invoice?
    public let openedBy: Principal.ID
    public let openedAt: Instant
    public private(set) var completedAt: Instant?
    public private(set) var closedAt: Instant?
    public private(set) var cancelledAt: Instant?
    public var updatedAt: Instant

    public init(id: ID, number: String, siteID: Site.ID, customerID: Customer.ID, vehicleID: Vehicle.ID,
                appointmentID: Appointment.ID?, status: RepairOrderStatus, concern: String, mileage: Int64?,
                laborLines: [LaborLine], partLines: [PartLine], approval: CustomerApproval? = nil,
                approvedTotal: Money? = nil, partsCost: Money? = nil, invoice: Invoice? = nil, openedBy: Principal.ID, openedAt: Instant,
                completedAt: Instant? = nil, closedAt: Instant? = nil, cancelledAt: Instant? = nil,
                updatedAt: Instant? = nil) {
        self.id = id
        self.number = number
        self.siteID = siteID
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.appointmentID = appointmentID
        self.status = status
        self.concern = concern
        self.mileage = mileage
        self.laborLines = laborLines
        self.partLines = partLines
        self.approval = approval
        self.approvedTotal = approvedTotal
        self.partsCost = partsCost
        self.invoice = invoice
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.completedAt = completedAt
        self.closedAt = closedAt
        self.cancelledAt = cancelledAt
        self.updatedAt = updatedAt ?? openedAt
    }

    /// Takes `event`, or throws the illegal transition with the events allowed now.
    public mutating func apply(_ event: RepairOrderEvent, at now: Instant) throws(ServiceError) {
        status = try status.after(event)
        updatedAt = now
        switch status {
        case .completed: completedAt = now
        case .closed: closedAt = now
        case .cancelled: cancelledAt = now
        default: break
        }
    }

    /// Lines the customer has not declined: what the estimate totals.
    /// Throws when a sum would not fit: the line that makes it so is refused.
    public func totals(laborRate: Money, taxRate: Percentage) throws(ArithmeticOverflow) -> Totals {
        try Totals(labor: laborLines.filter { $0.state != .declined }.map(\.hours),
                   parts: partLines.filter { $0.state != .declined }.map { line throws(ArithmeticOverflow) in
                       try line.unitPrice.times(line.quantity)
                   },
                   laborRate: laborRate, taxRate: taxRate)
    }
}

/// Labor on a repair order: an operation's standard hours (what is charged), its skill and,
/// once assigned, the technician.
public struct LaborLine: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<LaborLine>

    public let id: ID
    public let operationID: LaborOperation.ID?
    public let description: String
    public let hours: Quantity
    public let skill: Skill
    public var technicianID: Technician.ID?
    public var state: LineState

    public init(id: ID, operationID: LaborOperation.ID?, description: String, hours: Quantity, skill: Skill,
                technicianID: Technician.ID?, state: LineState) {
        self.id = id
        self.operationID = operationID
        self.description = description
        self.hours = hours
        self.skill = skill
        self.technicianID = technicianID
        self.state = state
    }
}

/// A part on a repair order, the price it is sold at and, once approved, its reservation.
public struct PartLine: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<PartLine>

    public let id: ID
    public let partID: Part.ID
    public let quantity: Quantity
    public let unitPrice: Money
    public var reservationID: Reservation.ID?
    public var state: LineState
    /// Whether the site reserved the whole quantity when the line was approved: what the
    /// parts fill rate counts. Nil until the line is reserved.
    public var filledAtApproval: Bool?

    public init(id: ID, partID: Part.ID, quantity: Quantity, unitPrice: Money, reservationID: Reservation.ID?,
                state: LineState, filledAtApproval: Bool? = nil) {
        self.id = id
        self.partID = partID
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.reservationID = reservationID
        self.state = state
        self.filledAtApproval = filledAtApproval
    }
}

/// Where a line stands with the customer.
public enum LineState: String, ClosedSet {
    /// On an estimate the customer has not answered yet.
    case proposed
    /// Agreed (with the order, or within the site's threshold, or by the customer's answer).
    case approved
    /// Added during the job beyond the threshold: no parts reserved, no labor clocked until the customer answers.
    case awaitingCustomer
    case declined
}

/// Who agreed to work on the customer's side, how, and who recorded it.
public struct CustomerApproval: Hashable, Sendable, Codable {
    public enum Method: String, ClosedSet {
        case inPerson, phone, email, sms, portal
    }

    public let approvedBy: String
    public let method: Method
    public let at: Instant
    public let recordedBy: Principal.ID

    public init(approvedBy: String, method: Method, at: Instant, recordedBy: Principal.ID) {
        self.approvedBy = approvedBy
        self.method = method
        self.at = at
        self.recordedBy = recordedBy
    }
}

/// An estimate's or invoice's sums: parts at their price, labor at the site's rate, tax on both.
public struct Totals: Hashable, Sendable, Encodable {
    public let parts: Money
    public let labor: Money
    public let tax: Money
    public let total: Money

    public init(labor hours: [Quantity], parts: [Money], laborRate: Money, taxRate: Percentage)
        throws(ArithmeticOverflow)
    {
        var partsTotal = Money.zero(laborRate.currency)
        for amount in parts { partsTotal = try partsTotal + amount }
        var laborTotal = Money.zero(laborRate.currency)
        for hour in hours { laborTotal = try laborTotal + laborRate.times(hour) }
        try self.init(parts: partsTotal, labor: laborTotal, tax: taxRate.of(partsTotal + laborTotal))
    }

    /// Sums already worked out, as an invoice records them.
    public init(parts: Money, labor: Money, tax: Money) throws(ArithmeticOverflow) {
        self.parts = parts
        self.labor = labor
        self.tax = tax
        self.total = try parts + labor + tax
    }
}

/// What was billed, and what the parts cost the company, so the order's margin is known.
/// Gross margin is sales before tax minus the cost of the parts issued; technicians' wages
/// are not in it.
public struct Invoice: Hashable, Sendable, Encodable {
    public let totals: Totals
    /// The ledger value of the parts issued to the order (moving-average cost).
    public let costOfParts: Money
    public let grossMargin: Money
    public let invoicedAt: Instant

    public init(totals: Totals, costOfParts: Money, invoicedAt: Instant) throws(ArithmeticOverflow) {
        self.totals = totals
        self.costOfParts = costOfParts
        self.grossMargin = try totals.parts + totals.labor - costOfParts
        self.invoicedAt = invoicedAt
    }
}

/// A technician's clocked time on a labor line: productive time.
public struct TimeEntry: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<TimeEntry>

    public let id: ID
    public let repairOrderID: RepairOrder.ID
    public let laborLineID: LaborLine.ID
    public let technicianID: Technician.ID
    public let start: Instant
    public var end: Instant?

    public init(id: ID, repairOrderID: RepairOrder.ID, laborLineID: LaborLine.ID, technicianID: Technician.ID,
                start: Instant, end: Instant? = nil) {
        self.id = id
        self.repairOrderID = repairOrderID
        self.laborLineID = laborLineID
        self.technicianID = technicianID
        self.start = start
        self.end = end
    }
}

/// An order to a supplier for parts delivered to one site, as a document with its own status
/// (`PurchaseOrderStatus`). The order's methods are its transitions: each checks the status and
/// the rules of the step (segregation of duties, tolerance), and leaves the order as it is after.
public struct PurchaseOrder: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<PurchaseOrder>

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
    public let supplierID: Supplier.ID
    public let shipToSiteID: Site.ID
    public let kind: PurchaseOrderKind
    /// Why an emergency order was placed; required for one.
    public let reason: String?
    public private(set) var status: PurchaseOrderStatus
    public private(set) var lines: [PurchaseOrderLine]
    public let requested: Step
    public private(set) var submitted: Step?
    /// Whether submission found that a manager must approve: every emergency order, and any
    /// order worth more than the buyer's limit. When not, submission approved it at once.
    public private(set) var approvalRequired: Bool
    public private(set) var approved: Step?
    public private(set) var sent: Step?
    public private(set) var cancelled: Step?

    /// A new draft: at least one line, and a reason when it is an emergency.
    public static func draft(id: ID, supplierID: Supplier.ID, shipToSiteID: Site.ID, kind: PurchaseOrderKind,
                             reason: String?, lines: [PurchaseOrderLine], requested: Step)
        throws(PurchasingError) -> PurchaseOrder
    {
        guard !lines.isEmpty else { throw .noLines }
        if kind == .emergency, (reason ?? "").allSatisfy(\.isWhitespace) { throw .emergencyWithoutReason }
        if kind == .specialOrder, let line = lines.first(where: { $0.demand == nil }) {
            throw .specialOrderWithoutDemand(line: line.number)
        }
        return PurchaseOrder(id: id, supplierID: supplierID, shipToSiteID: shipToSiteID, kind: kind, reason: reason,
                             status: .draft, lines: lines, requested: requested, approvalRequired: false)
    }

    /// An order as stored.
    public init(id: ID, supplierID: Supplier.ID, shipToSiteID: Site.ID, kind: PurchaseOrderKind, reason: String?,
                status: PurchaseOrderStatus, lines: [PurchaseOrderLine], requested: Step, submitted: Step? = nil,
                approvalRequired: Bool, approved: Step? = nil, sent: Step? = nil, cancelled: Step? = nil) {
        self.id = id
        self.supplierID = supplierID
        self.shipToSiteID = shipToSiteID
        self.kind = kind
        self.reason = reason
        self.status = status
        self.lines = lines
        self.requested = requested
        self.submitted = submitted
        self.approvalRequired = approvalRequired
        self.approved = approved
        self.sent = sent
        self.cancelled = cancelled
    }

    /// The sum of the lines' values, checked.
    public func value() throws(ArithmeticOverflow) -> Money {
        var total = Money.zero(lines[0].unitPrice.currency)
        for line in lines { total = try total + line.value() }
        return total
    }

    /// Submits the draft. An emergency order, or one worth more than `buyerLimit`, waits for a
    /// manager's approval; any other is approved by its submission.
    public mutating func submit(by step: Step, buyerLimit: Money) throws(PurchasingError) {
        status = try status.after(.submit)
        submitted = step
        let value: Money
        do { value = try self.value() } catch { throw .valueOverflow }
        approvalRequired = kind == .emergency || value.minorUnits > buyerLimit.minorUnits
        if !approvalRequired {
            status = try status.after(.approve)
            approved = step
        }
    }

    /// A manager approves a submitted order; never the person who requested it.
    public mutating func approve(by step: Step) throws(PurchasingError) {
        let next = try status.after(.approve)
        guard step.actorID != requested.actorID else { throw .cannotApproveOwnOrder }
        status = next
        approved = step
    }

    /// The order goes to the supplier: from now on its open lines are inbound.
    public mutating func send(by step: Step) throws(PurchasingError) {
        status = try status.after(.send)
        sent = step
    }

    /// Records a receipt of `quantity` on line `number`, over the open quantity only within
    /// `tolerance`; the order becomes partially received, or received when nothing is open.
    public mutating func receive(_ quantity: Quantity, onLine number: Int, tolerance: Percentage)
        throws(PurchasingError)
    {
        guard status.isWithSupplier else {
            throw .illegalTransition(from: status, event: .receivePart, allowed: status.allowedEvents)
        }
        guard let index = lines.firstIndex(where: { $0.number == number }) else { throw .lineNotFound(number) }
        var line = lines[index]
        try line.receive(quantity, tolerance: tolerance)
        lines[index] = line
        status = try status.after(lines.allSatisfy { $0.open == .zero } ? .receiveRest : .receivePart)
    }

    /// Cancels the order and, with it, every open quantity; what was received stays received.
    public mutating func cancel(by step: Step) throws(PurchasingError) {
        status = try status.after(.cancel)
        for index in lines.indices { lines[index].cancelOpen() }
        cancelled = step
    }

    /// Closes a received order: nothing more will come or be paid against it.
    public mutating func close() throws(PurchasingError) {
        status = try status.after(.close)
    }
}

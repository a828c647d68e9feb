public import AxleDomain
import AxleStore

/// Moves a repair order through its status model, with what each step does: approving
/// records the customer's answer and reserves the parts (a short part sends the order to
/// awaitingParts), completing issues the reserved parts, invoicing totals the order and its
/// margin, cancelling releases every reservation and booked hour.
public struct ChangeRepairOrderStatus: Command {
    public struct Input: Sendable, Codable {
        public var event: RepairOrderEvent
        /// For `approve`: who agreed on the customer's side, and how.
        public var approvedBy: String?
        public var method: CustomerApproval.Method?
        public var note: String?

        public init(event: RepairOrderEvent, approvedBy: String? = nil, method: CustomerApproval.Method? = nil,
                    note: String? = nil) {
            self.event = event
            self.approvedBy = approvedBy
            self.method = method
            self.note = note
        }
    }

    public let orderID: RepairOrder.ID
    public let input: Input

    public init(orderID: RepairOrder.ID, input: Input) {
        self.orderID = orderID
        self.input = input
    }

    /// The permission each event needs: advisors sell and cancel, the workshop does the work,
    /// invoicing is for advisors and finance.
    static func permission(for event: RepairOrderEvent) -> Permission {
        switch event {
        case .estimate, .approve, .schedule, .cancel: .manageRepairOrders
        case .start, .awaitParts, .partsArrived, .requestQualityCheck, .failQualityCheck, .complete: .workRepairOrders
        case .invoice, .close: .invoiceRepairOrders
        }
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(Self.permission(for: input.event))
    }

    public func execute(in scope: WriteScope) async throws -> RepairOrderView {
        let stores = scope.stores
        let before = try await ServiceLookup.repairOrder(orderID, in: stores)
        try scope.caller.principal.authorize(Self.permission(for: input.event), at: before.siteID)
        let note = try Validate.optionalText(input.note, field: "note", maximumLength: 500)
        var order = before
        try order.apply(input.event, at: scope.now)
        var shortages: [PartShortage] = []
        switch input.event {
        case .estimate:
            guard !order.laborLines.isEmpty || !order.partLines.isEmpty else {
                throw ValidationError(field: "event", reason: "an estimate needs at least one line")
            }
        case .approve:
            try await approve(&order, in: scope)
            shortages = try await RepairOrderParts.reserveApproved(&order, in: scope)
        case .partsArrived:
            let waiting = try await RepairOrderParts.outstanding(order, in: stores)
            guard waiting.isEmpty else { throw ServiceError.partsOutstanding(parts: waiting) }
        case .requestQualityCheck:
            try await RepairOrderTransitions.clockOffEveryone(on: order, in: scope)
        case .complete:
            let waiting = try await RepairOrderParts.outstanding(order, in: stores)
            guard waiting.isEmpty else { throw ServiceError.partsOutstanding(parts: waiting) }
            try await RepairOrderTransitions.clockOffEveryone(on: order, in: scope)
            order.partsCost = try await RepairOrderParts.issueAll(order, in: scope)
        case .invoice:
            order.invoice = try await invoice(order, in: stores, at: scope.now)
        case .cancel:
            try await RepairOrderParts.releaseAll(order, in: scope)
            try await RepairOrderTransitions.clockOffEveryone(on: order, in: scope)
            try await stores.schedule.remove(owner: .repairOrder(order.id))
            if let appointment = order.appointmentID { try await stores.schedule.remove(owner: .appointment(appointment)) }
        case .schedule, .start, .awaitParts, .failQualityCheck, .close:
            break
        }
        try await stores.repairOrders.update(order)
        try await scope.audit(.repairOrder(input.event),
                              entityID: order.id.description, before: before, after: order, reason: note)
        if try await RepairOrderTransitions.awaitPartsIfShort(&order, shortages: shortages, in: scope) {
            try await stores.repairOrders.update(order)
        }
        return try await RepairOrderView.make(order, shortages: shortages, in: stores)
    }

    private func approve(_ order: inout RepairOrder, in scope: WriteScope) async throws {
        guard let by = input.approvedBy, let method = input.method else { throw ServiceError.approvalRequired }
        order.approval = CustomerApproval(approvedBy: try Validate.text(by, field: "approvedBy"), method: method,
                                          at: scope.now, recordedBy: scope.caller.principal.id)
        for index in order.laborLines.indices where order.laborLines[index].state == .proposed {
            order.laborLines[index].state = .approved
        }
        for index in order.partLines.indices where order.partLines[index].state == .proposed {
            order.partLines[index].state = .approved
        }
        let site = try await CatalogLookup.site(order.siteID, in: scope.stores)
        let settings = try await ServiceLookup.settings(site, in: scope.stores)
        order.approvedTotal = try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate).total
    }

    /// The approved work at the site's rates, and the cost of the parts issued.
    private func invoice(_ order: RepairOrder, in stores: any StoreTransaction, at now: Instant) async throws -> Invoice {
        let site = try await CatalogLookup.site(order.siteID, in: stores)
        let settings = try await ServiceLookup.settings(site, in: stores)
        let totals = try Totals(labor: order.laborLines.filter { $0.state == .approved }.map(\.hours),
                            parts: order.partLines.filter { $0.state == .approved }.map { try $0.unitPrice.times($0.quantity) },
                            laborRate: settings.laborRate, taxRate: settings.taxRate)
        return try Invoice(totals: totals, costOfParts: order.partsCost ?? Money.zero(settings.laborRate.currency),
                       invoicedAt: now)
    }
}

/// Steps shared by the commands that change a repair order.
enum RepairOrderTransitions {
    /// An approved order short of parts waits for them; the step is audited on its own.
    /// Returns whether the order moved.
    static func awaitPartsIfShort(_ order: inout RepairOrder, shortages: [PartShortage], in scope: WriteScope)
        async throws -> Bool
    {
        guard !shortages.isEmpty, order.status.allowedEvents.contains(.awaitParts) else { return false }
        let before = order
        try order.apply(.awaitParts, at: scope.now)
        try await scope.audit(.repairOrder(.awaitParts), entityID: order.id.description,
                              before: before, after: order,
                              reason: "short: " + shortages.map(\.number.description).joined(separator: ", "))
        return true
    }

    /// Ends every clocked entry on the order now.
    static func clockOffEveryone(on order: RepairOrder, in scope: WriteScope) async throws {
        for var entry in try await scope.stores.repairOrders.entries(of: order.id) where entry.end == nil {
            entry.end = scope.now
            try await scope.stores.repairOrders.update(entry)
        }
    }
}

public import AxleDomain
import AxleStore

/// Adds lines to an open repair order, as diagnostics find more work. Before the customer has
/// approved the order the lines join the estimate. After approval, the new lines are approved
/// at once (and their parts reserved) while the total stays within the site's threshold over
/// what the customer agreed to; beyond it they wait for the customer's answer.
public struct AddRepairOrderLines: Command {
    public struct Input: Sendable, Codable {
        public var labor: [LaborLineInput]?
        public var parts: [PartLineInput]?

        public init(labor: [LaborLineInput]? = nil, parts: [PartLineInput]? = nil) {
            self.labor = labor
            self.parts = parts
        }
    }

    public let orderID: RepairOrder.ID
    public let input: Input

    public init(orderID: RepairOrder.ID, input: Input) {
        self.orderID = orderID
        self.input = input
    }

    /// Technicians add what they find; advisors add what they sell.
    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.workRepairOrders)
    }

    public func execute(in scope: WriteScope) async throws -> RepairOrderView {
        let stores = scope.stores
        let before = try await ServiceLookup.repairOrder(orderID, in: stores)
        try scope.caller.principal.authorize(.workRepairOrders, at: before.siteID)
        guard before.status.isOpen else { throw ServiceError.orderNotOpen(before.status) }
        guard !(input.labor ?? []).isEmpty || !(input.parts ?? []).isEmpty else {
            throw ValidationError(field: "labor", reason: "send at least one labor or part line")
        }
        let site = try await CatalogLookup.site(before.siteID, in: stores)
        let settings = try await ServiceLookup.settings(site, in: stores)
        let vehicle = try await ServiceLookup.vehicle(before.vehicleID, in: stores)
        let approved = before.status.isApproved
        let builder = RepairOrderLineBuilder(scope: scope, site: site, vehicle: vehicle,
                                             state: approved ? .approved : .proposed)
        var (labor, parts) = try await builder.labor(input.labor ?? [], field: "labor")
        parts += try await builder.parts(input.parts ?? [], field: "parts")
        var order = before
        order.laborLines += labor
        order.partLines += parts
        order.updatedAt = scope.now
        var shortages: [PartShortage] = []
        if approved {
            let proposed = try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate).total
            let baseline = before.approvedTotal ?? Money.zero(proposed.currency)
            if try settings.approvalThreshold.needsApproval(approved: baseline, proposed: proposed) {
                let added = Set(labor.map(\.id.description) + parts.map(\.id.description))
                for index in order.laborLines.indices where added.contains(order.laborLines[index].id.description) {
                    order.laborLines[index].state = .awaitingCustomer
                }
                for index in order.partLines.indices where added.contains(order.partLines[index].id.description) {
                    order.partLines[index].state = .awaitingCustomer
                }
            } else {
                shortages = try await RepairOrderParts.reserveApproved(&order, in: scope)
            }
        }
        try await stores.repairOrders.update(order)
        try await scope.audit(.repairOrderLinesAdd, entityID: order.id.description,
                              before: before, after: order)
        if try await RepairOrderTransitions.awaitPartsIfShort(&order, shortages: shortages, in: scope) {
            try await stores.repairOrders.update(order)
        }
        return try await RepairOrderView.make(order, shortages: shortages, in: stores)
    }
}

/// Records the customer's answer to lines waiting for it: approved lines get their parts
/// reserved and become part of what the customer agreed to; declined lines are not done.
public struct RecordCustomerDecision: Command {
    public struct Input: Sendable, Codable {
        public enum Decision: String, ClosedSet {
            case approve, decline
        }

        public var decision: Decision
        /// Who answered on the customer's side.
        public var approvedBy: String
        public var method: CustomerApproval.Method

        public init(decision: Decision, approvedBy: String, method: CustomerApproval.Method) {
            self.decision = decision
            self.approvedBy = approvedBy
            self.method = method
        }
    }

    public let orderID: RepairOrder.ID
    public let input: Input

    public init(orderID: RepairOrder.ID, input: Input) {
        self.orderID = orderID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageRepairOrders)
    }

    public func execute(in scope: WriteScope) async throws -> RepairOrderView {
        let stores = scope.stores
        let before = try await ServiceLookup.repairOrder(orderID, in: stores)
        try scope.caller.principal.authorize(.manageRepairOrders, at: before.siteID)
        let waiting = before.laborLines.contains { $0.state == .awaitingCustomer }
            || before.partLines.contains { $0.state == .awaitingCustomer }
        guard before.status.isOpen, waiting else { throw ServiceError.nothingAwaitingCustomer }
        let approval = CustomerApproval(approvedBy: try Validate.text(input.approvedBy, field: "approvedBy"),
                                        method: input.method, at: scope.now, recordedBy: scope.caller.principal.id)
        let state: LineState = input.decision == .approve ? .approved : .declined
        var order = before
        for index in order.laborLines.indices where order.laborLines[index].state == .awaitingCustomer {
            order.laborLines[index].state = state
        }
        for index in order.partLines.indices where order.partLines[index].state == .awaitingCustomer {
            order.partLines[index].state = state
        }
        order.updatedAt = scope.now
        var shortages: [PartShortage] = []
        if input.decision == .approve {
            let site = try await CatalogLookup.site(order.siteID, in: stores)
            let settings = try await ServiceLookup.settings(site, in: stores)
            order.approval = approval
            order.approvedTotal = try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate).total
            shortages = try await RepairOrderParts.reserveApproved(&order, in: scope)
        }
        try await stores.repairOrders.update(order)
        try await scope.audit(input.decision == .approve ? .repairOrderCustomerApprove : .repairOrderCustomerDecline,
                              entityID: order.id.description, before: before, after: order,
                              reason: "\(approval.approvedBy) by \(approval.method.rawValue)")
        if try await RepairOrderTransitions.awaitPartsIfShort(&order, shortages: shortages, in: scope) {
            try await stores.repairOrders.update(order)
        }
        return try await RepairOrderView.make(order, shortages: shortages, in: stores)
    }
}

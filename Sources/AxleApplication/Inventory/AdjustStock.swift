public import AxleDomain
import AxleStore

/// Corrects stock at one position: found (+), lost, damaged or counted (±). Worth more than
/// the site's threshold, it waits for a manager's approval; otherwise it posts at once.
public struct RequestAdjustment: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var binId: Bin.ID
        public var partId: Part.ID
        /// Positive adds stock, negative removes it; never zero.
        public var quantity: Quantity
        public var reason: Adjustment.Reason
        /// Default unrestricted.
        public var status: StockStatus?
        public var lot: String?
        public var note: String?

        public init(siteId: Site.ID, binId: Bin.ID, partId: Part.ID, quantity: Quantity, reason: Adjustment.Reason,
                    status: StockStatus? = nil, lot: String? = nil, note: String? = nil) {
            self.siteId = siteId
            self.binId = binId
            self.partId = partId
            self.quantity = quantity
            self.reason = reason
            self.status = status
            self.lot = lot
            self.note = note
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.adjustStock, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Adjustment {
        let stores = scope.stores
        guard input.quantity != .zero else { throw InventoryError.quantityMustBePositive(field: "quantity (its size)") }
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let bin = try await StockRules.bin(input.binId, at: site, in: stores)
        let part = try await CatalogLookup.part(input.partId, in: stores, field: "partId")
        let status = input.status ?? .unrestricted
        guard status != .inTransit else { throw InventoryError.statusNotAllowed(status, operation: "an adjustment") }
        let position = StockPosition(siteID: site.id, binID: bin.id, status: status,
                                     lot: part.tracking == .none ? nil : try StockRules.lot(input.lot, for: part))
        let magnitude = Quantity(milli: abs(input.quantity.milli))
        let value = try await StockRules.unitCost(of: part, in: stores).times(magnitude)
        let policy = try await stores.stock.policy(site: site.id)
        let pending = Adjustment.needsApproval(value: value, threshold: policy.adjustmentApprovalThreshold)
        let adjustment = Adjustment(
            id: scope.newID(), partID: part.id, position: position, delta: input.quantity, reason: input.reason,
            note: try Validate.optionalText(input.note, field: "note", maximumLength: 500) ?? "", value: value,
            state: pending ? .pendingApproval : .posted, requestedBy: scope.caller.principal.id, requestedAt: scope.now)
        try await stores.adjustments.insert(adjustment)
        try await scope.audit(pending ? .adjustmentRequest : .adjustmentPost,
                              entityID: adjustment.id.description, before: Adjustment?.none, after: adjustment,
                              reason: adjustment.note.isEmpty ? nil : adjustment.note)
        if !pending { try await AdjustmentPosting.post(adjustment, of: part, in: scope) }
        return adjustment
    }
}

/// Approves or rejects a pending adjustment; approval posts it. Never the requester's own.
public struct DecideAdjustment: Command {
    public let adjustmentID: Adjustment.ID
    public let approve: Bool

    public init(adjustmentID: Adjustment.ID, approve: Bool) {
        self.adjustmentID = adjustmentID
        self.approve = approve
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.approveAdjustments)
    }

    public func execute(in scope: WriteScope) async throws -> Adjustment {
        let stores = scope.stores
        guard let before = try await stores.adjustments.find(id: adjustmentID, forUpdate: true) else {
            throw InventoryError.adjustmentNotFound(adjustmentID.description)
        }
        // The site is known only now: the approver's scope is checked against it here.
        try scope.caller.principal.authorize(.approveAdjustments, at: before.position.siteID)
        var after = before
        try after.decide(approve: approve, by: scope.caller.principal, at: scope.now)
        try await stores.adjustments.update(after)
        try await scope.audit(approve ? .adjustmentApprove : .adjustmentReject,
                              entityID: after.id.description, before: before, after: after)
        if approve {
            try await AdjustmentPosting.post(after, of: try await CatalogLookup.part(after.partID, in: stores), in: scope)
        }
        return after
    }
}

/// Turns a posted correction of one position into its movement: adjustments, and counts
/// (whose document is the count task).
enum AdjustmentPosting {
    static func post(_ adjustment: Adjustment, of part: Part, in scope: WriteScope) async throws {
        try await post(adjustment.delta, of: part, at: adjustment.position, reason: adjustment.reason.movementReason,
                       document: DocumentReference(type: .adjustment, id: adjustment.id.description), in: scope)
    }

    /// Posts `delta` (positive adds stock, negative removes it; never zero) at `position`, keeps
    /// the average cost's quantity in step and gives added unrestricted stock to backorders.
    static func post(_ delta: Quantity, of part: Part, at position: StockPosition, reason: MovementReason,
                     document: DocumentReference, in scope: WriteScope) async throws {
        precondition(delta != .zero, "a correction changes stock")
        let stores = scope.stores
        let adding = delta.isPositive
        let quantity = adding ? delta : try Quantity.zero - delta
        if !adding { try await StockRules.checkRemovable(quantity, of: part, from: position, in: stores) }
        let movement = try Movement(
            id: scope.newID(), partID: part.id, quantity: quantity, from: adding ? nil : position,
            to: adding ? position : nil, reason: reason, document: document,
            actorID: scope.caller.principal.id, at: scope.now, unitCost: try await StockRules.unitCost(of: part, in: stores))
        try await StockRules.post([movement], in: stores)
        if position.ownership == .own, let average = try await stores.stock.averageCost(part: part.id) {
            try await stores.stock.save(try average.adjusting(by: delta), part: part.id)
        }
        if adding, position.status == .unrestricted {
            _ = try await BackorderAllocation.run(part: part.id, site: position.siteID, in: scope)
        }
    }
}

public import AxleDomain
import AxleStore

/// The buyer submits a draft: within the site's buyer limit it is approved at once; an
/// emergency order, or one worth more, waits for a manager.
public struct SubmitPurchaseOrder: Command {
    public let orderID: PurchaseOrder.ID

    public init(orderID: PurchaseOrder.ID) {
        self.orderID = orderID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.purchaseParts)
    }

    public func execute(in scope: WriteScope) async throws -> PurchaseOrder {
        try await PurchaseOrderStep.take(orderID, .purchaseOrderSubmit, permission: .purchaseParts, in: scope) { order, stores in
            let policy = try await PurchasingLookup.policy(at: order.shipToSiteID, in: stores)
            try order.submit(by: PurchasingLookup.step(scope), buyerLimit: policy.buyerApprovalLimit)
        }
    }
}

/// A manager of the ship-to site approves a submitted order; never its requester.
public struct ApprovePurchaseOrder: Command {
    public let orderID: PurchaseOrder.ID

    public init(orderID: PurchaseOrder.ID) {
        self.orderID = orderID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.approvePurchaseOrders)
    }

    public func execute(in scope: WriteScope) async throws -> PurchaseOrder {
        try await PurchaseOrderStep.take(orderID, .purchaseOrderApprove, permission: .approvePurchaseOrders,
                                         in: scope) { order, _ in
            try order.approve(by: PurchasingLookup.step(scope))
        }
    }
}

/// The approved order goes to the supplier; its open lines count as inbound from now on.
public struct SendPurchaseOrder: Command {
    public let orderID: PurchaseOrder.ID

    public init(orderID: PurchaseOrder.ID) {
        self.orderID = orderID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.purchaseParts)
    }

    public func execute(in scope: WriteScope) async throws -> PurchaseOrder {
        try await PurchaseOrderStep.take(orderID, .purchaseOrderSend, permission: .purchaseParts, in: scope) { order, _ in
            try order.send(by: PurchasingLookup.step(scope))
        }
    }
}

/// Cancels an order before it is received in full, and with it every open quantity.
public struct CancelPurchaseOrder: Command {
    public let orderID: PurchaseOrder.ID

    public init(orderID: PurchaseOrder.ID) {
        self.orderID = orderID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.purchaseParts)
    }

    public func execute(in scope: WriteScope) async throws -> PurchaseOrder {
        try await PurchaseOrderStep.take(orderID, .purchaseOrderCancel, permission: .purchaseParts, in: scope) { order, _ in
            try order.cancel(by: PurchasingLookup.step(scope))
        }
    }
}

/// One step of an order's life: lock it, check the caller's scope at its ship-to site (known only
/// now), take the step, write and audit it.
enum PurchaseOrderStep {
    static func take(_ id: PurchaseOrder.ID, _ action: AuditAction, permission: Permission, in scope: WriteScope,
                     _ step: (inout PurchaseOrder, any StoreTransaction) async throws -> Void) async throws
        -> PurchaseOrder
    {
        let before = try await PurchasingLookup.locked(id, in: scope.stores)
        try scope.caller.principal.authorize(permission, at: before.shipToSiteID)
        var after = before
        try await step(&after, scope.stores)
        try await scope.stores.purchasing.update(after)
        try await scope.audit(action, entityID: after.id.description, before: before, after: after)
        return after
    }
}

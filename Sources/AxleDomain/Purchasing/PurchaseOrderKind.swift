/// Why a purchase order is placed: to restock, in a hurry, or for one customer's demand.
public enum PurchaseOrderKind: String, ClosedSet {
    /// Replenishes stock.
    case stock
    /// Bought in a hurry, at a premium: always approved by a manager, with a reason.
    case emergency
    /// Bought for a repair-order line or a customer order; on receipt it goes to that demand.
    case specialOrder
}

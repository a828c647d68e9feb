/// The kind of business document a movement belongs to. The raw value is stored with each
/// movement and shown by the ledger API, so it never changes.
public enum DocumentKind: String, ClosedSet {
    case receipt, openingStock, reservation, adjustment, count, transfer, stockMove, purchaseOrder
}

/// What an audit record is about. The raw value is what the trail stores and what
/// `GET /api/v1/audit?entityType=` filters on, so a kind's raw value never changes.
public enum EntityKind: String, ClosedSet {
    // Catalogue
    case part, site, bin, supplier, supersession, substitute, fitment, vehicle
    // Security
    case principal, token
    // Inventory
    case reservation, receipt, openingStock, stockMove, adjustment, count, countPolicy
    // Transfers
    case transfer, exception
    // Purchasing
    case supplierPart, purchaseOrder, purchasingPolicy
    // Service
    case customer, technician, bay, laborOperation, serviceSettings, appointment, repairOrder
}

/// What one delivery brought on one line of a purchase order, and when, on the ship-to site's
/// calendar: the record supplier performance is measured from.
public struct PurchaseOrderReceipt: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<PurchaseOrderReceipt>

    public let id: ID
    public let orderID: PurchaseOrder.ID
    public let lineNumber: Int
    public let quantity: Quantity
    /// `unrestricted` or `qualityHold`.
    public let status: StockStatus
    public let receivedOn: CalendarDate
    public let received: PurchaseOrder.Step

    public init(id: ID, orderID: PurchaseOrder.ID, lineNumber: Int, quantity: Quantity, status: StockStatus,
                receivedOn: CalendarDate, received: PurchaseOrder.Step) {
        self.id = id
        self.orderID = orderID
        self.lineNumber = lineNumber
        self.quantity = quantity
        self.status = status
        self.receivedOn = receivedOn
        self.received = received
    }
}

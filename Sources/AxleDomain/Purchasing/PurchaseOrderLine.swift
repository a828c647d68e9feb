/// One part on a purchase order: what was ordered, received and cancelled of it, at what price
/// and by when. What is neither received nor cancelled is open: inbound stock while the
/// supplier has the order.
public struct PurchaseOrderLine: Hashable, Sendable, Encodable {
    /// 1, 2, … in the order's line order.
    public let number: Int
    public let partID: Part.ID
    public let ordered: Quantity
    public private(set) var received: Quantity
    public private(set) var cancelled: Quantity
    public let unitPrice: Money
    /// The day the supplier promised it at the ship-to site, in that site's calendar.
    public let promisedOn: CalendarDate
    /// The repair-order line or customer order a special-order line is bought for.
    public let demand: Demand?

    public init(number: Int, partID: Part.ID, ordered: Quantity, received: Quantity = .zero,
                cancelled: Quantity = .zero, unitPrice: Money, promisedOn: CalendarDate, demand: Demand?) {
        self.number = number
        self.partID = partID
        self.ordered = ordered
        self.received = received
        self.cancelled = cancelled
        self.unitPrice = unitPrice
        self.promisedOn = promisedOn
        self.demand = demand
    }

    /// Ordered and neither received nor cancelled; never below zero (a line received over its
    /// quantity has nothing open).
    public var open: Quantity { Quantity(milli: max(0, ordered.milli - received.milli - cancelled.milli)) }

    /// `ordered × unitPrice`.
    public func value() throws(ArithmeticOverflow) -> Money { try unitPrice.times(ordered) }

    /// Records a receipt. More than is open is accepted up to `tolerance` of the ordered
    /// quantity; beyond that nothing is recorded and the excess is named.
    mutating func receive(_ quantity: Quantity, tolerance: Percentage) throws(PurchasingError) {
        guard quantity > .zero else { throw .nothingToReceive(line: number) }
        let allowedOver = Int128(ordered.milli) * Int128(tolerance.basisPoints) / 10_000
        let after = Int128(received.milli) + Int128(quantity.milli)
        let limit = Int128(ordered.milli) - Int128(cancelled.milli) + allowedOver
        guard after <= limit else {
            throw .overReceipt(line: number, open: open, received: quantity,
                               tolerance: Quantity(milli: Int64(allowedOver)))
        }
        received = Quantity(milli: Int64(after))
    }

    /// Cancels whatever is still open.
    mutating func cancelOpen() {
        cancelled = Quantity(milli: cancelled.milli + open.milli)
    }
}

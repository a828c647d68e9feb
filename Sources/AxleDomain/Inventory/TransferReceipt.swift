/// What arrived of a shipped transfer, and how it differs from what was shipped.
public struct TransferReceipt: Hashable, Sendable, Encodable {
    /// Usable units received into unrestricted stock.
    public let good: Quantity
    /// Units that arrived damaged.
    public let damaged: Quantity
    /// Shipped but never arrived.
    public let short: Quantity
    /// Arrived beyond what was shipped.
    public let over: Quantity
    /// What was shipped; the four above say how the receipt differs from it.
    public let shipped: Quantity

    private enum CodingKeys: String, CodingKey { case good, damaged, short, over }

    /// The receipt of `good` and `damaged` units of a shipment of `shipped`; neither is negative.
    public init(shipped: Quantity, good: Quantity, damaged: Quantity) throws(ArithmeticOverflow) {
        precondition(good >= .zero && damaged >= .zero, "received quantities are validated before")
        self.shipped = shipped
        self.good = good
        self.damaged = damaged
        let received = try good + damaged
        self.short = max(try shipped - received, .zero)
        self.over = max(try received - shipped, .zero)
    }

    /// One leg of the receipt as the ledger sees it.
    public struct Leg: Hashable, Sendable {
        /// Taken from the stock in transit; otherwise the units arrived beyond the shipment.
        public let fromTransit: Bool
        /// The status the units take at the destination; nil when they never arrived.
        public let status: StockStatus?
        public let quantity: Quantity
        public let reason: MovementReason
    }

    /// The legs with a quantity, in posting order. Damaged units are matched against the
    /// shipment first, so that units beyond it are usable ones wherever possible: an over
    /// delivery adds good stock, and only damage beyond the whole shipment adds damaged stock.
    public var legs: [Leg] {
        get throws(ArithmeticOverflow) {
        let damagedFromTransit = min(damaged, shipped)
        let goodFromTransit = min(good, try shipped - damagedFromTransit)
        let candidates = [
            Leg(fromTransit: true, status: .unrestricted, quantity: goodFromTransit, reason: .transferReceive),
            Leg(fromTransit: true, status: .damaged, quantity: damagedFromTransit, reason: .transferDamaged),
            Leg(fromTransit: true, status: nil, quantity: short, reason: .transferShort),
            Leg(fromTransit: false, status: .unrestricted, quantity: try good - goodFromTransit, reason: .transferOver),
            Leg(fromTransit: false, status: .damaged, quantity: try damaged - damagedFromTransit, reason: .transferOver),
        ]
        return candidates.filter { $0.quantity.isPositive }
        }
    }

    /// Each difference from the shipment, for which an exception item is opened.
    public var discrepancies: [TransferException.Discrepancy] {
        [(TransferException.Kind.short, short), (.over, over), (.damaged, damaged)]
            .filter { $0.1.isPositive }
            .map { TransferException.Discrepancy(kind: $0.0, quantity: $0.1) }
    }
}

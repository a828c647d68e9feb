/// What a supplier offers of one part: its own number for it, the price by quantity, how it
/// packs and the least it sells, and how long it says delivery takes.
public struct SupplierPart: Hashable, Sendable, Encodable {
    /// From `minimum` units up, each costs `unitPrice`.
    public struct PriceBreak: Hashable, Sendable, Encodable {
        public let minimum: Quantity
        public let unitPrice: Money

        public init(minimum: Quantity, unitPrice: Money) {
            self.minimum = minimum
            self.unitPrice = unitPrice
        }
    }

    public let supplierID: Supplier.ID
    public let partID: Part.ID
    public let supplierPartNumber: String
    /// The price of any quantity; `priceBreaks` lower it from their minimum up.
    public let unitPrice: Money
    public let priceBreaks: [PriceBreak]
    /// Orders are whole packs: a multiple of this (1 when sold singly).
    public let packMultiple: Quantity
    public let minimumOrder: Quantity
    public let quotedLeadTimeDays: Int

    public init(supplierID: Supplier.ID, partID: Part.ID, supplierPartNumber: String, unitPrice: Money,
                priceBreaks: [PriceBreak] = [], packMultiple: Quantity = Quantity(units: 1),
                minimumOrder: Quantity = Quantity(units: 1), quotedLeadTimeDays: Int) {
        self.supplierID = supplierID
        self.partID = partID
        self.supplierPartNumber = supplierPartNumber
        self.unitPrice = unitPrice
        self.priceBreaks = priceBreaks.sorted { $0.minimum < $1.minimum }
        self.packMultiple = packMultiple
        self.minimumOrder = minimumOrder
        self.quotedLeadTimeDays = quotedLeadTimeDays
    }

    /// The unit price of an order of `quantity`: that of the highest break it reaches.
    public func unitPrice(for quantity: Quantity) -> Money {
        priceBreaks.last { $0.minimum <= quantity }?.unitPrice ?? unitPrice
    }

    /// What can be ordered when `wanted` is needed: at least the minimum order, rounded up to
    /// whole packs. Checked: a result beyond the largest quantity is an error.
    public func orderQuantity(for wanted: Quantity) throws(ArithmeticOverflow) -> Quantity {
        let atLeast = max(wanted, minimumOrder)
        guard packMultiple > .zero else { return atLeast }
        let packs = (Int128(atLeast.milli) + Int128(packMultiple.milli) - 1) / Int128(packMultiple.milli)
        guard let milli = Int64(exactly: packs * Int128(packMultiple.milli)), milli <= Quantity.maximum.milli else {
            throw ArithmeticOverflow("\(packs) packs of \(packMultiple)")
        }
        return Quantity(milli: milli)
    }
}

/// Moving weighted-average cost of a part across the company, updated by each receipt.
public struct AverageCost: Hashable, Sendable {
    public let unitCost: Money
    /// The valued quantity the average stands for (company-wide stock on hand).
    public let quantity: Quantity

    public init(unitCost: Money, quantity: Quantity) {
        self.unitCost = unitCost
        self.quantity = quantity
    }

    /// The average after receiving `received` units at `cost` each, rounded half up to the
    /// minor unit. When no stock was valued before, the receipt's cost is the average.
    /// Computed in 128 bits: the average of amounts within limits is within limits.
    public func receiving(_ received: Quantity, at cost: Money) throws(ArithmeticOverflow) -> AverageCost {
        let total = try quantity + received
        guard quantity.isPositive, total.isPositive else { return AverageCost(unitCost: cost, quantity: total) }
        var value = MoneyTotal(cost.currency)
        value.add(quantity, at: unitCost)
        value.add(received, at: cost)
        let numerator = value.minorUnits * Int128(Quantity.scale)
        let average = (numerator * 2 + Int128(total.milli)) / (Int128(total.milli) * 2)
        guard let minor = Int64(exactly: average) else { throw ArithmeticOverflow("average cost") }
        return AverageCost(unitCost: Money(minorUnits: minor, currency: cost.currency), quantity: total)
    }

    /// The same average over a changed quantity (stock issued, found or lost).
    public func adjusting(by delta: Quantity) throws(ArithmeticOverflow) -> AverageCost {
        AverageCost(unitCost: unitCost, quantity: try quantity + delta)
    }
}

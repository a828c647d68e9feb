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
    public func receiving(_ received: Quantity, at cost: Money) -> AverageCost {
        let total = quantity + received
        guard quantity.isPositive, total.isPositive else { return AverageCost(unitCost: cost, quantity: total) }
        let numerator = unitCost.times(quantity).minorUnits * Quantity.scale + cost.times(received).minorUnits * Quantity.scale
        let average = (numerator * 2 + total.milli) / (total.milli * 2)
        return AverageCost(unitCost: Money(minorUnits: average, currency: cost.currency), quantity: total)
    }

    /// The same average over a changed quantity (stock issued, found or lost).
    public func adjusting(by delta: Quantity) -> AverageCost {
        AverageCost(unitCost: unitCost, quantity: quantity + delta)
    }
}

extension Money {
    /// The largest amount accepted as input in `currency` (`ValueLimits.amountMinorUnits`).
    public static func maximum(_ currency: Currency) -> Money {
        Money(minorUnits: ValueLimits.amountMinorUnits, currency: currency)
    }

    /// `self × quantity`, rounded half away from zero to the currency's minor unit: the one
    /// rounding rule for values. Checked: a result beyond 64 bits is an error, never a trap.
    public func times(_ quantity: Quantity) throws(ArithmeticOverflow) -> Money {
        guard let minor = Int64(exactly: Money.scaledProduct(minorUnits, quantity)) else {
            throw ArithmeticOverflow("value of \(quantity) at \(amountText)")
        }
        return Money(minorUnits: minor, currency: currency)
    }

    /// `minorUnits × quantity`, rounded half away from zero; in 128 bits it cannot overflow.
    static func scaledProduct(_ minorUnits: Int64, _ quantity: Quantity) -> Int128 {
        let product = Int128(minorUnits) * Int128(quantity.milli)
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: Int128(Quantity.scale))
        let rounding: Int128 = remainder.magnitude * 2 >= UInt128(Quantity.scale) ? (remainder < 0 ? -1 : 1) : 0
        return quotient + rounding
    }

    /// Checked: a sum beyond 64 bits is an error, never a trap.
    public static func + (lhs: Money, rhs: Money) throws(ArithmeticOverflow) -> Money {
        precondition(lhs.currency == rhs.currency, "amounts of one company share its currency")
        let (sum, overflow) = lhs.minorUnits.addingReportingOverflow(rhs.minorUnits)
        guard !overflow else { throw ArithmeticOverflow("amount") }
        return Money(minorUnits: sum, currency: lhs.currency)
    }

    /// Checked: a difference beyond 64 bits is an error, never a trap.
    public static func - (lhs: Money, rhs: Money) throws(ArithmeticOverflow) -> Money {
        precondition(lhs.currency == rhs.currency, "amounts of one company share its currency")
        let (difference, overflow) = lhs.minorUnits.subtractingReportingOverflow(rhs.minorUnits)
        guard !overflow else { throw ArithmeticOverflow("amount") }
        return Money(minorUnits: difference, currency: lhs.currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }
}

/// A sum of amounts over an unbounded number of lines, sites or documents (a company's stock
/// value, revenue over a period), kept in 128 bits: amounts that each fit `Money` cannot
/// overflow it. On the wire it is a decimal string, like `Money`.
public struct MoneyTotal: Hashable, Sendable, Encodable, CustomStringConvertible {
    public private(set) var minorUnits: Int128
    public let currency: Currency

    public init(_ currency: Currency) {
        self.minorUnits = 0
        self.currency = currency
    }

    public init(_ amounts: some Sequence<Money>, currency: Currency) {
        self.init(currency)
        for amount in amounts { add(amount) }
    }

    public mutating func add(_ amount: Money) {
        precondition(amount.currency == currency, "amounts of one company share its currency")
        minorUnits += Int128(amount.minorUnits)
    }

    public mutating func add(_ total: MoneyTotal) {
        precondition(total.currency == currency, "amounts of one company share its currency")
        minorUnits += total.minorUnits
    }

    /// Adds `unitCost × quantity` with `Money.times`'s rounding, without its 64-bit bound.
    public mutating func add(_ quantity: Quantity, at unitCost: Money) {
        precondition(unitCost.currency == currency, "amounts of one company share its currency")
        minorUnits += Money.scaledProduct(unitCost.minorUnits, quantity)
    }

    public var amountText: String { FixedPoint.text(minorUnits, decimals: currency.minorUnitDigits) }

    public var description: String { "\(amountText) \(currency.code)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amountText)
    }
}

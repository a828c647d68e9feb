extension Money {
    /// `self × quantity`, rounded half away from zero to the currency's minor unit.
    public func times(_ quantity: Quantity) -> Money {
        let product = minorUnits.multipliedFullWidth(by: quantity.milli)
        let (scaled, remainder) = Quantity.scale.dividingFullWidth(product)
        let rounding: Int64 = remainder.magnitude * 2 >= Quantity.scale.magnitude ? (remainder < 0 ? -1 : 1) : 0
        return Money(minorUnits: scaled + rounding, currency: currency)
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "amounts of one company share its currency")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }
}

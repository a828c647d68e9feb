/// The largest values Axle accepts, declared once. They are chosen so that nothing computed
/// from accepted input can overflow 64 bits (docs/design/limits.md):
/// - a line's value, `quantity × unit amount`, is at most 10^9 units × 10^9 minor units = 10^18;
/// - a part's stock at a site, and its value at any unit cost, stay within the same bounds;
/// - sums over an unbounded number of lines or sites are kept in 128 bits (`MoneyTotal`).
public enum ValueLimits {
    /// Any one quantity entered (a receipt, a reservation, a count, labor hours), and a part's
    /// on-hand stock, commitments or backorders at one site: a billion units.
    public static let quantityUnits: Int64 = 1_000_000_000
    /// Any one amount entered (a unit cost or price, a charge, a rate, a threshold), in minor
    /// units of the company's currency: 10,000,000.00 in a two-decimal currency.
    public static let amountMinorUnits: Int64 = 1_000_000_000
}

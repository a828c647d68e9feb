/// The business that owns this Axle installation: one database holds one company.
public struct Company: Hashable, Sendable, Codable {
    public var name: String
    /// Every price and value is in this currency.
    public var currency: Currency

    public init(name: String, currency: Currency) {
        self.name = name
        self.currency = currency
    }
}

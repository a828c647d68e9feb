/// How a site buys: up to what value a buyer's order needs no manager.
public struct PurchasingPolicy: Hashable, Sendable, Encodable {
    /// Orders worth more than this, and every emergency order, wait for a manager's approval.
    public let buyerApprovalLimit: Money

    public init(buyerApprovalLimit: Money) {
        self.buyerApprovalLimit = buyerApprovalLimit
    }

    /// A site that has set nothing: 2,500 in the company's currency.
    public static func standard(_ currency: Currency) -> PurchasingPolicy {
        PurchasingPolicy(buyerApprovalLimit: Money(minorUnits: 2_500 * pow10(currency.minorUnitDigits), currency: currency))
    }

    private static func pow10(_ digits: Int) -> Int64 { (0..<digits).reduce(1) { value, _ in value * 10 } }
}

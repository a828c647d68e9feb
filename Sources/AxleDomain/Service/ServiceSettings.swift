/// How a site runs its workshop: what an hour of labor costs the customer, the tax rate,
/// how far an estimate may grow before the customer must approve again, and its holidays.
public struct ServiceSettings: Hashable, Sendable, Encodable {
    public let siteID: Site.ID
    /// Charged per standard hour of labor.
    public var laborRate: Money
    /// Sales tax on parts and labor.
    public var taxRate: Percentage
    public var approvalThreshold: ApprovalThreshold
    public var holidays: Set<CalendarDate>

    public init(siteID: Site.ID, laborRate: Money, taxRate: Percentage, approvalThreshold: ApprovalThreshold,
                holidays: Set<CalendarDate> = []) {
        self.siteID = siteID
        self.laborRate = laborRate
        self.taxRate = taxRate
        self.approvalThreshold = approvalThreshold
        self.holidays = holidays
    }
}

/// How much an approved estimate may rise without asking the customer again: by a
/// percentage of the approved total, or by an amount.
public enum ApprovalThreshold: Hashable, Sendable {
    case percent(Percentage)
    case amount(Money)

    /// Whether going from `approved` to `proposed` (totals with tax) needs the customer's approval.
    public func needsApproval(approved: Money, proposed: Money) throws(ArithmeticOverflow) -> Bool {
        let increase = try proposed - approved
        guard increase.minorUnits > 0 else { return false }
        switch self {
        case .percent(let rate): return increase.minorUnits > (try rate.of(approved)).minorUnits
        case .amount(let amount): return increase.minorUnits > amount.minorUnits
        }
    }
}

extension ApprovalThreshold: Encodable {
    private enum CodingKeys: String, CodingKey { case kind, value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .percent(let rate):
            try container.encode("percent", forKey: .kind)
            try container.encode(rate.description, forKey: .value)
        case .amount(let amount):
            try container.encode("amount", forKey: .kind)
            try container.encode(amount.amountText, forKey: .value)
        }
    }
}

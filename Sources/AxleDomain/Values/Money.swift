/// An ISO 4217 currency and the number of its minor-unit digits.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public let minorUnitDigits: Int

    /// The currencies Axle prices in; extend the table, never guess the digits.
    public static let known: [String: Int] = [
        "USD": 2, "EUR": 2, "GBP": 2, "CAD": 2, "AUD": 2, "CHF": 2, "SEK": 2, "NOK": 2,
        "DKK": 2, "PLN": 2, "CZK": 2, "MXN": 2, "BRL": 2, "ZAR": 2, "CNY": 2, "INR": 2,
        "JPY": 0, "KRW": 0,
    ]

    public init?(code: String) {
        guard let digits = Currency.known[code.uppercased()] else { return nil }
        self.code = code.uppercased()
        self.minorUnitDigits = digits
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        self = try CodeText.decode({ Currency(code: $0) }, from: decoder, expectation: "an ISO 4217 currency code")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// An amount of money in integer minor units (cents) of one currency. Never a `Double`.
///
/// In JSON an amount is a decimal string (`"12.34"`) in the company's currency; it is only
/// encoded here, because reading one back needs that currency (see `init(parsing:currency:)`).
public struct Money: Hashable, Sendable, Encodable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses decimal text such as `"12.34"` exactly, in the given currency.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        guard let minor = FixedPoint.integer(fromText: text, decimals: currency.minorUnitDigits) else {
            throw .notAnAmount(text, currency: currency)
        }
        self.init(minorUnits: minor, currency: currency)
    }

    /// The amount as decimal text with all minor digits: `"12.30"`.
    public var amountText: String { FixedPoint.text(minorUnits, decimals: currency.minorUnitDigits) }

    public var description: String { "\(amountText) \(currency.code)" }

    public var isNegative: Bool { minorUnits < 0 }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amountText)
    }
}

public enum MoneyError: Error, Equatable, Sendable {
    case notAnAmount(String, currency: Currency)

    public var message: String {
        switch self {
        case .notAnAmount(let text, let currency):
            "'\(text)' is not an amount in \(currency.code): use a decimal string with at most "
                + "\(currency.minorUnitDigits) decimals, such as \"12.34\""
        }
    }
}

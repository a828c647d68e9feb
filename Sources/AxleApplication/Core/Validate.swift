public import AxleDomain
import AxleStore

/// Field checks shared by every use case, each throwing a `ValidationError` naming the field.
public enum Validate {
    /// Trimmed text of 1…`maximumLength` characters.
    public static func text(_ value: String, field: String, maximumLength: Int = 200) throws -> String {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, reason: "must not be empty") }
        guard trimmed.count <= maximumLength else {
            throw ValidationError(field: field, reason: "must be at most \(maximumLength) characters")
        }
        return trimmed
    }

    public static func optionalText(_ value: String?, field: String, maximumLength: Int = 200) throws -> String? {
        guard let value, !value.trimmingSpaces().isEmpty else { return nil }
        return try text(value, field: field, maximumLength: maximumLength)
    }

    /// A non-negative amount in the company's currency, at most `Money.maximum`.
    public static func money(_ text: String, field: String, currency: Currency) throws -> Money {
        let money: Money
        do {
            money = try Money(parsing: text, currency: currency)
        } catch {
            throw ValidationError(field: field, reason: error.message)
        }
        guard !money.isNegative else { throw ValidationError(field: field, reason: "must not be negative") }
        let maximum = Money.maximum(currency)
        guard money.minorUnits <= maximum.minorUnits else { throw LimitError(field: field, limit: maximum.amountText) }
        return money
    }

    public static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws -> Int {
        guard range.contains(value) else {
            throw ValidationError(field: field, reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }
}

extension String {
    func trimmingSpaces() -> String {
        var characters = Substring(self)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}

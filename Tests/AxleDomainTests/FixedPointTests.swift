import AxleDomain
import Foundation
import Testing

@Suite("Quantities and money are exact")
struct FixedPointTests {
    @Test(arguments: [
        ("1", 1_000), ("0.5", 500), ("2.125", 2_125), ("0.001", 1), ("-3.25", -3_250), ("123456789.123", 123_456_789_123),
    ] as [(String, Int64)])
    func quantitiesFromDecimalsAreExact(_ text: String, _ milli: Int64) throws {
        let quantity = try Quantity(exactly: Decimal(string: text)!)
        #expect(quantity.milli == milli)
        #expect(quantity.decimalValue == Decimal(string: text)!)
    }

    @Test(arguments: ["0.0001", "1.2345", "0.30000000000000004"])
    func quantitiesWithMoreThanThreeDecimalsAreRefused(_ text: String) {
        #expect(throws: QuantityError.tooManyDecimals) { try Quantity(exactly: Decimal(string: text)!) }
    }

    @Test func quantityJSONIsParsedWithoutFloatingPoint() throws {
        struct Line: Codable { let quantity: Quantity }
        let line = try JSONDecoder().decode(Line.self, from: Data(#"{"quantity": 0.1}"#.utf8))
        #expect(line.quantity == Quantity(milli: 100))
        #expect(String(decoding: try JSONEncoder().encode(line), as: UTF8.self) == #"{"quantity":0.1}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Line.self, from: Data(#"{"quantity": 1.0001}"#.utf8))
        }
    }

    @Test(arguments: [
        (0, "0"), (1_000, "1"), (-2_000, "-2"), (1_500, "1.5"), (-1_250, "-1.25"), (1, "0.001"), (120, "0.12"),
        (1_000_000_000_000, "1000000000"), (123_456_789_123, "123456789.123"),
    ] as [(Int64, String)])
    func quantitiesAreJSONNumbersWithoutTrailingZeros(_ milli: Int64, _ json: String) throws {
        let quantity = Quantity(milli: milli)
        #expect(String(decoding: try JSONEncoder().encode([quantity]), as: UTF8.self) == "[\(json)]")
        #expect(quantity.decimalValue == Decimal(milli) / 1000)
        #expect(try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8)) == [quantity])
    }

    @Test(arguments: [("1.0", 1_000), ("1e3", 1_000_000), ("0.1e1", 1_000), ("-0", 0), ("2.500", 2_500)]
        as [(String, Int64)])
    func quantityJSONInAnyExactNotationIsAccepted(_ json: String, _ milli: Int64) throws {
        #expect(try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8)) == [Quantity(milli: milli)])
    }

    @Test(arguments: ["1000000000001", "9223372036854775807", "9223372036854775808", "\"1\"", "1.0001"])
    func quantityJSONOutOfRangeOrNotANumberIsRefused(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8)) }
    }

    @Test(arguments: [
        ("12.34", "USD", 1_234), ("12", "USD", 1_200), ("0.5", "EUR", 50), ("-7.05", "EUR", -705), ("1500", "JPY", 1_500),
    ] as [(String, String, Int64)])
    func moneyParsesDecimalStringsExactly(_ text: String, _ code: String, _ minor: Int64) throws {
        let currency = Currency(code: code)!
        let money = try Money(parsing: text, currency: currency)
        #expect(money.minorUnits == minor)
        #expect(try Money(parsing: money.amountText, currency: currency) == money)
    }

    @Test(arguments: ["12.345", "1e3", "+5", "12,50", "", ".5", "5.", "abc", "1.5", "99999999999999999"])
    func malformedAmountsAreRefused(_ text: String) {
        let currency = Currency(code: text == "1.5" ? "JPY" : "USD")!
        #expect(throws: MoneyError.self) { try Money(parsing: text, currency: currency) }
    }

    @Test func moneyIsADecimalStringInJSON() throws {
        let money = Money(minorUnits: 1_230, currency: Currency(code: "EUR")!)
        #expect(String(decoding: try JSONEncoder().encode([money]), as: UTF8.self) == #"["12.30"]"#)
    }
}

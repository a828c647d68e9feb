import AxleDomain
import Foundation
import Testing

/// Arithmetic on quantities and money is checked: a result that does not fit is an error
/// value, never a trap; sums over many amounts are 128-bit totals.
@Suite("Value limits and checked arithmetic")
struct ValueLimitTests {
    static let usd = Currency(code: "USD")!

    @Test func quantityArithmeticBeyond64BitsIsAnError() throws {
        let largest = Quantity(milli: .max), smallest = Quantity(milli: .min)
        #expect(throws: ArithmeticOverflow.self) { try largest + Quantity(milli: 1) }
        #expect(throws: ArithmeticOverflow.self) { try smallest - Quantity(milli: 1) }
        #expect(throws: ArithmeticOverflow.self) { try Quantity.zero - smallest }
        #expect(try largest - Quantity(milli: 1) == Quantity(milli: .max - 1))
    }

    @Test func moneyArithmeticBeyond64BitsIsAnError() throws {
        let largest = Money(minorUnits: .max, currency: Self.usd)
        #expect(throws: ArithmeticOverflow.self) { try largest + Money(minorUnits: 1, currency: Self.usd) }
        #expect(throws: ArithmeticOverflow.self) { try Money(minorUnits: .min, currency: Self.usd) - Money(minorUnits: 1, currency: Self.usd) }
        // The issue's reproduction: 100 units at 999,999,999,999,999.99 trapped in `times`.
        let huge = Money(minorUnits: 99_999_999_999_999_999, currency: Self.usd)
        #expect(throws: ArithmeticOverflow.self) { try huge.times(Quantity(units: 100)) }
        #expect(throws: ArithmeticOverflow.self) { try Percentage(basisPoints: 100_000).of(largest) }
    }

    @Test func theLargestLineValueFits() throws {
        let line = try Money.maximum(Self.usd).times(Quantity.maximum)
        #expect(line.amountText == "10000000000000000.00")
        #expect(line.minorUnits == 1_000_000_000_000_000_000)
    }

    @Test func timesRoundsHalfAwayFromZero() throws {
        let price = Money(minorUnits: 1, currency: Self.usd)
        #expect(try price.times(Quantity(milli: 500)).minorUnits == 1)
        #expect(try price.times(Quantity(milli: 499)).minorUnits == 0)
        #expect(try price.times(Quantity(milli: -500)).minorUnits == -1)
    }

    @Test func totalsOfManyLargestLinesDoNotOverflow() throws {
        let line = try Money.maximum(Self.usd).times(Quantity.maximum)
        let total = MoneyTotal(Array(repeating: line, count: 1_000), currency: Self.usd)
        #expect(total.amountText == "10000000000000000000.00")
        var valued = MoneyTotal(Self.usd)
        valued.add(Quantity(milli: .max), at: Money(minorUnits: .max, currency: Self.usd))
        #expect(valued.minorUnits > Int128(Int64.max))
    }

    @Test func theAverageCostOfLargestReceiptsStaysWithinLimits() throws {
        let largest = Money.maximum(Self.usd)
        var average = AverageCost(unitCost: largest, quantity: .zero)
        for _ in 0..<20 { average = try average.receiving(Quantity.maximum, at: largest) }
        #expect(average.unitCost == largest)
        #expect(average.quantity == Quantity(milli: Quantity.maximum.milli * 20))
        let mixed = try AverageCost(unitCost: largest, quantity: Quantity.maximum)
            .receiving(Quantity.maximum, at: Money(minorUnits: 0, currency: Self.usd))
        #expect(mixed.unitCost.minorUnits == ValueLimits.amountMinorUnits / 2)
    }

    @Test func aQuantityBeyondTheLimitIsALimitErrorNamingIt() throws {
        struct Line: Decodable { let quantity: Quantity }
        for text in ["1000000001", "1000000000.001", "-1000000001", "1e12"] {
            do {
                _ = try JSONDecoder().decode(Line.self, from: Data(#"{"quantity": \#(text)}"#.utf8))
                Issue.record("\(text) was accepted")
            } catch let DecodingError.dataCorrupted(context) {
                #expect((context.underlyingError as? LimitError)?.limit == "1000000000", "\(text)")
            }
        }
        let line = try JSONDecoder().decode(Line.self, from: Data(#"{"quantity": 1000000000}"#.utf8))
        #expect(line.quantity == Quantity.maximum)
    }
}

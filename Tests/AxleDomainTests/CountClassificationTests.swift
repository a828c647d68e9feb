import AxleDomain
import Foundation
import Testing

/// ABC analysis and the count policy's arithmetic, table by table.
@Suite("Cycle counts: ABC classes, due dates and tolerance")
struct CountClassificationTests {
    static let usd = Currency(code: "USD")!

    /// Part `n` (1-based); identifiers sort in the order of `n`, so ties are predictable.
    static func part(_ n: Int) -> Part.ID {
        Part.ID(UUID(uuidString: String(format: "00000000-0000-7000-8000-%012d", n))!)
    }

    struct ABCCase: Sendable, CustomStringConvertible {
        let name: String
        /// Consumption values in minor units of parts 1, 2, 3…
        let values: [Int64]
        /// Their classes, in the same order.
        let classes: String
        var description: String { name }
    }

    static let abcCases: [ABCCase] = [
        ABCCase(name: "the textbook split", values: [50, 30, 15, 5], classes: "AABC"),
        ABCCase(name: "a part that crosses 80 % is A", values: [60, 30, 10], classes: "AAB"),
        ABCCase(name: "a part that crosses 95 % is B; the ranking is by value", values: [80, 4, 16], classes: "ACB"),
        ABCCase(name: "a heavy part crossing both limits stays A", values: [70, 26, 4], classes: "AAC"),
        ABCCase(name: "exactly 80 % before a part makes it B", values: [40, 40, 15, 5], classes: "AABC"),
        ABCCase(name: "one part is A", values: [100], classes: "A"),
        ABCCase(name: "a dominant part leaves the next one B", values: [90, 10], classes: "AB"),
        ABCCase(name: "ten equal parts: eight A, two B", values: Array(repeating: 10, count: 10), classes: "AAAAAAAABB"),
        ABCCase(name: "ties rank by part identifier", values: [20, 20, 20, 20, 20], classes: "AAAAB"),
        ABCCase(name: "zero and negative consumption count as none", values: [10, 0, -5], classes: "ACC"),
        ABCCase(name: "values near the limit of Int64 are compared exactly",
                values: [3_000_000_000_000_000_000, 1_000_000_000_000_000_000, 1_000_000_000_000_000_000], classes: "AAB"),
    ]

    @Test(arguments: abcCases)
    func classesFollowTheCumulativeShareOfConsumptionValue(_ testCase: ABCCase) {
        var consumption: [Part.ID: Money] = [:]
        for (index, value) in testCase.values.enumerated() {
            consumption[Self.part(index + 1)] = Money(minorUnits: value, currency: Self.usd)
        }
        let classes = ABCClassification.classify(consumption: consumption,
                                                 stocked: testCase.values.indices.map { Self.part($0 + 1) })
        let found = testCase.values.indices.map { classes[Self.part($0 + 1)]?.rawValue ?? "-" }.joined()
        #expect(found == testCase.classes)
    }

    @Test func partsWithStockButNoConsumptionAreC() {
        let classes = ABCClassification.classify(
            consumption: [Self.part(1): Money(minorUnits: 500, currency: Self.usd)], stocked: [Self.part(1), Self.part(2)])
        #expect(classes == [Self.part(1): .a, Self.part(2): .c])
        #expect(ABCClassification.classify(consumption: [:], stocked: [Self.part(3)]) == [Self.part(3): .c])
        #expect(ABCClassification.classify(consumption: [:], stocked: [Part.ID]()).isEmpty)
    }

    struct DueCase: Sendable, CustomStringConvertible {
        let interval: Int
        let lastCounted: String?
        let asOf: String
        let due: Bool
        var description: String { "every \(interval) days, last \(lastCounted ?? "never"), as of \(asOf)" }
    }

    static let dueCases: [DueCase] = [
        DueCase(interval: 30, lastCounted: nil, asOf: "2026-03-02", due: true),
        DueCase(interval: 30, lastCounted: "2026-01-31", asOf: "2026-03-02", due: true),
        DueCase(interval: 30, lastCounted: "2026-02-01", asOf: "2026-03-02", due: false),
        DueCase(interval: 30, lastCounted: "2026-03-02", asOf: "2026-03-02", due: false),
        DueCase(interval: 91, lastCounted: "2026-01-31", asOf: "2026-03-02", due: false),
        DueCase(interval: 91, lastCounted: "2025-12-01", asOf: "2026-03-02", due: true),
        DueCase(interval: 365, lastCounted: "2025-03-02", asOf: "2026-03-02", due: true),
        DueCase(interval: 365, lastCounted: "2025-03-03", asOf: "2026-03-02", due: false),
        DueCase(interval: 1, lastCounted: "2026-03-01", asOf: "2026-03-02", due: true),
    ]

    @Test(arguments: dueCases)
    func aPositionIsDueWhenItsLastCountIsAtLeastTheIntervalOld(_ testCase: DueCase) {
        let rule = CountPolicy.Rule(abcClass: .a, intervalDays: testCase.interval, toleranceBasisPoints: 0)
        #expect(rule.isDue(lastCounted: testCase.lastCounted.flatMap(CalendarDate.init),
                           asOf: CalendarDate(testCase.asOf)!) == testCase.due)
    }

    struct ToleranceCase: Sendable, CustomStringConvertible {
        let counted: Int64
        let book: Int64
        let basisPoints: Int
        let within: Bool
        var description: String { "counted \(counted)‰ of book \(book)‰ at \(basisPoints) bp" }
    }

    /// Quantities in thousandths.
    static let toleranceCases: [ToleranceCase] = [
        ToleranceCase(counted: 100_000, book: 100_000, basisPoints: 0, within: true),
        ToleranceCase(counted: 98_000, book: 100_000, basisPoints: 200, within: true),
        ToleranceCase(counted: 97_999, book: 100_000, basisPoints: 200, within: false),
        ToleranceCase(counted: 102_000, book: 100_000, basisPoints: 200, within: true),
        ToleranceCase(counted: 102_001, book: 100_000, basisPoints: 200, within: false),
        ToleranceCase(counted: 9_000, book: 10_000, basisPoints: 1_000, within: true),
        ToleranceCase(counted: 7_000, book: 10_000, basisPoints: 1_000, within: false),
        ToleranceCase(counted: 0, book: 0, basisPoints: 1_000, within: true),
        ToleranceCase(counted: 1, book: 0, basisPoints: 10_000, within: false),
        ToleranceCase(counted: 0, book: 5_000, basisPoints: 10_000, within: true),
        ToleranceCase(counted: 0, book: -2_000, basisPoints: 500, within: false),
        ToleranceCase(counted: 1_000_000_000_000_000, book: 999_999_999_999_999, basisPoints: 1, within: true),
    ]

    @Test(arguments: toleranceCases)
    func aCountIsWithinToleranceByBasisPointsOfTheBookQuantity(_ testCase: ToleranceCase) {
        #expect(CountPolicy.isWithin(counted: Quantity(milli: testCase.counted), book: Quantity(milli: testCase.book),
                                     toleranceBasisPoints: testCase.basisPoints) == testCase.within)
    }

    @Test func aPolicyHasOneRuleForEachClassWithinItsLimits() throws {
        let site = Site.ID(UUID())
        let standard = CountPolicy(siteID: site, saved: [])
        #expect(standard.rules.map(\.intervalDays) == [30, 91, 365])
        #expect(standard.rules.map(\.toleranceBasisPoints) == [200, 500, 1_000])
        let partial = CountPolicy(siteID: site, saved: [CountPolicy.Rule(abcClass: .b, intervalDays: 60, toleranceBasisPoints: 300)])
        #expect(partial.rule(for: .b).intervalDays == 60)
        #expect(partial.rule(for: .c).intervalDays == 365)

        let rules = [CountPolicy.Rule(abcClass: .c, intervalDays: 180, toleranceBasisPoints: 800),
                     CountPolicy.Rule(abcClass: .a, intervalDays: 7, toleranceBasisPoints: 0),
                     CountPolicy.Rule(abcClass: .b, intervalDays: 30, toleranceBasisPoints: 10_000)]
        #expect(try CountPolicy(siteID: site, rules: rules).rules.map(\.abcClass) == [.a, .b, .c])
        #expect(throws: ValidationError.self) { try CountPolicy(siteID: site, rules: Array(rules.prefix(2))) }
        #expect(throws: ValidationError(field: "rules[3].abcClass", reason: "class C appears twice")) {
            try CountPolicy(siteID: site, rules: rules + [rules[0]])
        }
        #expect(throws: ValidationError.self) {
            try CountPolicy(siteID: site, rules: [CountPolicy.Rule(abcClass: .a, intervalDays: 0, toleranceBasisPoints: 0)] + rules.dropFirst(2))
        }
        #expect(throws: ValidationError.self) {
            try CountPolicy(siteID: site, rules: [CountPolicy.Rule(abcClass: .c, intervalDays: 9, toleranceBasisPoints: 10_001)] + rules.dropFirst())
        }
    }

    @Test func accuracyIsAPercentageWithTwoDecimalsRoundedHalfUp() throws {
        let period = DayPeriod(days: 30, endingOn: CalendarDate("2026-03-02")!)
        #expect(period.from == CalendarDate("2026-02-01"))
        #expect(period.days == 30)
        let utc = Site(id: Site.ID(UUID()), code: Code("DLR-UTC")!, name: "UTC", kind: .dealership,
                       location: GeoPoint(latitude: 0, longitude: 0)!, timeZone: "UTC")
        #expect(try period.instants(at: utc).minutes == 30 * 24 * 60)
        let site = Site.ID(UUID())
        let cases: [(Int, Int, String?)] = [(4, 3, "75.00"), (3, 2, "66.67"), (3, 1, "33.33"), (1, 1, "100.00"),
                                            (8, 0, "0.00"), (0, 0, nil), (200, 1, "0.50"), (2_000, 1, "0.05")]
        for (counted, within, percent) in cases {
            let accuracy = InventoryAccuracy(siteID: site, period: period, countedLines: counted, withinTolerance: within)
            #expect(accuracy.accuracyPercent == percent, "\(within)/\(counted)")
        }
    }
}

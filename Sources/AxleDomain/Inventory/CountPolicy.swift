/// How often a site counts the stock of each ABC class, and how large a variance it accepts
/// without a recount.
///
/// Tolerance is a percentage of the book quantity in basis points (200 = 2 %), not a fixed
/// quantity: one rule then fits a bin of 3 brake discs and a drum of 200 litres of oil alike.
/// A count is within tolerance when |counted − book| × 10 000 ≤ |book| × toleranceBasisPoints;
/// with a book quantity of zero only a count of zero is.
public struct CountPolicy: Hashable, Sendable, Encodable {
    /// The rule for one class.
    public struct Rule: Hashable, Sendable, Codable {
        public let abcClass: ABCClass
        /// A position of this class is due when its last posted count is at least this many days old.
        public let intervalDays: Int
        /// The variance accepted without a recount, in basis points of the book quantity.
        public let toleranceBasisPoints: Int

        public init(abcClass: ABCClass, intervalDays: Int, toleranceBasisPoints: Int) {
            self.abcClass = abcClass
            self.intervalDays = intervalDays
            self.toleranceBasisPoints = toleranceBasisPoints
        }

        /// Whether a position last counted on `lastCounted` (nil: never) is due on `asOf`.
        public func isDue(lastCounted: CalendarDate?, asOf: CalendarDate) -> Bool {
            guard let lastCounted else { return true }
            return asOf.daysSinceEpoch - lastCounted.daysSinceEpoch >= Int64(intervalDays)
        }

        /// Whether a count of `counted` against a book quantity of `book` is within this rule's tolerance.
        public func accepts(counted: Quantity, book: Quantity) -> Bool {
            CountPolicy.isWithin(counted: counted, book: book, toleranceBasisPoints: toleranceBasisPoints)
        }
    }

    public let siteID: Site.ID
    /// One rule per class, A first.
    public let rules: [Rule]

    /// The longest interval and the largest tolerance a rule may have.
    public static let intervalDays = 1...3_660
    public static let toleranceBasisPoints = 0...10_000

    /// A monthly, B quarterly, C yearly; 2 %, 5 % and 10 % tolerance.
    public static let standardRules = [
        Rule(abcClass: .a, intervalDays: 30, toleranceBasisPoints: 200),
        Rule(abcClass: .b, intervalDays: 91, toleranceBasisPoints: 500),
        Rule(abcClass: .c, intervalDays: 365, toleranceBasisPoints: 1_000),
    ]

    /// Checks a complete set of rules: each class exactly once, intervals and tolerances in range.
    public init(siteID: Site.ID, rules: [Rule]) throws(ValidationError) {
        for (index, rule) in rules.enumerated() {
            guard Self.intervalDays.contains(rule.intervalDays) else {
                throw ValidationError(field: "rules[\(index)].intervalDays", reason: "must be between "
                                      + "\(Self.intervalDays.lowerBound) and \(Self.intervalDays.upperBound)")
            }
            guard Self.toleranceBasisPoints.contains(rule.toleranceBasisPoints) else {
                throw ValidationError(field: "rules[\(index)].toleranceBasisPoints", reason: "must be between "
                                      + "\(Self.toleranceBasisPoints.lowerBound) and \(Self.toleranceBasisPoints.upperBound)")
            }
            guard !rules[..<index].contains(where: { $0.abcClass == rule.abcClass }) else {
                throw ValidationError(field: "rules[\(index)].abcClass", reason: "class \(rule.abcClass.rawValue) appears twice")
            }
        }
        guard rules.count == ABCClass.allCases.count else {
            throw ValidationError(field: "rules", reason: "must hold one rule for each of the classes A, B and C")
        }
        self.siteID = siteID
        self.rules = rules.sorted { $0.abcClass < $1.abcClass }
    }

    /// The site's policy: its saved rules, and the standard rule for any class it has not set.
    public init(siteID: Site.ID, saved: [Rule]) {
        self.siteID = siteID
        self.rules = ABCClass.allCases.map { abcClass in
            saved.first { $0.abcClass == abcClass } ?? Self.standardRules.first { $0.abcClass == abcClass }!
        }
    }

    public func rule(for abcClass: ABCClass) -> Rule {
        rules.first { $0.abcClass == abcClass }!
    }

    /// |counted − book| × 10 000 ≤ |book| × toleranceBasisPoints, compared exactly in double width.
    public static func isWithin(counted: Quantity, book: Quantity, toleranceBasisPoints: Int) -> Bool {
        let variance = Int64((counted.milli - book.milli).magnitude)
        let lhs = variance.multipliedFullWidth(by: 10_000)
        let rhs = Int64(book.milli.magnitude).multipliedFullWidth(by: Int64(toleranceBasisPoints))
        return (lhs.high, lhs.low) <= (rhs.high, rhs.low)
    }
}

/// A part's class by its share of a site's consumption value: A for the few parts that carry
/// most of it, C for the many that carry little. Counting follows the class: A most often.
public enum ABCClass: String, ClosedSet, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"

    /// 0 for A: the order in which classes are listed and counted.
    public var rank: Int {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        }
    }

    public static func < (lhs: ABCClass, rhs: ABCClass) -> Bool { lhs.rank < rhs.rank }
}

/// ABC analysis of one site.
///
/// Parts are ranked by consumption value at the site (the value of their `issue` movements
/// from the site over the last `windowDays` days), highest first, ties by part identifier.
/// The parts that make up the first 80 % of the total are A, those that make up the next 15 %
/// (up to 95 %) are B, the rest C. A part belongs to the class in which its share *begins*:
/// when the parts ranked above it hold less than 80 % it is A, less than 95 % B, otherwise C.
/// Every part whose cumulative share (its own included) is at most 80 % is therefore A, and
/// the part that crosses a boundary goes to the higher class — so no single heavy part is
/// pushed down to be counted least often (with 70 %, 26 % and 4 % the 26 % part is A, not C).
/// Parts with stock but no consumption (or none of positive value) are C.
public enum ABCClassification {
    /// Cumulative shares, in basis points of the total consumption value, that A and B parts make up.
    public static let aLimitBasisPoints: Int64 = 8_000
    public static let bLimitBasisPoints: Int64 = 9_500
    /// How many days of consumption (up to and including the day of the analysis) count.
    public static let windowDays = 365

    /// The class of every part that was consumed or is stocked.
    public static func classify(consumption: [Part.ID: Money], stocked: some Sequence<Part.ID>) -> [Part.ID: ABCClass] {
        var classes: [Part.ID: ABCClass] = [:]
        for part in stocked { classes[part] = .c }
        let consumed: [(part: Part.ID, value: Int64)] = consumption.compactMap { part, value in
            value.minorUnits > 0 ? (part, value.minorUnits) : nil
        }
        let ranked = consumed.sorted { (lhs: (part: Part.ID, value: Int64), rhs: (part: Part.ID, value: Int64)) -> Bool in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            return lhs.part.description < rhs.part.description
        }
        let total = ranked.reduce(Int64(0)) { $0 + $1.value }
        var before: Int64 = 0
        for entry in ranked {
            if share(before, of: total, isBelow: aLimitBasisPoints) {
                classes[entry.part] = .a
            } else if share(before, of: total, isBelow: bLimitBasisPoints) {
                classes[entry.part] = .b
            } else {
                classes[entry.part] = .c
            }
            before += entry.value
        }
        return classes
    }

    /// `part / total < basisPoints / 10 000`, compared exactly in double width.
    private static func share(_ part: Int64, of total: Int64, isBelow basisPoints: Int64) -> Bool {
        let lhs = part.multipliedFullWidth(by: 10_000), rhs = total.multipliedFullWidth(by: basisPoints)
        return (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

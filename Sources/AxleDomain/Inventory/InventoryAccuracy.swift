/// Inventory accuracy of a site over a period: how many counted lines matched the books.
///
/// A *counted line* is a count task of the site whose first count was entered during the
/// period (UTC days `from` through `until`, both included). It is *within tolerance* when that
/// first count was within the task's tolerance of the book quantity at that moment; recounts
/// and approvals do not change it. Accuracy = lines within tolerance ÷ counted lines, as a
/// percentage with two decimals rounded half up; absent when nothing was counted.
public struct InventoryAccuracy: Hashable, Sendable, Encodable {
    public let siteID: Site.ID
    public let from: CalendarDate
    public let until: CalendarDate
    public let countedLines: Int
    public let withinTolerance: Int
    /// `"96.15"`, or nil when no line was counted.
    public let accuracyPercent: String?

    public init(siteID: Site.ID, period: DayPeriod, countedLines: Int, withinTolerance: Int) {
        precondition(withinTolerance >= 0 && withinTolerance <= countedLines, "a subset of the counted lines")
        self.siteID = siteID
        self.from = period.from
        self.until = period.until
        self.countedLines = countedLines
        self.withinTolerance = withinTolerance
        if countedLines > 0 {
            let basisPoints = (Int64(withinTolerance) * 20_000 + Int64(countedLines)) / (Int64(countedLines) * 2)
            accuracyPercent = FixedPoint.text(basisPoints, decimals: 2)
        } else {
            accuracyPercent = nil
        }
    }
}

/// Whole business days of a site from `from` through `until`, both included.
public struct DayPeriod: Hashable, Sendable {
    public let from: CalendarDate
    public let until: CalendarDate

    public init(from: CalendarDate, until: CalendarDate) {
        precondition(from <= until, "periods are validated before they are built")
        self.from = from
        self.until = until
    }

    /// The `days` days that end with `until`.
    public init(days: Int, endingOn until: CalendarDate) {
        precondition(days >= 1, "a period has at least one day")
        self.init(from: Self.date(daysSinceEpoch: until.daysSinceEpoch - Int64(days - 1)), until: until)
    }

    public var days: Int { Int(until.daysSinceEpoch - from.daysSinceEpoch) + 1 }
    /// The period as instants at `site`: from its midnight starting `from` up to its midnight after `until`.
    public func instants(at site: Site) throws(ServiceError) -> Period {
        Period(start: try BusinessDate.start(of: from, at: site), end: try BusinessDate.start(of: until.next, at: site))
    }

    private static let microsecondsPerDay: Int64 = 86_400_000_000

    private static func date(daysSinceEpoch days: Int64) -> CalendarDate {
        CalendarDate(utcOf: Instant(microseconds: days * microsecondsPerDay))
    }
}

/// How a supplier delivered the lines due in a period, with exact definitions:
///
/// - a line is **due** in the period when its promised date falls in it and its order was sent
///   (lines cancelled before any receipt are not due: the buyer withdrew them);
/// - **on-time delivery** = due lines whose receipts up to and including the promised date add
///   up to the ordered quantity ÷ due lines;
/// - **quantity fill rate** = quantity received on due lines (each capped at its ordered
///   quantity, whenever it arrived) ÷ quantity ordered on them;
/// - **actual lead time** of a line received in full = days from the order's sending to the
///   receipt that completed it, on the ship-to site's calendar; its mean and (population)
///   standard deviation over those lines, beside the **promised lead time** (days from sending
///   to the promised date) averaged over the same lines.
///
/// Rates are in basis points (hundredths of a percent) and nil when nothing was due; day
/// figures are in tenths of a day and nil when no line was received in full.
public struct SupplierPerformance: Hashable, Sendable, Encodable {
    /// One delivery's quantity on a line, on the ship-to site's calendar.
    public struct Receipt: Hashable, Sendable {
        public let on: CalendarDate
        public let quantity: Quantity

        public init(on: CalendarDate, quantity: Quantity) {
            self.on = on
            self.quantity = quantity
        }
    }

    /// One due line as the records show it.
    public struct DueLine: Hashable, Sendable {
        public let ordered: Quantity
        public let promisedOn: CalendarDate
        public let sentOn: CalendarDate
        public let receipts: [Receipt]

        public init(ordered: Quantity, promisedOn: CalendarDate, sentOn: CalendarDate, receipts: [Receipt]) {
            self.ordered = ordered
            self.promisedOn = promisedOn
            self.sentOn = sentOn
            self.receipts = receipts.sorted { $0.on < $1.on }
        }

        /// The day the receipts first add up to the ordered quantity, if they do.
        var completedOn: CalendarDate? {
            var total: Int64 = 0
            for receipt in receipts {
                total += receipt.quantity.milli
                if total >= ordered.milli { return receipt.on }
            }
            return nil
        }

        var receivedCapped: Int64 { min(ordered.milli, receipts.reduce(0) { $0 + $1.quantity.milli }) }
    }

    public let linesDue: Int
    public let linesOnTime: Int
    public let onTimeBasisPoints: Int64?
    public let fillRateBasisPoints: Int64?
    public let linesReceivedInFull: Int
    public let actualLeadTimeTenthsOfDays: Int64?
    public let actualLeadTimeDeviationTenthsOfDays: Int64?
    public let promisedLeadTimeTenthsOfDays: Int64?

    public init(_ lines: [DueLine]) {
        linesDue = lines.count
        linesOnTime = lines.count { line in line.completedOn.map { $0 <= line.promisedOn } ?? false }
        onTimeBasisPoints = Self.ratio(Int128(linesOnTime), Int128(linesDue))
        let ordered = lines.reduce(Int128(0)) { $0 + Int128($1.ordered.milli) }
        fillRateBasisPoints = Self.ratio(lines.reduce(Int128(0)) { $0 + Int128($1.receivedCapped) }, ordered)
        let complete = lines.compactMap { line in line.completedOn.map { (line, $0) } }
        linesReceivedInFull = complete.count
        let actual = complete.map { Int128($0.1.daysSinceEpoch - $0.0.sentOn.daysSinceEpoch) }
        let promised = complete.map { Int128($0.0.promisedOn.daysSinceEpoch - $0.0.sentOn.daysSinceEpoch) }
        actualLeadTimeTenthsOfDays = Self.meanInTenths(actual)
        actualLeadTimeDeviationTenthsOfDays = Self.deviationInTenths(actual)
        promisedLeadTimeTenthsOfDays = Self.meanInTenths(promised)
    }

    /// `part ÷ whole` in basis points, rounded half up; nil for an empty whole.
    private static func ratio(_ part: Int128, _ whole: Int128) -> Int64? {
        guard whole > 0 else { return nil }
        return Int64((part * 20_000 + whole) / (whole * 2))
    }

    /// The mean of whole days, in tenths of a day, rounded half up.
    private static func meanInTenths(_ days: [Int128]) -> Int64? {
        guard !days.isEmpty else { return nil }
        let count = Int128(days.count)
        let sum: Int128 = days.reduce(0, +)
        let numerator: Int128 = sum * 20 + count, denominator: Int128 = count * 2
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return Int64(remainder < 0 ? quotient - 1 : quotient)
    }

    /// The population standard deviation of whole days, in tenths of a day, rounded to the
    /// nearest: √(100·(n·Σx² − (Σx)²)) ÷ n, with an integer square root.
    private static func deviationInTenths(_ days: [Int128]) -> Int64? {
        guard !days.isEmpty else { return nil }
        let count = Int128(days.count)
        let sum = days.reduce(0, +), squares = days.reduce(0) { $0 + $1 * $1 }
        let scaled = 100 * (count * squares - sum * sum)
        // √(scaled) ÷ n rounded = ⌊(2√scaled + n) ÷ 2n⌋, with √ taken on 4·scaled for the half step.
        return Int64((squareRoot(4 * scaled) + count) / (2 * count))
    }

    /// ⌊√value⌋ for a non-negative value, by Newton's method on integers.
    private static func squareRoot(_ value: Int128) -> Int128 {
        guard value > 1 else { return value }
        var estimate = value, next = (value + 1) / 2
        while next < estimate {
            estimate = next
            next = (estimate + value / estimate) / 2
        }
        return estimate
    }
}

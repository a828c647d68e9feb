/// Quantities are stored in thousandths of a unit; findings show them as units ("2", "0.5", "-1.25").
/// Written here rather than borrowed from the domain, so the auditor shares no code with what it checks.
enum MilliText {
    static func units(_ milli: Int64) -> String {
        let sign = milli < 0 ? "-" : ""
        let magnitude = milli.magnitude
        let whole = magnitude / 1000, fraction = magnitude % 1000
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(sign)\(whole).\(decimals)"
    }

    /// With an explicit sign, for the terms of a sum ("+5", "-2").
    static func signed(_ milli: Int64) -> String {
        milli < 0 ? units(milli) : "+" + units(milli)
    }
}

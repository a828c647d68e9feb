import AxleDomain
import Foundation

/// How one site uses one part: how often it is asked for, how much at a time, by whom.
///
/// Shaped after the carparts data (Hyndman, Koehler, Ord & Snyder 2008, R package expsmooth:
/// monthly demand for 2,674 parts of a US car maker, 1998–2002): demand is intermittent
/// (three in four part-months have none) and small (a demand is one unit half the time, two a
/// quarter of the time). The tables below are that data's per-part quantiles; each stocked
/// item draws its own rate and size from them, scaled by how busy its site is.
struct ItemDemand: Sendable {
    /// Expected demands in an average month.
    let perMonth: Double
    /// The size's geometric tail: a demand is `1 + k` demand units with probability `(1 − r) r^k`.
    let sizeTail: Double
    /// Thousandths of the part's unit in one demand unit: a litre-based oil change takes 5 litres.
    let unitMilli: Int64
    /// The largest demand, in demand units.
    let maximumSize: Int

    /// Fractions of months with any demand, per part: the 0th, 5th, …, 100th percentile.
    static let monthsWithDemand: [Double] = [
        0.02, 0.059, 0.059, 0.078, 0.098, 0.098, 0.118, 0.137, 0.157, 0.196, 0.216, 0.255, 0.275, 0.294, 0.333,
        0.373, 0.412, 0.471, 0.529, 0.588, 0.786,
    ]
    /// Mean units per month with demand, per part, by the same percentiles (the top capped at 8).
    static let meanSizes: [Double] = [
        1.0, 1.0, 1.11, 1.2, 1.25, 1.33, 1.38, 1.44, 1.5, 1.54, 1.61, 1.68, 1.76, 1.87, 2.0, 2.06, 2.25, 2.5, 3.0,
        5.0, 8.0,
    ]

    static func draw(for part: StockPart, at kind: Site.Kind, using random: inout DemoRandom) -> ItemDemand {
        let months = percentile(monthsWithDemand, random.unit())
        // Occurrences per month of a Poisson process that leaves `1 − months` of months empty.
        let perMonth = -log(1 - months) * busyness(kind)
        var meanSize = percentile(meanSizes, random.unit())
        switch kind {
        case .distributionCenter: meanSize *= 1.5
        case .mobileVan: meanSize = min(meanSize, 1.5)
        case .dealership, .workshop, .branch, .plant: break
        }
        let tail = (meanSize - 1) / meanSize
        return ItemDemand(perMonth: perMonth, sizeTail: tail, unitMilli: unitMilli(of: part, using: &random),
                          maximumSize: Int((meanSize * 4).rounded(.up)) + 1)
    }

    /// One demand's quantity, in thousandths of the part's unit.
    func size(using random: inout DemoRandom) -> Int64 {
        var units = 1
        while units < maximumSize && random.chance(sizeTail) { units += 1 }
        return Int64(units) * unitMilli
    }

    /// Expected thousandths of the unit per demand, and the expected square (for the variance).
    var sizeMoments: (mean: Double, meanSquare: Double) {
        let r = sizeTail, unit = Double(unitMilli)
        let mean = 1 + r / (1 - r), variance = r / ((1 - r) * (1 - r))
        return (mean * unit, (variance + mean * mean) * unit * unit)
    }

    /// Demands per month relative to the carparts parts: a distribution center serves many trade
    /// customers; the van carries only what it uses every week.
    private static func busyness(_ kind: Site.Kind) -> Double {
        switch kind {
        case .distributionCenter: 2.0
        case .dealership: 1.3
        case .workshop: 1.5
        case .mobileVan: 8.0
        case .branch, .plant: 1.0
        }
    }

    /// How much one demand unit is: parts counted in units are used whole; a fluid is used by the
    /// fill, refrigerant by the charge, cable by the length cut.
    private static func unitMilli(of part: StockPart, using random: inout DemoRandom) -> Int64 {
        switch part.unit {
        case .each, .pair, .set: Quantity.scale
        case .litre: random.pick([1_000, 2_000, 4_000, 5_000])
        case .kilogram: Int64(random.int(in: 5...20)) * 50
        case .metre: Int64(random.int(in: 1...4)) * 500
        }
    }

    /// Linear interpolation in a table of evenly spaced percentiles.
    private static func percentile(_ table: [Double], _ u: Double) -> Double {
        let position = u * Double(table.count - 1)
        let index = min(Int(position), table.count - 2)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}

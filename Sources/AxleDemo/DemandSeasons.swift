import AxleDomain

/// When in the year each category is asked for, in the Chicago area: brakes and tyres at the
/// spring and autumn inspections and tyre changes, cooling in the summer heat, batteries and
/// electrics in the winter cold; every other category dips over the holidays, as the
/// carparts data does (November and December about 10 % below the year's average).
enum DemandSeasons {
    /// Relative demand by calendar month, January first, averaging 1 over the year.
    static func factors(for category: PartCategory) -> [Double] {
        switch category {
        case .brakes: brakes
        case .tyres: tyres
        case .cooling: cooling
        case .electrical: electrical
        case .filters, .suspension, .fluids, .body, .accessories, .engine, .exhaust, .lighting, .steering,
             .drivetrain:
            holidays
        }
    }

    /// The months in which a category peaks; empty for categories without a season.
    static func peakMonths(of category: PartCategory) -> Set<Int> {
        switch category {
        case .brakes, .tyres: [3, 4, 5, 9, 10, 11]
        case .cooling: [6, 7, 8]
        case .electrical: [12, 1, 2]
        case .filters, .suspension, .fluids, .body, .accessories, .engine, .exhaust, .lighting, .steering,
             .drivetrain:
            []
        }
    }

    private static let brakes = normalized([0.8, 0.8, 1.2, 1.35, 1.25, 0.9, 0.85, 0.85, 1.2, 1.35, 1.15, 0.75])
    private static let tyres = normalized([0.5, 0.5, 1.0, 1.9, 1.5, 0.7, 0.5, 0.6, 1.1, 1.8, 1.7, 0.8])
    private static let cooling = normalized([0.65, 0.65, 0.75, 0.9, 1.1, 1.45, 1.6, 1.5, 1.1, 0.85, 0.7, 0.75])
    private static let electrical = normalized([1.5, 1.45, 1.1, 0.9, 0.85, 0.8, 0.8, 0.8, 0.85, 0.95, 1.2, 1.5])
    private static let holidays = normalized([1.0, 1.0, 1.05, 1.05, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 0.92, 0.85])

    private static func normalized(_ factors: [Double]) -> [Double] {
        let mean = factors.reduce(0, +) / Double(factors.count)
        return factors.map { $0 / mean }
    }
}

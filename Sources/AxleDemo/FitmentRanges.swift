import AxleDomain

/// A vehicle range a product line fits, before it is attached to each of the line's parts.
struct FitmentRange: Equatable {
    let make: String
    let model: String
    let years: ClosedRange<Int>
    let engine: String?
}

/// Draws the vehicle ranges a product line fits, from the same table demo vehicles come from.
enum FitmentRanges {
    /// How many ranges a vehicle-specific line fits: most fit one to three.
    private static let counts = Weighted([(1, 30), (2, 30), (3, 20), (4, 12), (5, 8)])

    /// One to five ranges, all of one make: a genuine part never fits another make, and
    /// aftermarket lines are catalogued per make too.
    static func draw(for fit: PartTemplate.Fit, using random: inout DemoRandom) -> [FitmentRange] {
        guard fit != .universal else { return [] }
        let first = VehicleTemplates.byPopularity.draw(using: &random)
        let sameMake = VehicleTemplates.models.filter { $0.make == first.make }
        let wanted = counts.draw(using: &random)
        var ranges: [FitmentRange] = []
        // A make with few models and generations may not have five distinct ranges: stop trying.
        for attempt in 0..<(wanted * 3) where ranges.count < wanted {
            let model = attempt == 0 || random.chance(0.6) ? first : random.pick(sameMake)
            let range = draw(model: model, engineSpecific: fit == .engine, using: &random)
            if !ranges.contains(range) { ranges.append(range) }
        }
        return ranges
    }

    private static func draw(model: VehicleModel, engineSpecific: Bool,
                             using random: inout DemoRandom) -> FitmentRange {
        let generation = random.pick(model.generations)
        var years = generation.years
        // Parts changed mid-generation (a facelift) fit only part of it.
        if random.chance(0.25) {
            let from = random.int(in: years)
            years = from...random.int(in: from...years.upperBound)
        }
        let engine = engineSpecific ? random.pick(generation.engines).name : nil
        return FitmentRange(make: model.make, model: model.name, years: years, engine: engine)
    }
}

import AxleDomain

/// Generates the customer vehicles the group services, in proportion to how common each model is.
struct VehicleFactory {
    private var random: DemoRandom
    private var vins = VINFactory()

    init(seed: UInt64) {
        random = DemoRandom(seed: seed, stream: "vehicles")
    }

    /// The next `count` vehicles. Make, model, year and engine come from the table fitments are
    /// drawn from, so parts fit them.
    mutating func batch(count: Int, ids: inout DemoIdentifiers) throws(VINError) -> [Vehicle] {
        var vehicles: [Vehicle] = []
        vehicles.reserveCapacity(count)
        for _ in 0..<count {
            let model = VehicleTemplates.byPopularity.draw(using: &random)
            // Every model year of the model equally likely: longer generations have more cars on the road.
            let generation = Weighted(model.generations.map { ($0, $0.years.count) }).draw(using: &random)
            let year = random.int(in: generation.years)
            let engine = random.pick(generation.engines)
            let vin = try vins.make(model: model, engine: engine, year: year, using: &random)
            vehicles.append(Vehicle(id: ids.next(), vin: vin, make: model.make, model: model.name, modelYear: year,
                                    engine: engine.name))
        }
        return vehicles
    }
}

import AxleDomain

/// Builds valid, unique VINs for demo vehicles from real manufacturer identifiers.
///
/// Layout: WMI (1–3), the model's descriptor (4–7), engine code (8), check digit (9),
/// model-year code (10), plant (11) and a six-digit serial (12–17). The check digit is
/// computed for every VIN: North America requires it and Europe accepts it.
struct VINFactory {
    private var issued: Set<String> = []

    /// The 30 model-year codes of position 10, from 1980 (A) in a 30-year cycle.
    private static let yearCodes: [Character] = Array("ABCDEFGHJKLMNPRSTVWXY123456789")

    mutating func make(model: VehicleModel, engine: VehicleEngine, year: Int,
                       using random: inout DemoRandom) throws(VINError) -> VIN {
        let wmi = random.pick(model.wmis)
        let plant = random.pick(model.plants)
        while true {
            let serial = String(random.int(in: 100_000...999_999))
            let vin = try Self.assemble(wmi: wmi, descriptor: model.descriptor, engine: engine.code, year: year,
                                        plant: plant, serial: serial)
            if issued.insert(vin.rawValue).inserted { return vin }
        }
    }

    private static func assemble(wmi: String, descriptor: String, engine: Character, year: Int, plant: Character,
                                 serial: String) throws(VINError) -> VIN {
        var characters = Array(wmi + descriptor + String(engine) + "0" + String(yearCodes[(year - 1980) % 30])
                               + String(plant) + serial)
        var vin = try sealed(&characters)
        // North American rules read position 7 as the year cycle: a digit there means 1980–2009.
        if vin.region == .northAmerica && year < 2010 {
            characters[6] = "1"
            vin = try sealed(&characters)
        }
        return vin
    }

    /// Writes the check digit into position 9 and validates the result.
    private static func sealed(_ characters: inout [Character]) throws(VINError) -> VIN {
        // nil only for text that is no VIN at all, which validation then reports.
        characters[8] = VIN.checkDigit(for: String(characters)) ?? "0"
        return try VIN(validating: String(characters))
    }
}

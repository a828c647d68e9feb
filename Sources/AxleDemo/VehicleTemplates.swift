/// A vehicle model the demo's customers drive, as the fitment table and the VIN factory both read it.
/// Parts fit the same make, model, years and engine names that demo vehicles carry, so
/// "which parts fit this VIN?" finds parts for every demo vehicle.
struct VehicleModel: Sendable {
    /// Exactly as `WorldManufacturerIdentifiers` names the make, so an unregistered VIN matches too.
    let make: String
    let name: String
    /// The WMIs (VIN positions 1–3) of the plants that build the model.
    let wmis: [String]
    /// VIN positions 4–7. Position 7 is a letter: North American VINs of 2010 and later need one
    /// there to decode the year in the right 30-year cycle (earlier ones get a digit instead).
    let descriptor: String
    /// Assembly plant codes for VIN position 11.
    let plants: [Character]
    /// How common the model is among the group's customers, relative to the others.
    let popularity: Int
    let generations: [VehicleGeneration]
}

/// Model years built to one design, and the engines offered in them.
struct VehicleGeneration: Sendable {
    let years: ClosedRange<Int>
    let engines: [VehicleEngine]

    init(_ years: ClosedRange<Int>, _ engines: [(name: String, code: Character)]) {
        self.years = years
        self.engines = engines.map { VehicleEngine(name: $0.name, code: $0.code) }
    }
}

/// An engine by the name fitments use, and its code in VIN position 8.
struct VehicleEngine: Sendable {
    let name: String
    let code: Character
}

/// The models of a Chicago-area dealer group's customers: Ford and Toyota (its franchises)
/// first, then the other makes an independent workshop sees every day.
enum VehicleTemplates {
    static let models: [VehicleModel] = [
        VehicleModel(make: "Ford", name: "F-150", wmis: ["1FT"], descriptor: "EW1E", plants: ["F", "K"],
                     popularity: 14, generations: [
            VehicleGeneration(2009...2014, [("5.0L V8", "F"), ("3.5L EcoBoost V6", "T"), ("3.7L V6", "M")]),
            VehicleGeneration(2015...2020, [("2.7L EcoBoost V6", "P"), ("3.5L EcoBoost V6", "G"), ("5.0L V8", "F")]),
            VehicleGeneration(2021...2026, [("2.7L EcoBoost V6", "P"), ("3.5L EcoBoost V6", "G"), ("5.0L V8", "5"),
                                            ("3.5L PowerBoost Hybrid V6", "D")]),
        ]),
        VehicleModel(make: "Ford", name: "Escape", wmis: ["1FM"], descriptor: "CU0G", plants: ["U"],
                     popularity: 8, generations: [
            VehicleGeneration(2013...2019, [("1.5L EcoBoost I4", "D"), ("2.0L EcoBoost I4", "9"), ("2.5L I4", "7")]),
            VehicleGeneration(2020...2026, [("1.5L EcoBoost I3", "6"), ("2.0L EcoBoost I4", "9"),
                                            ("2.5L Hybrid I4", "Z")]),
        ]),
        VehicleModel(make: "Ford", name: "Explorer", wmis: ["1FM"], descriptor: "5K8D", plants: ["G"],
                     popularity: 8, generations: [
            VehicleGeneration(2011...2019, [("3.5L V6", "8"), ("2.3L EcoBoost I4", "H")]),
            VehicleGeneration(2020...2026, [("2.3L EcoBoost I4", "H"), ("3.0L EcoBoost V6", "C")]),
        ]),
        VehicleModel(make: "Ford", name: "Focus", wmis: ["1FA"], descriptor: "DP3F", plants: ["L", "W"],
                     popularity: 5, generations: [
            VehicleGeneration(2008...2011, [("2.0L Duratec I4", "N")]),
            VehicleGeneration(2012...2018, [("2.0L Ti-VCT I4", "2"), ("1.0L EcoBoost I3", "E")]),
        ]),
        VehicleModel(make: "Toyota", name: "RAV4", wmis: ["2T3", "JTM", "4T3"], descriptor: "RFRE", plants: ["W", "D"],
                     popularity: 10, generations: [
            VehicleGeneration(2013...2018, [("2.5L 2AR-FE I4", "V"), ("2.5L Hybrid I4", "J")]),
            VehicleGeneration(2019...2026, [("2.5L A25A-FKS I4", "V"), ("2.5L Hybrid I4", "J")]),
        ]),
        VehicleModel(make: "Toyota", name: "Corolla", wmis: ["2T1", "5YF", "JTD"], descriptor: "BURH",
                     plants: ["C", "P"], popularity: 9, generations: [
            VehicleGeneration(2009...2013, [("1.8L 2ZR-FE I4", "E"), ("2.4L 2AZ-FE I4", "4")]),
            VehicleGeneration(2014...2019, [("1.8L 2ZR-FE I4", "E")]),
            VehicleGeneration(2020...2026, [("1.8L 2ZR-FAE I4", "E"), ("2.0L M20A-FKS I4", "H")]),
        ]),
        VehicleModel(make: "Toyota", name: "Camry", wmis: ["4T1"], descriptor: "BF1F", plants: ["U"],
                     popularity: 8, generations: [
            VehicleGeneration(2012...2017, [("2.5L 2AR-FE I4", "K"), ("3.5L 2GR-FE V6", "L")]),
            VehicleGeneration(2018...2024, [("2.5L A25A-FKS I4", "B"), ("3.5L 2GR-FKS V6", "Z")]),
        ]),
        VehicleModel(make: "Toyota", name: "Tacoma", wmis: ["3TM", "5TF"], descriptor: "CZ5A", plants: ["X", "M"],
                     popularity: 4, generations: [
            VehicleGeneration(2016...2023, [("2.7L 2TR-FE I4", "N"), ("3.5L 2GR-FDS V6", "6")]),
        ]),
        VehicleModel(make: "Chevrolet", name: "Silverado 1500", wmis: ["1GC", "3GC"], descriptor: "UYDE",
                     plants: ["Z", "G"], popularity: 8, generations: [
            VehicleGeneration(2014...2018, [("5.3L V8", "C"), ("4.3L V6", "H")]),
            VehicleGeneration(2019...2026, [("5.3L V8", "L"), ("2.7L Turbo I4", "T"), ("6.2L V8", "J")]),
        ]),
        VehicleModel(make: "Chevrolet", name: "Equinox", wmis: ["2GN", "3GN"], descriptor: "AXUE", plants: ["6", "L"],
                     popularity: 6, generations: [
            VehicleGeneration(2010...2017, [("2.4L Ecotec I4", "K"), ("3.6L V6", "3")]),
            VehicleGeneration(2018...2024, [("1.5L Turbo I4", "V"), ("2.0L Turbo I4", "X")]),
        ]),
        VehicleModel(make: "Chevrolet", name: "Malibu", wmis: ["1G1"], descriptor: "ZD5S", plants: ["F"],
                     popularity: 4, generations: [
            VehicleGeneration(2016...2024, [("1.5L Turbo I4", "T"), ("2.0L Turbo I4", "X")]),
        ]),
        VehicleModel(make: "Honda", name: "Civic", wmis: ["2HG", "19X"], descriptor: "FC2F", plants: ["H", "L"],
                     popularity: 7, generations: [
            VehicleGeneration(2012...2015, [("1.8L R18 I4", "8")]),
            VehicleGeneration(2016...2021, [("2.0L K20C2 I4", "5"), ("1.5L Turbo L15B7 I4", "7")]),
            VehicleGeneration(2022...2026, [("2.0L K20C2 I4", "5"), ("1.5L Turbo L15CA I4", "7")]),
        ]),
        VehicleModel(make: "Honda", name: "CR-V", wmis: ["5J6", "2HK"], descriptor: "RW2H", plants: ["L", "H"],
                     popularity: 7, generations: [
            VehicleGeneration(2012...2016, [("2.4L K24Z I4", "4")]),
            VehicleGeneration(2017...2022, [("1.5L Turbo L15BE I4", "8"), ("2.4L K24W I4", "4")]),
            VehicleGeneration(2023...2026, [("1.5L Turbo L15BE I4", "8"), ("2.0L Hybrid I4", "6")]),
        ]),
        VehicleModel(make: "Honda", name: "Accord", wmis: ["1HG"], descriptor: "CR2F", plants: ["A"],
                     popularity: 5, generations: [
            VehicleGeneration(2013...2017, [("2.4L K24W I4", "3"), ("3.5L J35Y V6", "5")]),
            VehicleGeneration(2018...2022, [("1.5L Turbo L15BE I4", "1"), ("2.0L Turbo K20C4 I4", "2")]),
        ]),
        VehicleModel(make: "Volkswagen", name: "Golf", wmis: ["3VW", "WVW"], descriptor: "217A", plants: ["M", "W"],
                     popularity: 2, generations: [
            VehicleGeneration(2010...2014, [("2.5L I5", "J"), ("2.0L TDI I4", "M")]),
            VehicleGeneration(2015...2021, [("1.8L TSI I4", "U"), ("2.0L TSI I4", "V"), ("2.0L TDI I4", "M")]),
            VehicleGeneration(2022...2024, [("2.0L TSI I4", "V")]),
        ]),
        VehicleModel(make: "Volkswagen", name: "Jetta", wmis: ["3VW"], descriptor: "D17A", plants: ["M"],
                     popularity: 3, generations: [
            VehicleGeneration(2011...2018, [("1.4L TSI I4", "J"), ("1.8L TSI I4", "U"), ("2.0L I4", "Z")]),
            VehicleGeneration(2019...2026, [("1.4L TSI I4", "J"), ("1.5L TSI I4", "K")]),
        ]),
        VehicleModel(make: "Volkswagen", name: "Passat", wmis: ["1VW"], descriptor: "BN7A", plants: ["C"],
                     popularity: 2, generations: [
            VehicleGeneration(2012...2022, [("1.8L TSI I4", "U"), ("2.0L TSI I4", "V"), ("2.5L I5", "J"),
                                            ("3.6L VR6", "X")]),
        ]),
        VehicleModel(make: "Volkswagen", name: "Tiguan", wmis: ["WVG"], descriptor: "BV7A", plants: ["W"],
                     popularity: 2, generations: [
            VehicleGeneration(2009...2017, [("2.0L TSI I4", "X")]),
            VehicleGeneration(2018...2026, [("2.0L TSI I4", "X")]),
        ]),
        VehicleModel(make: "BMW", name: "3 Series", wmis: ["WBA"], descriptor: "8E9G", plants: ["N", "A"],
                     popularity: 3, generations: [
            VehicleGeneration(2012...2018, [("2.0L N20 I4", "5"), ("3.0L N55 I6", "7")]),
            VehicleGeneration(2019...2026, [("2.0L B46 I4", "5"), ("3.0L B58 I6", "7")]),
        ]),
        VehicleModel(make: "BMW", name: "X3", wmis: ["5UX"], descriptor: "WX9C", plants: ["L"],
                     popularity: 3, generations: [
            VehicleGeneration(2011...2017, [("2.0L N20 I4", "5"), ("3.0L N55 I6", "7")]),
            VehicleGeneration(2018...2026, [("2.0L B46 I4", "5"), ("3.0L B58 I6", "7")]),
        ]),
        VehicleModel(make: "Mercedes-Benz", name: "C-Class", wmis: ["55S", "WDD"], descriptor: "WF4J",
                     plants: ["U", "R"], popularity: 3, generations: [
            VehicleGeneration(2008...2014, [("1.8L M271 I4", "4"), ("3.0L M272 V6", "8")]),
            VehicleGeneration(2015...2021, [("2.0L M274 I4", "B"), ("3.0L M276 V6", "8")]),
            VehicleGeneration(2022...2026, [("2.0L M254 I4", "C")]),
        ]),
        VehicleModel(make: "Mercedes-Benz", name: "GLE", wmis: ["4JG"], descriptor: "DA5G", plants: ["A"],
                     popularity: 2, generations: [
            VehicleGeneration(2016...2019, [("3.5L M276 V6", "B")]),
            VehicleGeneration(2020...2026, [("2.0L M264 I4", "4"), ("3.0L M256 I6", "5")]),
        ]),
        VehicleModel(make: "Nissan", name: "Rogue", wmis: ["5N1", "JN8"], descriptor: "AT2M", plants: ["C", "W"],
                     popularity: 5, generations: [
            VehicleGeneration(2014...2020, [("2.5L QR25DE I4", "V")]),
            VehicleGeneration(2021...2026, [("2.5L PR25DD I4", "B"), ("1.5L VC-Turbo I3", "C")]),
        ]),
        VehicleModel(make: "Nissan", name: "Altima", wmis: ["1N4"], descriptor: "AL3A", plants: ["N", "C"],
                     popularity: 4, generations: [
            VehicleGeneration(2013...2018, [("2.5L QR25DE I4", "P"), ("3.5L VQ35DE V6", "R")]),
            VehicleGeneration(2019...2026, [("2.5L PR25DD I4", "B"), ("2.0L VC-Turbo I4", "C")]),
        ]),
        VehicleModel(make: "Hyundai", name: "Elantra", wmis: ["5NP", "KMH"], descriptor: "DH4A", plants: ["H", "U"],
                     popularity: 4, generations: [
            VehicleGeneration(2011...2016, [("1.8L Nu I4", "E")]),
            VehicleGeneration(2017...2020, [("2.0L Nu I4", "F"), ("1.4L Turbo Gamma I4", "9")]),
            VehicleGeneration(2021...2026, [("2.0L Smartstream I4", "F")]),
        ]),
        VehicleModel(make: "Hyundai", name: "Tucson", wmis: ["KM8", "5NM"], descriptor: "J3CA", plants: ["U", "H"],
                     popularity: 3, generations: [
            VehicleGeneration(2016...2021, [("2.0L Nu I4", "4"), ("1.6L Turbo Gamma I4", "2")]),
            VehicleGeneration(2022...2026, [("2.5L Smartstream I4", "D"), ("1.6L Turbo Hybrid I4", "J")]),
        ]),
        VehicleModel(make: "Ram", name: "1500", wmis: ["1C6"], descriptor: "RR7L", plants: ["S", "N"],
                     popularity: 6, generations: [
            VehicleGeneration(2013...2018, [("5.7L HEMI V8", "T"), ("3.6L Pentastar V6", "G"),
                                            ("3.0L EcoDiesel V6", "M")]),
            VehicleGeneration(2019...2026, [("5.7L HEMI V8", "T"), ("3.6L Pentastar V6", "G")]),
        ]),
    ]

    /// Models drawn in proportion to how common they are.
    static let byPopularity = Weighted(models.map { ($0, $0.popularity) })
}

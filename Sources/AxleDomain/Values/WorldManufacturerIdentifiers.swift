/// A manufacturer as a world manufacturer identifier names it.
public struct WorldManufacturer: Hashable, Sendable, Codable {
    /// The manufacturer (or its plant's company) the WMI is assigned to.
    public let name: String
    /// The brand the WMI is chiefly used for: a default for people to confirm, as groups sometimes
    /// build a sister brand under the same WMI. Nil where no brand dominates (`1C4`: Chrysler,
    /// Dodge and Jeep alike).
    public let make: String?
    /// The country the WMI was assigned in, usually where the vehicle was built.
    public let country: String
}

/// The WMIs (VIN positions 1–3) Axle knows, and the country codes (positions 1–2) that place the rest.
///
/// The table covers the makes a parts business meets most often. It is not the SAE register,
/// which has tens of thousands of entries and changes monthly; a VIN with an unlisted WMI is
/// still valid and still gets its country and region from `countryRange(for:)`.
public enum WorldManufacturerIdentifiers {
    /// The manufacturer of a WMI, or nil when the table does not list it. Accepts lower case.
    public static func manufacturer(for wmi: String) -> WorldManufacturer? {
        known[wmi.uppercased()]
    }

    /// The country of a WMI: the table's when listed, else the country its first two characters
    /// were allocated to; nil for unallocated codes.
    public static func country(for wmi: String) -> String? {
        manufacturer(for: wmi)?.country ?? countryRange(for: wmi)?.country
    }

    /// A block of WMIs allocated to one country: first character, and an inclusive range of
    /// second characters in the ISO 3780 order A–Z then 1–9 then 0.
    struct CountryRange: Sendable {
        let first: Character
        let from: Character
        let through: Character
        let country: String
        let region: VINRegion
    }

    /// The order of second characters that allocation ranges such as `TW`–`T1` follow.
    private static let rangeOrder: [Character] = Array("ABCDEFGHJKLMNPRSTUVWXYZ1234567890")

    static func countryRange(for wmi: String) -> CountryRange? {
        let characters = Array(wmi.uppercased())
        guard characters.count >= 2, let second = rangeOrder.firstIndex(of: characters[1]) else { return nil }
        return countryRanges.first { range in
            guard range.first == characters[0], let from = rangeOrder.firstIndex(of: range.from),
                  let through = rangeOrder.firstIndex(of: range.through) else { return false }
            return (from...through).contains(second)
        }
    }

    private static func range(_ code: String, _ country: String, region: VINRegion? = nil) -> CountryRange {
        // `code` is written as in the allocation lists: "SA-SM" or, for a whole letter, "J".
        let characters = Array(code)
        let first = characters[0]
        let whole = characters.count == 1
        let (from, through): (Character, Character) = whole ? ("A", "0") : (characters[1], characters[4])
        return CountryRange(first: first, from: from, through: through, country: country,
                            region: region ?? VINRegion(firstCharacter: first))
    }

    /// Country allocations (ISO 3780 as administered by SAE), for the countries that build cars
    /// in numbers; smaller allocations are left out and give a nil country.
    static let countryRanges: [CountryRange] = [
        range("AA-AH", "South Africa"),
        range("J", "Japan"),
        range("KL-KR", "South Korea"),
        range("L", "China"),
        range("MA-ME", "India"), range("MF-MK", "Indonesia"), range("ML-MR", "Thailand"),
        range("NA-NE", "Iran"), range("NF-NK", "Pakistan"), range("NL-NR", "Turkey"),
        range("PA-PE", "Philippines"), range("PL-PR", "Malaysia"),
        range("RF-RK", "Taiwan"),
        range("SA-SM", "United Kingdom"), range("SN-ST", "Germany"), range("SU-SZ", "Poland"),
        range("TA-TH", "Switzerland"), range("TJ-TP", "Czech Republic"), range("TR-TV", "Hungary"),
        range("TW-T1", "Portugal"),
        range("UU-UZ", "Romania"), range("U5-U7", "Slovakia"),
        range("VA-VE", "Austria"), range("VF-VR", "France"), range("VS-VW", "Spain"),
        range("W", "Germany"),
        range("XL-XR", "Netherlands"), range("XS-XW", "Russia"), range("X3-X0", "Russia"),
        range("YA-YE", "Belgium"), range("YF-YK", "Finland"), range("YS-YW", "Sweden"), range("YX-Y2", "Norway"),
        range("ZA-ZR", "Italy"),
        range("1", "United States"), range("4", "United States"), range("5", "United States"),
        range("2", "Canada"),
        range("3A-3W", "Mexico"),
        range("6A-6W", "Australia"),
        range("7A-7E", "New Zealand"),
        // Allocated to the United States when 1, 4 and 5 ran short (Tesla 7SA, Honda 7FA).
        range("7F-70", "United States", region: .northAmerica),
        range("8A-8E", "Argentina"), range("8F-8K", "Chile"), range("8X-82", "Venezuela"),
        range("9A-9E", "Brazil"), range("9F-9K", "Colombia"), range("93-99", "Brazil"),
    ]

    private static let us = "United States", canada = "Canada", mexico = "Mexico", germany = "Germany"
    private static let japan = "Japan", korea = "South Korea", china = "China", uk = "United Kingdom"

    private static func maker(_ name: String, _ make: String?, _ country: String) -> WorldManufacturer {
        WorldManufacturer(name: name, make: make, country: country)
    }

    /// The known WMIs, keyed in upper case.
    public static let known: [String: WorldManufacturer] = [
        // Ford
        "1FA": maker("Ford Motor Company", "Ford", us),
        "1FB": maker("Ford Motor Company", "Ford", us),
        "1FD": maker("Ford Motor Company", "Ford", us),
        "1FM": maker("Ford Motor Company", "Ford", us),
        "1FT": maker("Ford Motor Company", "Ford", us),
        "1LN": maker("Ford Motor Company", "Lincoln", us),
        "1ME": maker("Ford Motor Company", "Mercury", us),
        "2FA": maker("Ford Motor Company of Canada", "Ford", canada),
        "2FM": maker("Ford Motor Company of Canada", "Ford", canada),
        "2FT": maker("Ford Motor Company of Canada", "Ford", canada),
        "2LM": maker("Ford Motor Company of Canada", "Lincoln", canada),
        "3FA": maker("Ford Motor Company", "Ford", mexico),
        "3FM": maker("Ford Motor Company", "Ford", mexico),
        "3FT": maker("Ford Motor Company", "Ford", mexico),
        "3LN": maker("Ford Motor Company", "Lincoln", mexico),
        "WF0": maker("Ford-Werke", "Ford", germany),
        "VS6": maker("Ford España", "Ford", "Spain"),
        "NM0": maker("Ford Otosan", "Ford", "Turkey"),
        "6FP": maker("Ford Australia", "Ford", "Australia"),
        // General Motors
        "1G1": maker("General Motors", "Chevrolet", us),
        "1GC": maker("General Motors", "Chevrolet", us),
        "1GN": maker("General Motors", "Chevrolet", us),
        "1G4": maker("General Motors", "Buick", us),
        "1G6": maker("General Motors", "Cadillac", us),
        "1GY": maker("General Motors", "Cadillac", us),
        "1GT": maker("General Motors", "GMC", us),
        "1GK": maker("General Motors", "GMC", us),
        "1G2": maker("General Motors", "Pontiac", us),
        "1G3": maker("General Motors", "Oldsmobile", us),
        "1G8": maker("General Motors", "Saturn", us),
        "5GZ": maker("General Motors", "Saturn", us),
        "2G1": maker("General Motors of Canada", "Chevrolet", canada),
        "2GN": maker("General Motors of Canada", "Chevrolet", canada),
        "2G4": maker("General Motors of Canada", "Buick", canada),
        "2GT": maker("General Motors of Canada", "GMC", canada),
        "3G1": maker("General Motors de México", "Chevrolet", mexico),
        "3GC": maker("General Motors de México", "Chevrolet", mexico),
        "3GN": maker("General Motors de México", "Chevrolet", mexico),
        "3GT": maker("General Motors de México", "GMC", mexico),
        "KL1": maker("GM Korea", "Chevrolet", korea),
        "KL4": maker("GM Korea", "Buick", korea),
        "LSG": maker("SAIC General Motors", nil, china),
        "W0L": maker("Opel Automobile", "Opel", germany),
        "W0V": maker("Opel Automobile", "Opel", germany),
        // Chrysler, Dodge, Jeep, Ram (FCA US, now Stellantis)
        "1C3": maker("FCA US", nil, us),
        "1C4": maker("FCA US", nil, us),
        "1C6": maker("FCA US", "Ram", us),
        "2C3": maker("FCA Canada", nil, canada),
        "2C4": maker("FCA Canada", nil, canada),
        "3C4": maker("FCA México", nil, mexico),
        "3C6": maker("FCA México", "Ram", mexico),
        "1B3": maker("Chrysler Corporation", "Dodge", us),
        "1D7": maker("Chrysler Corporation", "Dodge", us),
        "1J4": maker("Chrysler Corporation", "Jeep", us),
        "1J8": maker("Chrysler Corporation", "Jeep", us),
        "2A4": maker("Chrysler Canada", "Chrysler", canada),
        "2B3": maker("Chrysler Canada", "Dodge", canada),
        "2D4": maker("Chrysler Canada", "Dodge", canada),
        "3D7": maker("Chrysler de México", "Dodge", mexico),
        // Honda and Acura
        "1HG": maker("Honda", "Honda", us),
        "19X": maker("Honda", "Honda", us),
        "5FN": maker("Honda", "Honda", us),
        "5J6": maker("Honda", "Honda", us),
        "7FA": maker("Honda", "Honda", us),
        "19U": maker("Honda", "Acura", us),
        "5J8": maker("Honda", "Acura", us),
        "2HG": maker("Honda of Canada", "Honda", canada),
        "2HK": maker("Honda of Canada", "Honda", canada),
        "2HN": maker("Honda of Canada", "Acura", canada),
        "3HG": maker("Honda de México", "Honda", mexico),
        "3CZ": maker("Honda de México", "Honda", mexico),
        "JHM": maker("Honda", "Honda", japan),
        "JHL": maker("Honda", "Honda", japan),
        "JH2": maker("Honda", "Honda", japan),
        "JH4": maker("Honda", "Acura", japan),
        "SHH": maker("Honda of the UK", "Honda", uk),
        "SHS": maker("Honda of the UK", "Honda", uk),
        // Toyota and Lexus
        "4T1": maker("Toyota", "Toyota", us),
        "4T3": maker("Toyota", "Toyota", us),
        "5TD": maker("Toyota", "Toyota", us),
        "5TF": maker("Toyota", "Toyota", us),
        "5YF": maker("Toyota", "Toyota", us),
        "58A": maker("Toyota", "Lexus", us),
        "2T1": maker("Toyota Canada", "Toyota", canada),
        "2T3": maker("Toyota Canada", "Toyota", canada),
        "2T2": maker("Toyota Canada", "Lexus", canada),
        "3TM": maker("Toyota de México", "Toyota", mexico),
        "JT2": maker("Toyota", "Toyota", japan),
        "JTD": maker("Toyota", "Toyota", japan),
        "JTE": maker("Toyota", "Toyota", japan),
        "JTM": maker("Toyota", "Toyota", japan),
        "JTH": maker("Toyota", "Lexus", japan),
        "JTJ": maker("Toyota", "Lexus", japan),
        "SB1": maker("Toyota UK", "Toyota", uk),
        "VNK": maker("Toyota France", "Toyota", "France"),
        "NMT": maker("Toyota Turkey", "Toyota", "Turkey"),
        "MR0": maker("Toyota Thailand", "Toyota", "Thailand"),
        "6T1": maker("Toyota Australia", "Toyota", "Australia"),
        // Nissan and Infiniti
        "1N4": maker("Nissan North America", "Nissan", us),
        "1N6": maker("Nissan North America", "Nissan", us),
        "5N1": maker("Nissan North America", "Nissan", us),
        "3N1": maker("Nissan Mexicana", "Nissan", mexico),
        "JN1": maker("Nissan", "Nissan", japan),
        "JN8": maker("Nissan", "Nissan", japan),
        "JNK": maker("Nissan", "Infiniti", japan),
        "JNR": maker("Nissan", "Infiniti", japan),
        "SJN": maker("Nissan UK", "Nissan", uk),
        "VSK": maker("Nissan Motor Ibérica", "Nissan", "Spain"),
        // Hyundai, Genesis, Kia
        "KMH": maker("Hyundai", "Hyundai", korea),
        "KM8": maker("Hyundai", "Hyundai", korea),
        "KMT": maker("Hyundai", "Genesis", korea),
        "5NP": maker("Hyundai Motor Manufacturing Alabama", "Hyundai", us),
        "5NM": maker("Hyundai Motor Manufacturing Alabama", "Hyundai", us),
        "TMA": maker("Hyundai Motor Manufacturing Czech", "Hyundai", "Czech Republic"),
        "MAL": maker("Hyundai Motor India", "Hyundai", "India"),
        "KNA": maker("Kia", "Kia", korea),
        "KND": maker("Kia", "Kia", korea),
        "5XX": maker("Kia Georgia", "Kia", us),
        "5XY": maker("Kia Georgia", "Kia", us),
        "3KP": maker("Kia México", "Kia", mexico),
        "U5Y": maker("Kia Slovakia", "Kia", "Slovakia"),
        "KPT": maker("SsangYong Motor", "SsangYong", korea),
        // Subaru, Mazda, Mitsubishi, Suzuki
        "JF1": maker("Subaru", "Subaru", japan),
        "JF2": maker("Subaru", "Subaru", japan),
        "4S3": maker("Subaru of Indiana Automotive", "Subaru", us),
        "4S4": maker("Subaru of Indiana Automotive", "Subaru", us),
        "JM1": maker("Mazda", "Mazda", japan),
        "JM3": maker("Mazda", "Mazda", japan),
        "JMZ": maker("Mazda", "Mazda", japan),
        "1YV": maker("AutoAlliance International", "Mazda", us),
        "3MZ": maker("Mazda de México", "Mazda", mexico),
        "3MV": maker("Mazda de México", "Mazda", mexico),
        "7MM": maker("Mazda Toyota Manufacturing", "Mazda", us),
        "JA3": maker("Mitsubishi Motors", "Mitsubishi", japan),
        "JA4": maker("Mitsubishi Motors", "Mitsubishi", japan),
        "JMB": maker("Mitsubishi Motors", "Mitsubishi", japan),
        "4A3": maker("Mitsubishi Motors North America", "Mitsubishi", us),
        "4A4": maker("Mitsubishi Motors North America", "Mitsubishi", us),
        "ML3": maker("Mitsubishi Motors Thailand", "Mitsubishi", "Thailand"),
        "JS1": maker("Suzuki", "Suzuki", japan),
        "JS2": maker("Suzuki", "Suzuki", japan),
        "JS3": maker("Suzuki", "Suzuki", japan),
        "TSM": maker("Magyar Suzuki", "Suzuki", "Hungary"),
        "MA3": maker("Maruti Suzuki", "Suzuki", "India"),
        // BMW and MINI
        "WBA": maker("BMW", "BMW", germany),
        "WBS": maker("BMW M", "BMW", germany),
        "WBX": maker("BMW", "BMW", germany),
        "WBY": maker("BMW", "BMW", germany),
        "WB1": maker("BMW Motorrad", "BMW", germany),
        "WMW": maker("BMW", "MINI", germany),
        "4US": maker("BMW Manufacturing", "BMW", us),
        "5UX": maker("BMW Manufacturing", "BMW", us),
        "5YM": maker("BMW Manufacturing", "BMW", us),
        // Mercedes-Benz and smart
        "WDB": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "WDC": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "WDD": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "WDF": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "W1K": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "W1N": maker("Mercedes-Benz", "Mercedes-Benz", germany),
        "WME": maker("smart", "smart", germany),
        "4JG": maker("Mercedes-Benz U.S. International", "Mercedes-Benz", us),
        "55S": maker("Mercedes-Benz U.S. International", "Mercedes-Benz", us),
        // Volkswagen group
        "WVW": maker("Volkswagen", "Volkswagen", germany),
        "WVG": maker("Volkswagen", "Volkswagen", germany),
        "WV1": maker("Volkswagen Commercial Vehicles", "Volkswagen", germany),
        "WV2": maker("Volkswagen Commercial Vehicles", "Volkswagen", germany),
        "1VW": maker("Volkswagen Chattanooga", "Volkswagen", us),
        "1V2": maker("Volkswagen Chattanooga", "Volkswagen", us),
        "3VW": maker("Volkswagen de México", "Volkswagen", mexico),
        "9BW": maker("Volkswagen do Brasil", "Volkswagen", "Brazil"),
        "AAV": maker("Volkswagen South Africa", "Volkswagen", "South Africa"),
        "WAU": maker("Audi", "Audi", germany),
        "WA1": maker("Audi", "Audi", germany),
        "WUA": maker("Audi Sport", "Audi", germany),
        "TRU": maker("Audi Hungaria", "Audi", "Hungary"),
        "WP0": maker("Porsche", "Porsche", germany),
        "WP1": maker("Porsche", "Porsche", germany),
        "TMB": maker("Škoda Auto", "Škoda", "Czech Republic"),
        "VSS": maker("SEAT", "SEAT", "Spain"),
        // Volvo and Polestar
        "YV1": maker("Volvo Cars", "Volvo", "Sweden"),
        "YV4": maker("Volvo Cars", "Volvo", "Sweden"),
        "YV2": maker("Volvo Trucks", "Volvo", "Sweden"),
        "YV3": maker("Volvo Buses", "Volvo", "Sweden"),
        "LYV": maker("Volvo Cars", "Volvo", china),
        "7JR": maker("Volvo Car USA", "Volvo", us),
        "4V4": maker("Volvo Trucks North America", "Volvo", us),
        "LPS": maker("Polestar", "Polestar", china),
        // Tesla
        "5YJ": maker("Tesla", "Tesla", us),
        "7SA": maker("Tesla", "Tesla", us),
        "LRW": maker("Tesla", "Tesla", china),
        // France, Romania
        "VF1": maker("Renault", "Renault", "France"),
        "VF6": maker("Renault Trucks", "Renault Trucks", "France"),
        "VF3": maker("Peugeot", "Peugeot", "France"),
        "VF7": maker("Citroën", "Citroën", "France"),
        "VR1": maker("DS Automobiles", "DS", "France"),
        "UU1": maker("Dacia", "Dacia", "Romania"),
        // Italy
        "ZFA": maker("Fiat", "Fiat", "Italy"),
        "ZAR": maker("Alfa Romeo", "Alfa Romeo", "Italy"),
        "ZLA": maker("Lancia", "Lancia", "Italy"),
        "ZFF": maker("Ferrari", "Ferrari", "Italy"),
        "ZAM": maker("Maserati", "Maserati", "Italy"),
        "ZHW": maker("Lamborghini", "Lamborghini", "Italy"),
        "ZCF": maker("Iveco", "Iveco", "Italy"),
        "ZDM": maker("Ducati", "Ducati", "Italy"),
        // United Kingdom
        "SAJ": maker("Jaguar Land Rover", "Jaguar", uk),
        "SAD": maker("Jaguar Land Rover", "Jaguar", uk),
        "SAL": maker("Jaguar Land Rover", "Land Rover", uk),
        "SCA": maker("Rolls-Royce Motor Cars", "Rolls-Royce", uk),
        "SCB": maker("Bentley Motors", "Bentley", uk),
        "SCC": maker("Lotus Cars", "Lotus", uk),
        "SCF": maker("Aston Martin", "Aston Martin", uk),
        "SBM": maker("McLaren Automotive", "McLaren", uk),
        // Trucks, buses and motorcycles of North America
        "1M8": maker("Motor Coach Industries", "MCI", us),
        "1FU": maker("Freightliner", "Freightliner", us),
        "3AK": maker("Freightliner", "Freightliner", mexico),
        "1XK": maker("Kenworth", "Kenworth", us),
        "1XP": maker("Peterbilt", "Peterbilt", us),
        "1HT": maker("Navistar", "International", us),
        "1HD": maker("Harley-Davidson", "Harley-Davidson", us),
    ]
}

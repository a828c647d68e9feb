import AxleDomain

/// How brands write their part numbers, and a factory that issues unique ones in those formats.
///
/// A format is a pattern: `#` is a digit, `@` a letter (not I, O or Q, which people misread),
/// anything else is written as is. `F026######` gives a Bosch filter number such as `F026407006`.
enum PartBrands {
    /// In a template's brand list: the genuine brand of the make the part fits.
    static let genuine = "OEM"

    /// The genuine-parts brand of each make in the vehicle table, and its number formats.
    static let genuineByMake: [String: (brand: String, formats: [String])] = [
        "Ford": ("Motorcraft", ["@@-###-@", "@@#@-####-@@", "@@@-####"]),
        "Chevrolet": ("ACDelco", ["########", "##-####"]),
        "Toyota": ("Toyota Genuine", ["#####-#####", "#####-@@@#@"]),
        "Honda": ("Honda Genuine", ["#####-@@@-@##"]),
        "Volkswagen": ("VW Genuine", ["#@#######@", "##@######@"]),
        "BMW": ("BMW Genuine", ["###########"]),
        "Mercedes-Benz": ("Mercedes-Benz Genuine", ["A##########"]),
        "Nissan": ("Nissan Genuine", ["#####-@@##@"]),
        "Hyundai": ("Hyundai Mobis", ["#####-@@###"]),
        "Ram": ("Mopar", ["########@@"]),
    ]

    /// Aftermarket brands and their number formats.
    static let formats: [String: [String]] = [
        "Bosch": ["0986######", "F026######", "0242######", "1987######"],
        "Mann-Filter": ["W###/##", "HU###/#@", "C#####", "CUK####", "WK###/#"],
        "Mahle": ["OC####", "LX####/#", "KL####", "LA####/S"],
        "Hengst": ["H###W##", "E###L##", "E###H-D###"],
        "Wix": ["5####", "4####XP", "WL#####"],
        "Purolator": ["L#####", "A#####", "C#####"],
        "K&N": ["##-####", "HP-####"],
        "Brembo": ["P#####", "09.@###.##", "08.@###.##"],
        "ATE": ["13.####-####.2", "24.####-####.1"],
        "Textar": ["2####01", "92#####03"],
        "TRW": ["GDB####", "DF####S", "JTE####", "JBJ####"],
        "Akebono": ["ACT####", "EUR####"],
        "Wagner": ["QC####", "ZD####", "BD######"],
        "Raybestos": ["EHT####H", "980###R"],
        "Cardone": ["18-####", "1A-####", "2#-####"],
        "Varta": ["###-###-###"],
        "Exide": ["EK###", "EB####"],
        "Littelfuse": ["0297####", "0299####"],
        "Interstate": ["MTZ-##-###", "MT-##@-###"],
        "Valeo": ["######", "4#####"],
        "Denso": ["DCP#####", "DAN####", "234-####", "673-####"],
        "NGK": ["#####", "@@@#@@-##"],
        "Champion": ["RC##@@C#", "OE###"],
        "Sachs": ["######", "3000-###-###"],
        "Monroe": ["#####", "G####", "E####"],
        "Bilstein": ["24-######", "22-######"],
        "KYB": ["######", "SR#####", "SM####"],
        "Lemförder": ["#####-##"],
        "Febi Bilstein": ["######", "#####"],
        "Moog": ["K######", "ES#####"],
        "Meyle": ["###-###-####"],
        "SKF": ["VKBA-####", "VKMA-#####", "BR9####"],
        "Timken": ["HA######", "SET####"],
        "FAG": ["713-####-##"],
        "Nissens": ["#####", "6####"],
        "NRF": ["5####", "#####"],
        "Gates": ["K0#####", "TCKWP###", "#####XS"],
        "Aisin": ["WP@-###", "TKT-###"],
        "Continental": ["CT####K#", "#PK####", "15#####"],
        "Four Seasons": ["#####", "98###"],
        "Castrol": ["15@###", "15####"],
        "Mobil 1": ["1#####"],
        "Shell": ["550######"],
        "Valvoline": ["8#####", "VV###"],
        "Liqui Moly": ["####", "2####"],
        "Motul": ["1#####"],
        "Hella": ["#@@-###-###-###", "8GH-###-###-###"],
        "Depo": ["###-####@-@@"],
        "Philips": ["#####@@C1"],
        "Osram": ["64###", "64###-##@"],
        "Sylvania": ["H####.BP", "####@@.BP"],
        "Trico": ["##-###", "TX##-###"],
        "Thule": ["7#####"],
        "Yakima": ["8000###"],
        "Curt": ["1####"],
        "Draw-Tite": ["7####"],
        "Dayco": ["5######", "9#####"],
        "INA": ["530-####-##"],
        "Elring": ["###.###"],
        "Victor Reinz": ["71-#####-##", "61-#####-##"],
        "Fel-Pro": ["VS#####@", "HS#####PT"],
        "Corteco": ["########"],
        "Garrett": ["######-####@"],
        "BorgWarner": ["#####-###-####"],
        "Walker": ["#####", "1#-###"],
        "Bosal": ["###-###", "099-###"],
        "MagnaFlow": ["5####", "#####"],
        "GKN": ["30####"],
        "LuK": ["6##-####-##"],
        "Exedy": ["@@@####", "##-###"],
        "Michelin": ["######"],
        "Bridgestone": ["######"],
        "Goodyear": ["7#####"],
        "Pirelli": ["#######"],
    ]
}

/// Issues part numbers in a brand's formats, never the same one twice.
struct PartNumberFactory {
    private var issued: Set<String> = []

    private static let letters: [Character] = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
    private static let digits: [Character] = Array("0123456789")
    /// Tries of random formats before widening the number, for formats nearly used up at large scales.
    private static let triesPerFormat = 16

    mutating func make(formats: [String], using random: inout DemoRandom) -> PartNumber {
        var tries = 0
        while true {
            var text = Self.fill(random.pick(formats), using: &random)
            // A crowded format gets a numeric suffix rather than looping forever.
            if tries >= Self.triesPerFormat { text += "-" + Self.fill("###", using: &random) }
            tries += 1
            guard let number = PartNumber(text) else { preconditionFailure("bad part number format: \(text)") }
            if issued.insert(number.rawValue).inserted { return number }
        }
    }

    private static func fill(_ pattern: String, using random: inout DemoRandom) -> String {
        String(pattern.map { symbol in
            switch symbol {
            case "#": random.pick(digits)
            case "@": random.pick(letters)
            default: symbol
            }
        })
    }
}

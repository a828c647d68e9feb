import AxleDomain

/// The group's suppliers: the franchises' own parts distribution, national and regional
/// distributors, and manufacturers' aftermarket divisions, with their usual lead times.
enum SupplierTemplates {
    private static let suppliers: [(code: String, name: String, leadTimeDays: ClosedRange<Int>)] = [
        ("MOTORCRAFT", "Ford Customer Service Division (Motorcraft)", 1...3),
        ("TOYOTA-PDC", "Toyota Parts Distribution Center Chicago", 1...2),
        ("GM-GENUINE", "GM Genuine Parts & ACDelco", 2...4),
        ("MOPAR", "Mopar Parts Distribution", 2...5),
        ("HONDA-PDC", "American Honda Parts Distribution", 2...4),
        ("VW-GENUINE", "Volkswagen of America Parts", 3...7),
        ("BMW-PDC", "BMW of North America Parts Distribution", 3...7),
        ("MB-PDC", "Mercedes-Benz USA Parts Distribution", 3...7),
        ("NISSAN-PDC", "Nissan North America Parts", 2...5),
        ("MOBIS", "Mobis Parts America", 3...6),
        ("WORLDPAC", "Worldpac", 1...2),
        ("LKQ", "LKQ Corporation", 1...3),
        ("NAPA", "NAPA Auto Parts (Genuine Parts Company)", 1...2),
        ("PARTS-AUTH", "Parts Authority", 1...2),
        ("IMC", "Interamerican Motor Corporation", 2...4),
        ("KEYSTONE", "Keystone Automotive Industries", 2...5),
        ("GREAT-LAKES", "Great Lakes Auto Parts Supply", 1...3),
        ("MIDWEST-BRAKE", "Midwest Brake & Clutch Distributors", 2...5),
        ("BOSCH-AA", "Robert Bosch Automotive Aftermarket", 5...14),
        ("MANN-HUMMEL", "MANN+HUMMEL Filtration Technology US", 7...21),
        ("MAHLE-AM", "MAHLE Aftermarket Inc.", 7...21),
        ("ZF-AM", "ZF Aftermarket (Lemförder, Sachs, TRW)", 10...30),
        ("SCHAEFFLER", "Schaeffler Automotive Aftermarket (LuK, INA, FAG)", 10...30),
        ("VALEO-SERVICE", "Valeo Service North America", 7...21),
        ("DENSO-AM", "DENSO Products and Services Americas", 5...14),
        ("TENNECO", "Tenneco Aftermarket (Monroe, Walker)", 5...14),
        ("GATES", "Gates Corporation", 5...14),
        ("CARDONE", "Cardone Industries", 3...10),
        ("CASTROL", "BP Lubricants USA (Castrol)", 3...7),
        ("ATD", "American Tire Distributors", 1...3),
    ]

    /// Suppliers per unit of scale.
    static var perScale: Int { suppliers.count }

    /// Branches of the same distributors, for scales above 1.
    private static let branchCities = [
        "Milwaukee", "Indianapolis", "Detroit", "St. Louis", "Minneapolis", "Columbus", "Cleveland", "Des Moines",
        "Grand Rapids", "Madison", "Fort Wayne", "Peoria", "Rockford", "Toledo", "Louisville",
    ]

    /// Thirty suppliers per unit of scale: the originals, then branches coded `LKQ-2`, `LKQ-3`…
    static func suppliers(scale: Int, ids: inout DemoIdentifiers, using random: inout DemoRandom) -> [Supplier] {
        var result: [Supplier] = []
        for copy in 1...scale {
            let city = branchCities[(copy - 2 + branchCities.count) % branchCities.count]
            for template in suppliers {
                let code = copy == 1 ? template.code : "\(template.code)-\(copy)"
                let name = switch copy {
                case 1: template.name
                case 2...(branchCities.count + 1): "\(template.name), \(city)"
                default: "\(template.name), branch \(copy)"
                }
                // Codes stay within 20 characters up to scale 100; a longer one is a programming error.
                result.append(Supplier(id: ids.next(), code: Code(code)!, name: name,
                                       leadTimeDays: random.int(in: template.leadTimeDays)))
            }
        }
        return result
    }
}

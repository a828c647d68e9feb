import AxleDomain
import Foundation

/// How a site keeps one part in stock: an (s, Q) rule reviewed every working evening — when
/// available stock less backorders plus what is on order falls to the reorder point, order
/// whole order quantities — and the supplier it buys from, with that supplier's lead time.
///
/// The reorder point covers expected demand over the lead time plus a safety margin that
/// differs by item, so most items are always there and a few run short now and then.
struct Replenishment: Sendable {
    /// In thousandths of the part's unit.
    let reorderPoint: Int64
    let orderQuantity: Int64
    let supplier: Supplier

    /// Safety factors: most items are covered well, some leanly, a few not at all.
    private static let safetyFactors = Weighted<Double>([(1.3, 70), (0.8, 20), (0, 10)])

    static func plan(for part: StockPart, demand: ItemDemand, at kind: Site.Kind, suppliers: SupplierBook,
                     using random: inout DemoRandom) -> Replenishment {
        let supplier = suppliers.supplier(for: part, at: kind, using: &random)
        let perDay = demand.perMonth / workingDaysPerMonth
        let (size, sizeSquare) = demand.sizeMoments
        let protection = Double(supplier.leadTimeDays) * 6 / 7 + 1
        let mean = perDay * protection * size
        let deviation = (perDay * protection * sizeSquare).squareRoot()
        let safety = safetyFactors.draw(using: &random)
        let reorderPoint = roundedUp(Int64((mean + safety * deviation).rounded(.up)), to: demand.unitMilli)
        // At least two demands' worth: even a slow mover is not reordered after every sale.
        let cover = Int64((max(perDay * coverDays(kind), 2) * size).rounded(.up))
        let orderQuantity = roundedUp(roundedUp(max(cover, part.packMilli), to: demand.unitMilli), to: part.packMilli)
        return Replenishment(reorderPoint: reorderPoint, orderQuantity: orderQuantity, supplier: supplier)
    }

    /// Working days in an average month (Saturdays count half).
    static let workingDaysPerMonth = 5.5 * 52 / 12

    /// Days of demand one order covers: the distribution center buys in bulk, the van restocks often.
    private static func coverDays(_ kind: Site.Kind) -> Double {
        switch kind {
        case .distributionCenter: 45
        case .dealership: 25
        case .workshop: 20
        case .mobileVan: 10
        case .branch, .plant: 25
        }
    }

    private static func roundedUp(_ value: Int64, to step: Int64) -> Int64 {
        (value + step - 1) / step * step
    }
}

/// The group's suppliers by code, and which one a site buys a part from.
struct SupplierBook: Sendable {
    private let byCode: [String: Supplier]

    init(_ suppliers: [Supplier]) {
        byCode = Dictionary(suppliers.map { ($0.code.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Genuine parts come from the make's own parts distribution; the distribution center buys
    /// aftermarket parts from their makers' distributors, the other sites from local distributors.
    func supplier(for part: StockPart, at kind: Site.Kind, using random: inout DemoRandom) -> Supplier {
        let code: String
        if let make = part.genuineMake {
            code = Self.genuineSuppliers[make] ?? "WORLDPAC"
        } else if part.category == .tyres {
            code = "ATD"
        } else if kind == .distributionCenter {
            code = Self.categorySuppliers[part.category] ?? "NAPA"
        } else {
            code = random.pick(Self.localDistributors)
        }
        // The codes are the demo's own supplier table; a missing one is a programming error.
        guard let supplier = byCode[code] else { preconditionFailure("no demo supplier \(code)") }
        return supplier
    }

    private static let genuineSuppliers = [
        "Ford": "MOTORCRAFT", "Toyota": "TOYOTA-PDC", "Chevrolet": "GM-GENUINE", "Ram": "MOPAR",
        "Honda": "HONDA-PDC", "Volkswagen": "VW-GENUINE", "BMW": "BMW-PDC", "Mercedes-Benz": "MB-PDC",
        "Nissan": "NISSAN-PDC", "Hyundai": "MOBIS",
    ]
    private static let categorySuppliers: [PartCategory: String] = [
        .filters: "MANN-HUMMEL", .brakes: "MIDWEST-BRAKE", .electrical: "BOSCH-AA", .suspension: "ZF-AM",
        .cooling: "VALEO-SERVICE", .fluids: "CASTROL", .body: "KEYSTONE", .accessories: "LKQ", .engine: "MAHLE-AM",
        .exhaust: "TENNECO", .lighting: "GREAT-LAKES", .steering: "ZF-AM", .drivetrain: "SCHAEFFLER",
    ]
    private static let localDistributors = ["WORLDPAC", "NAPA", "PARTS-AUTH", "GREAT-LAKES", "IMC"]
}

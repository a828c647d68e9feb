import AxleDomain
import Foundation

/// A part and the sites that keep it on their shelves, each in one of its bins.
struct StockedPart: Sendable {
    let part: StockPart
    /// Indices into the history's sites, ascending.
    let sites: [Int]
    /// The bin at each of those sites; assigned once every site's assortment is known.
    var bins: [Bin.ID] = []
}

/// Chooses which parts each site stocks, one catalogue batch at a time, as the catalogue is
/// generated: only the chosen parts are kept.
///
/// The distribution center carries a fixed share of the whole catalogue; a dealership, the
/// workshop and the van carry what their shelves hold, chosen from the first batch (a full
/// catalogue of its own). Choices are weighted draws without replacement (Efraimidis–Spirakis):
/// fast-moving categories are stocked more often, a franchised dealership stocks its make's
/// genuine parts and parts that fit its make, the van carries universal fast movers.
struct StockAssortment {
    private var random: DemoRandom
    private let sites: [Site]
    private(set) var parts: [StockedPart] = []
    private var batches = 0

    /// How often a category is asked for at a parts counter, relative to the others.
    static let velocity: [PartCategory: Double] = [
        .filters: 3, .brakes: 2.5, .fluids: 2.5, .electrical: 1.5, .lighting: 1.5, .tyres: 1.5, .cooling: 1.2,
        .suspension: 1, .engine: 0.8, .steering: 0.6, .exhaust: 0.6, .drivetrain: 0.5, .body: 0.5,
        .accessories: 0.4,
    ]

    init(seed: UInt64, sites: [Site]) {
        random = DemoRandom(seed: seed, stream: "assortment")
        self.sites = sites
    }

    /// Chooses among a batch's parts; `fitments` tell which makes a part fits.
    mutating func choose(from batch: CatalogueBatch) {
        let candidates = batch.parts.filter(StockPart.isStockable)
        var makes: [Part.ID: Set<String>] = [:]
        for fitment in batch.fitments { makes[fitment.partID, default: []].insert(fitment.make) }
        let stockParts = candidates.map { StockPart($0, makes: makes[$0.id] ?? []) }
        var chosenSites = [[Int]](repeating: [], count: stockParts.count)
        for (siteIndex, site) in sites.enumerated() {
            let count = min(target(for: site, batchSize: batch.parts.count), stockParts.count)
            guard count > 0 else { continue }
            for partIndex in draw(count, from: stockParts, for: site) { chosenSites[partIndex].append(siteIndex) }
        }
        for (part, siteIndices) in zip(stockParts, chosenSites) where !siteIndices.isEmpty {
            parts.append(StockedPart(part: part, sites: siteIndices))
        }
        batches += 1
    }

    /// The chosen parts, each in a bin at each of its sites. A site's parts fill its bins in
    /// order of category, so that filters share an aisle, as they would on real shelves.
    func slotted(into sites: [HistorySite]) -> [StockedPart] {
        var slotted = parts
        for (siteIndex, site) in sites.enumerated() {
            let here = slotted.indices.filter { slotted[$0].sites.contains(siteIndex) }
            let order = here.sorted { lhs, rhs in
                (Self.shelfOrder[slotted[lhs].part.category] ?? 0, lhs) < (Self.shelfOrder[slotted[rhs].part.category] ?? 0, rhs)
            }
            precondition(order.isEmpty || !site.bins.isEmpty, "a site that stocks parts has bins")
            for (position, index) in order.enumerated() {
                let bin = site.bins[position * site.bins.count / order.count]
                slotted[index].bins.append(bin.id)
            }
        }
        return slotted
    }

    private static let shelfOrder = Dictionary(
        uniqueKeysWithValues: PartCategory.allCases.enumerated().map { ($0.element, $0.offset) })

    /// How many of a batch's parts a site stocks: the distribution center 3,000 of every 20,000,
    /// the others a fixed number, all from the first batch.
    private func target(for site: Site, batchSize: Int) -> Int {
        switch site.kind {
        case .distributionCenter: batchSize * 3 / 20
        case .dealership: batches == 0 ? 1_500 : 0
        case .workshop: batches == 0 ? 500 : 0
        case .mobileVan: batches == 0 ? 80 : 0
        case .branch, .plant: 0
        }
    }

    /// `count` distinct indices, each part drawn with probability proportional to its weight.
    private mutating func draw(_ count: Int, from parts: [StockPart], for site: Site) -> [Int] {
        let franchise = SiteTemplates.franchise(of: site)
        var keys: [(key: Double, index: Int)] = []
        keys.reserveCapacity(parts.count)
        for (index, part) in parts.enumerated() {
            // u^(1/w), compared through its logarithm; 1 − unit() is never 0.
            let weight = Self.weight(of: part, at: site.kind, franchise: franchise)
            keys.append((log(1 - random.unit()) / weight, index))
        }
        keys.sort { ($0.key, $0.index) > ($1.key, $1.index) }
        return keys.prefix(count).map(\.index).sorted()
    }

    private static func weight(of part: StockPart, at kind: Site.Kind, franchise: String?) -> Double {
        let velocity = Self.velocity[part.category] ?? 1
        switch kind {
        case .dealership:
            guard let franchise else { return velocity }
            if let make = part.genuineMake { return velocity * (make == franchise ? 8 : 0.05) }
            if part.makes.isEmpty { return velocity * 2 }
            return velocity * (part.makes.contains(franchise) ? 3 : 0.3)
        case .workshop:
            // An independent workshop fits aftermarket parts to every make.
            return velocity * velocity * (part.genuineMake == nil ? 1 : 0.3)
        case .mobileVan:
            return velocity * velocity * velocity * (part.makes.isEmpty ? 4 : 1) * (part.genuineMake == nil ? 1 : 0.2)
        case .distributionCenter, .branch, .plant:
            return velocity
        }
    }
}

import AxleDomain

/// Catalogue rows generated together and written in one transaction.
struct CatalogueBatch: Sendable {
    var parts: [Part] = []
    var supersessions: [Supersession] = []
    var substitutes: [Substitute] = []
    var fitments: [Fitment] = []
}

/// Generates the parts catalogue one product line at a time.
///
/// A product line is one kind of part for one set of vehicles ("Front brake pad set, ceramic"
/// for a Ford F-150 2015–2020). One to three brands offer it, and their parts are approved
/// substitutes for each other. A brand's offering is usually one part number, sometimes a
/// supersession chain of renumbered parts, all fitting the same vehicles.
struct CatalogueFactory {
    private var random: DemoRandom
    private var numbers = PartNumberFactory()
    private let currency: Currency
    private let dates: SupersessionDates

    /// Brands offering one line: most lines come from one brand.
    private static let offeringCounts = Weighted([(1, 85), (2, 12), (3, 3)])
    /// Parts in a brand's offering: a renumbered part is a chain of 2–4 links (3–5 parts).
    /// About 2.5 % of offerings, which gives a few hundred chains per 20,000 parts.
    private static let chainLengths = Weighted([(1, 975), (3, 12), (4, 8), (5, 5)])
    /// Parts discontinued without a replacement.
    private static let obsoleteProbability = 0.02
    /// Of the brand pairs in a line, those approved as substitutes, in each direction.
    private static let substituteProbability = 0.6

    init(seed: UInt64, currency: Currency, dates: SupersessionDates) {
        random = DemoRandom(seed: seed, stream: "catalogue")
        self.currency = currency
        self.dates = dates
    }

    /// Product lines until the batch holds exactly `count` parts; the last line is cut short.
    mutating func batch(parts count: Int, ids: inout DemoIdentifiers) -> CatalogueBatch {
        var batch = CatalogueBatch()
        while batch.parts.count < count {
            productLine(into: &batch, room: count - batch.parts.count, ids: &ids)
        }
        return batch
    }

    private mutating func productLine(into batch: inout CatalogueBatch, room: Int, ids: inout DemoIdentifiers) {
        let template = PartTemplates.byCategory.draw(using: &random).draw(using: &random)
        let variant = random.pick(template.variants)
        let ranges = FitmentRanges.draw(for: template.fit, using: &random)
        // A universal line still has a make for its genuine brand: a Motorcraft battery, Mopar coolant.
        let make = ranges.first?.make ?? VehicleTemplates.byPopularity.draw(using: &random).make
        let baseCost = random.int64(in: template.cost)
        var used = 0
        var newest: [(part: Part, genuine: Bool)] = []
        for brand in brands(of: template, make: make) where used < room {
            let length = min(Self.chainLengths.draw(using: &random), room - used)
            var parts = offering(template, variant: variant, brand: brand, baseCost: baseCost, length: length,
                                 ids: &ids)
            batch.supersessions += supersessions(along: &parts, ids: &ids)
            batch.parts += parts
            for part in parts {
                batch.fitments += ranges.map { range in
                    Fitment(id: ids.next(), partID: part.id, make: range.make, model: range.model, years: range.years,
                            engine: range.engine)
                }
            }
            used += parts.count
            newest.append((parts[parts.count - 1], brand.genuine))
        }
        batch.substitutes += substitutes(among: newest, ids: &ids)
    }

    /// A brand's part numbers for the line, oldest first; all but the newest are superseded
    /// once their link takes effect.
    private mutating func offering(_ template: PartTemplate, variant: String, brand: Brand, baseCost: Int64,
                                   length: Int, ids: inout DemoIdentifiers) -> [Part] {
        // Genuine parts cost the dealer more than aftermarket ones.
        let factor = Int64(brand.genuine ? random.int(in: 115...140) : random.int(in: 85...115))
        let cost = max(1, baseCost * factor / 100)
        let coreCharge = template.coreCharge.map { random.int64(in: $0) / 100 * 100 }
        return (0..<length).map { index in
            // Older numbers carried older prices: about 4 % less per renumbering.
            let age = Int64(length - 1 - index)
            let partCost = max(1, cost * (100 - 4 * age) / 100)
            let lifecycle: PartLifecycle = if index < length - 1 {
                .superseded
            } else if length == 1 && random.chance(Self.obsoleteProbability) {
                .obsolete
            } else {
                .active
            }
            return Part(id: ids.next(), number: numbers.make(formats: brand.formats, using: &random),
                        description: "\(template.name), \(variant)", brand: brand.name, category: template.category,
                        unit: template.unit, packs: template.packs, cost: money(partCost),
                        listPrice: money(listPrice(cost: partCost)), criticality: template.criticality,
                        lifecycle: lifecycle, tracking: template.tracking, hazardous: template.hazardous,
                        coreCharge: coreCharge.map(money))
        }
    }

    /// Links each part of a chain to the next. A part whose link has not taken effect yet is
    /// still active: `superseded` is only true from the effective date on.
    private mutating func supersessions(along parts: inout [Part], ids: inout DemoIdentifiers) -> [Supersession] {
        guard parts.count > 1 else { return [] }
        let effective = dates.chain(links: parts.count - 1, using: &random)
        return (0..<(parts.count - 1)).map { index in
            if effective[index] > dates.today { parts[index].lifecycle = .active }
            return Supersession(id: ids.next(), partID: parts[index].id, replacementID: parts[index + 1].id,
                                interchangeability: random.chance(0.25) ? .twoWay : .oneWay,
                                effectiveOn: effective[index], useUpOldStock: random.chance(0.85))
        }
    }

    /// Up to the drawn number of distinct brands from the template; the genuine brand is the make's own.
    private mutating func brands(of template: PartTemplate, make: String) -> [Brand] {
        var pool = template.brands
        var chosen: [Brand] = []
        for _ in 0..<min(Self.offeringCounts.draw(using: &random), pool.count) {
            let name = pool.remove(at: random.int(in: 0...(pool.count - 1)))
            chosen.append(Brand(named: name, make: make))
        }
        return chosen
    }

    /// Each brand's newest part approved for the others, with the rule a parts counter would apply.
    private mutating func substitutes(among newest: [(part: Part, genuine: Bool)],
                                      ids: inout DemoIdentifiers) -> [Substitute] {
        var approved: [Substitute] = []
        for original in newest {
            for alternative in newest where alternative.part.id != original.part.id {
                guard random.chance(Self.substituteProbability) else { continue }
                let brand = alternative.part.brand
                let (rule, note): (Substitute.Rule, String) =
                    if alternative.genuine {
                        (.always, "Genuine part (\(brand)), same fitment")
                    } else if original.genuine {
                        (.customerApproval, "Aftermarket \(brand) instead of genuine: customer to approve")
                    } else if random.chance(0.3) {
                        (.always, "\(brand) equivalent, same specification")
                    } else {
                        (.whenOutOfStock, "\(brand) equivalent when \(original.part.brand) is out of stock")
                    }
                approved.append(Substitute(id: ids.next(), partID: original.part.id, substituteID: alternative.part.id,
                                           rule: rule, note: note))
            }
        }
        return approved
    }

    /// A list price for a gross margin of 25–55 % on it; above $10 it ends in .99, as on a parts
    /// counter, which keeps the margin within 25–60 %.
    private mutating func listPrice(cost: Int64) -> Int64 {
        let margin = Int64(random.int(in: 25...55))
        let price = (cost * 100 + (100 - margin) - 1) / (100 - margin)
        return price > 1000 ? price / 100 * 100 + 99 : price
    }

    private func money(_ minorUnits: Int64) -> Money {
        Money(minorUnits: minorUnits, currency: currency)
    }
}

/// A brand as one offering uses it: its name, number formats and whether it is the make's own.
private struct Brand {
    let name: String
    let formats: [String]
    let genuine: Bool

    init(named name: String, make: String) {
        if name == PartBrands.genuine {
            guard let own = PartBrands.genuineByMake[make] else { preconditionFailure("no genuine brand for \(make)") }
            self.init(name: own.brand, formats: own.formats, genuine: true)
        } else {
            guard let formats = PartBrands.formats[name] else { preconditionFailure("no number formats for \(name)") }
            self.init(name: name, formats: formats, genuine: false)
        }
    }

    private init(name: String, formats: [String], genuine: Bool) {
        self.name = name
        self.formats = formats
        self.genuine = genuine
    }
}

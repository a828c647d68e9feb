import AxleDomain

/// One kind of part in the demo catalogue ("Front brake pad set"): what every part of that kind
/// shares, and the ranges its individual parts are drawn from.
struct PartTemplate: Sendable {
    /// Which vehicles parts of this kind fit.
    enum Fit: Sendable {
        /// Fits any vehicle (fluids, bulbs, tyres by size): no fitment records.
        case universal
        /// Fits a make, model and year range, whatever the engine (brakes, body).
        case model
        /// Fits one engine of a model (filters, timing belts).
        case engine
    }

    let category: PartCategory
    /// The start of every description: "Front brake pad set".
    let name: String
    /// What tells parts of this kind apart: "ceramic", "semi-metallic".
    let variants: [String]
    let unit: UnitOfMeasure
    let packs: [PackConversion]
    /// Cost per unit, in minor units of the company currency.
    let cost: ClosedRange<Int64>
    /// Brand names; `PartBrands.genuine` stands for the fitted make's own brand.
    let brands: [String]
    let criticality: Criticality
    let fit: Fit
    let hazardous: Bool
    /// Set for remanufacturable parts: the core charge range.
    let coreCharge: ClosedRange<Int64>?
    let tracking: Tracking
    /// How common the kind is within its category, relative to the category's other kinds.
    let weight: Int

    init(_ category: PartCategory, _ name: String, _ variants: [String], unit: UnitOfMeasure = .each,
         packs: [(String, Int64)] = [], cost: ClosedRange<Int64>, brands: [String],
         criticality: Criticality = .routine, fit: Fit, hazardous: Bool = false,
         coreCharge: ClosedRange<Int64>? = nil, tracking: Tracking = .none, weight: Int = 1) {
        self.category = category
        self.name = name
        self.variants = variants
        self.unit = unit
        self.packs = packs.map { PackConversion(name: $0.0, quantity: Quantity(units: $0.1)) }
        self.cost = cost
        self.brands = brands
        self.criticality = criticality
        self.fit = fit
        self.hazardous = hazardous
        self.coreCharge = coreCharge
        self.tracking = tracking
        self.weight = weight
    }
}

/// A part in the company's catalogue: what it is, how it is counted, priced and controlled.
public struct Part: Hashable, Sendable, Encodable, Versioned {
    public typealias ID = Identifier<Part>

    public let id: ID
    /// Unique within the company.
    public let number: PartNumber
    public var description: String
    public var brand: String
    public var category: PartCategory
    public var unit: UnitOfMeasure
    /// Other units it is bought or sold in, each holding a quantity of `unit` (a box of 10).
    public var packs: [PackConversion]
    public var cost: Money
    public var listPrice: Money
    public var criticality: Criticality
    public var lifecycle: PartLifecycle
    public var tracking: Tracking
    public var hazardous: Bool
    /// Set for remanufacturable parts: charged on sale and refunded when the old part returns.
    public var coreCharge: Money?
    public var version: Int64

    public init(id: ID, number: PartNumber, description: String, brand: String, category: PartCategory,
                unit: UnitOfMeasure, packs: [PackConversion] = [], cost: Money, listPrice: Money,
                criticality: Criticality = .routine, lifecycle: PartLifecycle = .active,
                tracking: Tracking = .none, hazardous: Bool = false, coreCharge: Money? = nil,
                version: Int64 = 1) {
        self.id = id
        self.number = number
        self.description = description
        self.brand = brand
        self.category = category
        self.unit = unit
        self.packs = packs
        self.cost = cost
        self.listPrice = listPrice
        self.criticality = criticality
        self.lifecycle = lifecycle
        self.tracking = tracking
        self.hazardous = hazardous
        self.coreCharge = coreCharge
        self.version = version
    }
}

public enum PartCategory: String, ClosedSet {
    case filters, brakes, electrical, suspension, cooling, fluids, body, accessories
    case engine, exhaust, lighting, steering, drivetrain, tyres
}

public enum UnitOfMeasure: String, ClosedSet {
    case each, pair, set, litre, kilogram, metre
}

/// Another unit a part comes in, expressed in the part's own unit.
public struct PackConversion: Hashable, Sendable, Codable {
    /// `box`, `case`, `drum`…
    public let name: String
    public let quantity: Quantity

    public init(name: String, quantity: Quantity) {
        self.name = name
        self.quantity = quantity
    }
}

/// How much a missing part hurts.
public enum Criticality: String, ClosedSet {
    case safetyCritical, vehicleOffRoad, routine, cosmetic
}

/// Whether individual units or lots must be traced through the ledger.
public enum Tracking: String, ClosedSet {
    case none, lot, serial
}

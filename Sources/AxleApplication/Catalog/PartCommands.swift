public import AxleDomain
import AxleStore

/// Adds a part to the catalogue.
public struct CreatePart: Command {
    public struct Input: Sendable, Codable {
        public var number: PartNumber
        public var description: String
        public var brand: String
        public var category: PartCategory
        public var unit: UnitOfMeasure
        public var packs: [PackConversion]?
        public var cost: String
        public var listPrice: String
        public var criticality: Criticality?
        public var tracking: Tracking?
        public var hazardous: Bool?
        /// Present for core (remanufacturable) parts.
        public var coreCharge: String?

        public init(number: PartNumber, description: String, brand: String, category: PartCategory, unit: UnitOfMeasure, packs: [PackConversion]? = nil, cost: String, listPrice: String, criticality: Criticality? = nil, tracking: Tracking? = nil, hazardous: Bool? = nil, coreCharge: String? = nil) {
            self.number = number
            self.description = description
            self.brand = brand
            self.category = category
            self.unit = unit
            self.packs = packs
            self.cost = cost
            self.listPrice = listPrice
            self.criticality = criticality
            self.tracking = tracking
            self.hazardous = hazardous
            self.coreCharge = coreCharge
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editCatalog)
    }

    public func execute(in scope: WriteScope) async throws -> Part {
        let part = try await validated(in: scope)
        try await Self.record([part], in: scope)
        return part
    }

    /// The part the input describes, checked against the rules and the catalogue; not yet stored.
    func validated(in scope: WriteScope) async throws -> Part {
        let currency = try await scope.stores.company.get().currency
        let part = Part(
            id: scope.newID(), number: input.number,
            description: try Validate.text(input.description, field: "description"),
            brand: try Validate.text(input.brand, field: "brand", maximumLength: 80),
            category: input.category, unit: input.unit,
            packs: try PartRules.validPacks(input.packs ?? []),
            cost: try Validate.money(input.cost, field: "cost", currency: currency),
            listPrice: try Validate.money(input.listPrice, field: "listPrice", currency: currency),
            criticality: input.criticality ?? .routine, lifecycle: .active, tracking: input.tracking ?? .none,
            hazardous: input.hazardous ?? false,
            coreCharge: try input.coreCharge.map { try Validate.money($0, field: "coreCharge", currency: currency) })
        if try await scope.stores.parts.find(number: part.number) != nil {
            throw CatalogError.partNumberTaken(part.number)
        }
        return part
    }

    /// Stores validated parts, many to a statement (an import's batch), and audits each.
    static func record(_ parts: [Part], in scope: WriteScope) async throws {
        try await scope.stores.parts.insert(parts)
        for part in parts {
            try await scope.audit(.partCreate, entityID: part.id.description, before: Part?.none, after: part)
        }
    }
}

/// Changes a part's descriptive and commercial fields; the number never changes.
public struct UpdatePart: Command {
    /// Only the fields present change. `coreCharge: null` cannot be told from absent in JSON,
    /// so removing a core charge is its own flag.
    public struct Input: Sendable, Codable {
        public var description: String?
        public var brand: String?
        public var category: PartCategory?
        public var unit: UnitOfMeasure?
        public var packs: [PackConversion]?
        public var cost: String?
        public var listPrice: String?
        public var criticality: Criticality?
        public var lifecycle: PartLifecycle?
        public var tracking: Tracking?
        public var hazardous: Bool?
        public var coreCharge: String?
        public var removeCoreCharge: Bool?
        public var reason: String?

        public init(description: String? = nil, brand: String? = nil, category: PartCategory? = nil, unit: UnitOfMeasure? = nil, packs: [PackConversion]? = nil, cost: String? = nil, listPrice: String? = nil, criticality: Criticality? = nil, lifecycle: PartLifecycle? = nil, tracking: Tracking? = nil, hazardous: Bool? = nil, coreCharge: String? = nil, removeCoreCharge: Bool? = nil, reason: String? = nil) {
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
            self.removeCoreCharge = removeCoreCharge
            self.reason = reason
        }
    }

    public let partID: Part.ID
    public let expectedVersion: Int64
    public let input: Input

    public init(partID: Part.ID, expectedVersion: Int64, input: Input) {
        self.partID = partID
        self.expectedVersion = expectedVersion
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editCatalog)
    }

    public func execute(in scope: WriteScope) async throws -> Part {
        guard let before = try await scope.stores.parts.find(id: partID) else {
            throw CatalogError.partNotFound(partID.description)
        }
        let version = try before.nextVersion(expecting: expectedVersion)
        var part = try input.applied(to: before, currency: try await scope.stores.company.get().currency)
        part.version = version
        try await scope.stores.parts.update(part, replacing: before.version)
        try await scope.audit(.partUpdate, entityID: part.id.description,
                              before: before, after: part,
                              reason: try Validate.optionalText(input.reason, field: "reason", maximumLength: 500))
        return part
    }
}

extension UpdatePart.Input {
    /// The part with the fields present changed, each through its rule; the version is the caller's.
    func applied(to before: Part, currency: Currency) throws -> Part {
        var part = before
        if let value = description { part.description = try Validate.text(value, field: "description") }
        if let value = brand { part.brand = try Validate.text(value, field: "brand", maximumLength: 80) }
        if let value = category { part.category = value }
        if let value = unit { part.unit = value }
        if let value = packs { part.packs = try PartRules.validPacks(value) }
        if let value = cost { part.cost = try Validate.money(value, field: "cost", currency: currency) }
        if let value = listPrice { part.listPrice = try Validate.money(value, field: "listPrice", currency: currency) }
        if let value = criticality { part.criticality = value }
        if let value = lifecycle { part.lifecycle = try before.lifecycle.edit(to: value) }
        if let value = tracking { part.tracking = value }
        if let value = hazardous { part.hazardous = value }
        if removeCoreCharge == true { part.coreCharge = nil }
        if let value = coreCharge { part.coreCharge = try Validate.money(value, field: "coreCharge", currency: currency) }
        return part
    }
}

enum PartRules {
    static let maximumPacks = 10

    /// Pack names are distinct and each pack holds a positive quantity.
    static func validPacks(_ packs: [PackConversion]) throws -> [PackConversion] {
        guard packs.count <= maximumPacks else {
            throw ValidationError(field: "packs", reason: "at most \(maximumPacks) pack conversions")
        }
        var names: Set<String> = []
        return try packs.enumerated().map { index, pack in
            let name = try Validate.text(pack.name, field: "packs[\(index)].name", maximumLength: 40).lowercased()
            guard pack.quantity.isPositive else {
                throw ValidationError(field: "packs[\(index)].quantity", reason: "must be greater than zero")
            }
            guard names.insert(name).inserted else {
                throw ValidationError(field: "packs[\(index)].name", reason: "pack '\(name)' is listed twice")
            }
            return PackConversion(name: name, quantity: pack.quantity)
        }
    }
}

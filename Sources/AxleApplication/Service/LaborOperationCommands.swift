public import AxleDomain
import AxleStore

/// Adds a labor operation with its standard parts kit.
public struct CreateLaborOperation: Command {
    public struct Input: Sendable, Codable {
        public struct KitLine: Sendable, Codable {
            public var partId: Part.ID
            public var quantity: Quantity

            public init(partId: Part.ID, quantity: Quantity) {
                self.partId = partId
                self.quantity = quantity
            }
        }

        public var code: Code
        public var description: String
        public var standardHours: Quantity
        public var skill: Skill
        public var bayType: BayType
        public var kit: [KitLine]?

        public init(code: Code, description: String, standardHours: Quantity, skill: Skill, bayType: BayType,
                    kit: [KitLine]? = nil) {
            self.code = code
            self.description = description
            self.standardHours = standardHours
            self.skill = skill
            self.bayType = bayType
            self.kit = kit
        }
    }

    /// A day's work at most: longer jobs are planned as several operations.
    static let maximumHours = Quantity(units: 24)

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureService)
    }

    public func execute(in scope: WriteScope) async throws -> LaborOperation {
        let stores = scope.stores
        guard input.standardHours.isPositive, input.standardHours <= Self.maximumHours else {
            throw ValidationError(field: "standardHours", reason: "must be more than 0 and at most 24 hours")
        }
        var kit: [LaborOperation.KitLine] = []
        for (index, line) in (input.kit ?? []).enumerated() {
            let part = try await CatalogLookup.part(line.partId, in: stores, field: "kit[\(index)].partId")
            let quantity = try StockRules.positive(line.quantity, field: "kit[\(index)].quantity")
            guard !kit.contains(where: { $0.partID == part.id }) else {
                throw ValidationError(field: "kit[\(index)].partId", reason: "lists part \(part.number) twice")
            }
            kit.append(LaborOperation.KitLine(partID: part.id, quantity: quantity))
        }
        let operation = LaborOperation(
            id: scope.newID(), code: input.code, description: try Validate.text(input.description, field: "description"),
            standardHours: input.standardHours, skill: input.skill, bayType: input.bayType, kit: kit)
        if try await stores.laborOperations.find(code: operation.code) != nil {
            throw ServiceError.codeTaken(.laborOperation, operation.code)
        }
        try await stores.laborOperations.insert([operation])
        try await scope.audit(.laborOperationCreate, entityID: operation.id.description,
                              before: LaborOperation?.none, after: operation)
        return operation
    }
}

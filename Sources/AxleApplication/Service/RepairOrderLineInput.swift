public import AxleDomain
import AxleStore

/// Labor to add to a repair order: a standard operation, or free labor with hours and a skill.
public struct LaborLineInput: Sendable, Codable {
    public var operationId: LaborOperation.ID?
    public var description: String?
    public var hours: Quantity?
    public var skill: Skill?

    public init(operationId: LaborOperation.ID? = nil, description: String? = nil, hours: Quantity? = nil,
                skill: Skill? = nil) {
        self.operationId = operationId
        self.description = description
        self.hours = hours
        self.skill = skill
    }
}

/// A part to add to a repair order; the price defaults to the part's list price.
public struct PartLineInput: Sendable, Codable {
    public var partId: Part.ID
    public var quantity: Quantity
    public var unitPrice: String?

    public init(partId: Part.ID, quantity: Quantity, unitPrice: String? = nil) {
        self.partId = partId
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// Turns line inputs into repair-order lines in a given state.
struct RepairOrderLineBuilder {
    let scope: WriteScope
    let site: Site
    let vehicle: Vehicle
    let state: LineState

    /// Labor lines, and the parts their operations' kits bring for this vehicle.
    func labor(_ inputs: [LaborLineInput], field: String) async throws -> ([LaborLine], [PartLine]) {
        let stores = scope.stores
        var labor: [LaborLine] = []
        var operations: [LaborOperation] = []
        for (index, input) in inputs.enumerated() {
            let path = "\(field)[\(index)]"
            if let hours = input.hours, !hours.isPositive || hours > CreateLaborOperation.maximumHours {
                throw ValidationError(field: "\(path).hours", reason: "must be more than 0 and at most 24 hours")
            }
            if let id = input.operationId {
                let operation = try await ServiceLookup.operations([id], in: stores, field: "\(path).operationId")[0]
                operations.append(operation)
                labor.append(LaborLine(id: scope.newID(), operationID: operation.id, description: operation.description,
                                       hours: input.hours ?? operation.standardHours, skill: operation.skill,
                                       technicianID: nil, state: state))
            } else {
                guard let hours = input.hours, hours.isPositive, hours <= CreateLaborOperation.maximumHours else {
                    throw ValidationError(field: "\(path).hours", reason: "send hours (more than 0, at most 24) or an operationId")
                }
                guard let skill = input.skill else {
                    throw ValidationError(field: "\(path).skill", reason: "send the skill the work needs")
                }
                labor.append(LaborLine(
                    id: scope.newID(), operationID: nil,
                    description: try Validate.text(input.description ?? "", field: "\(path).description"),
                    hours: hours, skill: skill, technicianID: nil, state: state))
            }
        }
        let kit = try await PartsKit.resolve(operations, for: vehicle, at: site, now: scope.now, in: stores)
        // A line names the number the kit asks for, priced as the part it resolves to; reserving
        // applies the supply rule to it and splits the line by the numbers used.
        let parts = kit.needs.map { need in
            PartLine(id: scope.newID(), partID: need.requested.id, quantity: need.quantity,
                     unitPrice: need.part.listPrice, reservationID: nil, state: state)
        }
        return (labor, parts)
    }

    func parts(_ inputs: [PartLineInput], field: String) async throws -> [PartLine] {
        let stores = scope.stores
        let currency = try await stores.company.get().currency
        var lines: [PartLine] = []
        for (index, input) in inputs.enumerated() {
            let path = "\(field)[\(index)]"
            let part = try await CatalogLookup.part(input.partId, in: stores, field: "\(path).partId")
            let quantity = try StockRules.positive(input.quantity, field: "\(path).quantity")
            let price = try input.unitPrice.map { try Validate.money($0, field: "\(path).unitPrice", currency: currency) }
            lines.append(PartLine(id: scope.newID(), partID: part.id, quantity: quantity,
                                  unitPrice: price ?? part.listPrice, reservationID: nil, state: state))
        }
        return lines
    }
}

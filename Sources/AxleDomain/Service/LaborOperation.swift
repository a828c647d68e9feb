/// A standard piece of workshop work (`BRK-PAD-F`: replace front brake pads): how long it
/// takes, the skill and bay it needs, and the parts it usually uses.
public struct LaborOperation: Hashable, Sendable, Codable {
    public typealias ID = Identifier<LaborOperation>

    /// One part of the standard kit. The part is resolved for a vehicle through supersession
    /// (its current number) and fitment (an approved substitute that fits, when it does not).
    public struct KitLine: Hashable, Sendable, Codable {
        public let partID: Part.ID
        public let quantity: Quantity

        public init(partID: Part.ID, quantity: Quantity) {
            self.partID = partID
            self.quantity = quantity
        }
    }

    public let id: ID
    public let code: Code
    public var description: String
    /// Hours a trained technician takes: what the customer is charged and the slot is planned for.
    public var standardHours: Quantity
    public var skill: Skill
    public var bayType: BayType
    public var kit: [KitLine]

    public init(id: ID, code: Code, description: String, standardHours: Quantity, skill: Skill, bayType: BayType,
                kit: [KitLine]) {
        self.id = id
        self.code = code
        self.description = description
        self.standardHours = standardHours
        self.skill = skill
        self.bayType = bayType
        self.kit = kit
    }

    /// Whole minutes of `hours`, rounded up: a slot is never shorter than the work.
    public static func minutes(of hours: Quantity) -> Int64 {
        (hours.milli * 60 + Quantity.scale - 1) / Quantity.scale
    }
}

/// An approved alternative to a part, and when it may be used.
public struct Substitute: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Substitute>

    public enum Rule: String, ClosedSet {
        /// May always be used instead.
        case always
        /// Only when the part itself is not available.
        case whenOutOfStock
        /// Only after the customer agrees (different brand or appearance).
        case customerApproval
    }

    public let id: ID
    public let partID: Part.ID
    public let substituteID: Part.ID
    public let rule: Rule
    public let note: String

    public init(id: ID, partID: Part.ID, substituteID: Part.ID, rule: Rule, note: String) {
        self.id = id
        self.partID = partID
        self.substituteID = substituteID
        self.rule = rule
        self.note = note
    }
}

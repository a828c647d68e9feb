/// A bounded slice of a longer list, in a stable order.
public struct PageRequest<Key: Sendable>: Sendable {
    /// Return items strictly after this sort key; nil from the start.
    public let after: Key?
    public let limit: Int

    public static var maximumLimit: Int { 500 }
    public static var defaultLimit: Int { 50 }

    public init(after: Key?, limit: Int) {
        precondition((1...PageRequest.maximumLimit).contains(limit), "page limits are validated at the edge")
        self.after = after
        self.limit = limit
    }
}

/// A company Axle buys parts from.
public struct Supplier: Hashable, Sendable, Codable, Versioned {
    public typealias ID = Identifier<Supplier>

    public let id: ID
    public var code: Code
    public var name: String
    /// Promised days from order to receipt; measured reliability comes with purchasing.
    public var leadTimeDays: Int
    public var version: Int64

    public static let leadTimeRange = 0...365

    public init(id: ID, code: Code, name: String, leadTimeDays: Int, version: Int64 = 1) {
        self.id = id
        self.code = code
        self.name = name
        self.leadTimeDays = leadTimeDays
        self.version = version
    }
}

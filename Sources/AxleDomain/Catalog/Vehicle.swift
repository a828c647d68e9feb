/// A customer vehicle the company knows by its VIN, with what the VIN alone cannot tell.
public struct Vehicle: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Vehicle>

    public let id: ID
    public let vin: VIN
    public let make: String
    public let model: String
    public let modelYear: Int
    public let engine: String?

    public init(id: ID, vin: VIN, make: String, model: String, modelYear: Int, engine: String?) {
        self.id = id
        self.vin = vin
        self.make = make
        self.model = model
        self.modelYear = modelYear
        self.engine = engine
    }
}

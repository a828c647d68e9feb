/// Someone whose vehicles the workshop services: a private person or a fleet account.
public struct Customer: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Customer>

    public enum Kind: String, ClosedSet {
        case person, fleet
    }

    public let id: ID
    public var kind: Kind
    public var name: String
    public var email: String?
    public var phone: String?
    /// The fleet's account number with the dealer group.
    public var accountNumber: String?

    public init(id: ID, kind: Kind, name: String, email: String? = nil, phone: String? = nil,
                accountNumber: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.email = email
        self.phone = phone
        self.accountNumber = accountNumber
    }
}

/// A vehicle a customer owns or runs; a fleet knows its vehicles by unit number.
public struct CustomerVehicle: Hashable, Sendable, Codable {
    public let customerID: Customer.ID
    public let vehicleID: Vehicle.ID
    public var unitNumber: String?

    public init(customerID: Customer.ID, vehicleID: Vehicle.ID, unitNumber: String? = nil) {
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.unitNumber = unitNumber
    }
}

/// An odometer reading, as taken when a vehicle comes in.
public struct MileageReading: Hashable, Sendable, Codable {
    public let vehicleID: Vehicle.ID
    public let at: Instant
    public let kilometres: Int64

    public init(vehicleID: Vehicle.ID, at: Instant, kilometres: Int64) {
        self.vehicleID = vehicleID
        self.at = at
        self.kilometres = kilometres
    }
}

public import AxleDomain
import AxleStore

/// Adds a customer: a private person or a fleet account.
public struct CreateCustomer: Command {
    public struct Input: Sendable, Codable {
        public var kind: Customer.Kind
        public var name: String
        public var email: String?
        public var phone: String?
        public var accountNumber: String?

        public init(kind: Customer.Kind, name: String, email: String? = nil, phone: String? = nil,
                    accountNumber: String? = nil) {
            self.kind = kind
            self.name = name
            self.email = email
            self.phone = phone
            self.accountNumber = accountNumber
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageCustomers)
    }

    public func execute(in scope: WriteScope) async throws -> Customer {
        let customer = try input.customer(id: scope.newID())
        try await CustomerAccount.checkFree(customer, in: scope.stores)
        try await scope.stores.customers.insert([customer])
        try await scope.audit(.customerCreate, entityID: customer.id.description,
                              before: Customer?.none, after: customer)
        return customer
    }
}

/// Records that a customer owns or runs a registered vehicle (a fleet by its unit number).
public struct AddCustomerVehicle: Command {
    public struct Input: Sendable, Codable {
        public var vehicleId: Vehicle.ID
        public var unitNumber: String?

        public init(vehicleId: Vehicle.ID, unitNumber: String? = nil) {
            self.vehicleId = vehicleId
            self.unitNumber = unitNumber
        }
    }

    public let customerID: Customer.ID
    public let input: Input

    public init(customerID: Customer.ID, input: Input) {
        self.customerID = customerID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageCustomers)
    }

    public func execute(in scope: WriteScope) async throws -> CustomerVehicle {
        let stores = scope.stores
        let customer = try await ServiceLookup.customer(customerID, in: stores)
        let vehicle = try await ServiceLookup.vehicle(input.vehicleId, in: stores)
        if try await stores.customers.vehicles(of: customer.id).contains(where: { $0.vehicleID == vehicle.id }) {
            throw ServiceError.vehicleAlreadyOwned(vehicle.vin.rawValue)
        }
        let link = CustomerVehicle(customerID: customer.id, vehicleID: vehicle.id,
                                   unitNumber: try Validate.optionalText(input.unitNumber, field: "unitNumber",
                                                                         maximumLength: 40))
        try await stores.customers.addVehicles([link])
        try await scope.audit(.customerVehicleAdd, entityID: customer.id.description,
                              before: CustomerVehicle?.none, after: link)
        return link
    }
}

/// Records an odometer reading; readings never go backwards.
public struct RecordMileage: Command {
    public struct Input: Sendable, Codable {
        public var kilometres: Int64

        public init(kilometres: Int64) {
            self.kilometres = kilometres
        }
    }

    public let vehicleID: Vehicle.ID
    public let input: Input

    public init(vehicleID: Vehicle.ID, input: Input) {
        self.vehicleID = vehicleID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageCustomers)
    }

    public func execute(in scope: WriteScope) async throws -> MileageReading {
        let stores = scope.stores
        // Locked: the last reading is compared with this one, so two readings at once take turns.
        let vehicle = try await ServiceLookup.vehicle(vehicleID, in: stores, forUpdate: true)
        guard (0...5_000_000).contains(input.kilometres) else {
            throw ValidationError(field: "kilometres", reason: "must be between 0 and 5000000")
        }
        if let last = try await stores.customers.mileage(of: vehicle.id).first, last.kilometres > input.kilometres {
            throw ValidationError(field: "kilometres", reason: "is below the last reading (\(last.kilometres) km)")
        }
        let reading = MileageReading(vehicleID: vehicle.id, at: scope.now, kilometres: input.kilometres)
        try await stores.customers.recordMileage([reading])
        try await scope.audit(.vehicleMileage, entityID: vehicle.id.description,
                              before: MileageReading?.none, after: reading)
        return reading
    }
}

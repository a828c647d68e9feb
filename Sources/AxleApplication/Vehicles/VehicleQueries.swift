public import AxleDomain
public import AxleStore

/// VIN decoding and "which parts fit this vehicle?".
public struct VehicleQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    /// Decodes a VIN; a model year is read relative to the current year.
    public func decode(_ vin: VIN, as caller: Caller) throws -> DecodedVIN {
        try caller.principal.authorize(.readMasterData)
        return vin.decoded(referenceYear: BusinessDate.companyWide(runner.now).year)
    }

    public func vehicles(_ page: PageRequest<String>, as caller: Caller) async throws -> [Vehicle] {
        try await runner.read(.readMasterData, as: caller) { try await $0.vehicles.list(page) }
    }

    /// Parts whose fitment covers the vehicle. A registered vehicle is matched on make, model,
    /// year and engine; an unknown VIN only on what the VIN itself tells: make and model year.
    public func partsFitting(_ vin: VIN, _ page: PageRequest<PartNumber>, as caller: Caller) async throws -> FittingParts {
        let decoded = vin.decoded(referenceYear: BusinessDate.companyWide(runner.now).year)
        return try await runner.read(.readMasterData, as: caller) { stores in
            let description: VehicleDescription
            let vehicle = try await stores.vehicles.find(vin: vin)
            if let vehicle {
                description = VehicleDescription(make: vehicle.make, model: vehicle.model, year: vehicle.modelYear,
                                                 engine: vehicle.engine)
            } else {
                guard let make = decoded.make, let year = decoded.modelYear else {
                    throw VehicleError.vehicleNotIdentifiable(vin.rawValue)
                }
                description = VehicleDescription(make: make, model: nil, year: year, engine: nil)
            }
            let parts = try await stores.fitments.partsFitting(description, page)
            return FittingParts(vehicle: vehicle, decoded: decoded, matchedOn: description, parts: parts)
        }
    }
}

/// The answer to "what fits this VIN?": what was matched on, and the parts.
public struct FittingParts: Sendable {
    /// The registered vehicle, when the company knows the VIN.
    public let vehicle: Vehicle?
    public let decoded: DecodedVIN
    public let matchedOn: VehicleDescription
    public let parts: [Part]
}

/// Registers a customer vehicle so that fitment can use its model and engine.
public struct RegisterVehicle: Command {
    public struct Input: Sendable, Codable {
        public var vin: VIN
        public var model: String
        /// Defaults to the make decoded from the VIN.
        public var make: String?
        /// Defaults to the model year decoded from the VIN.
        public var modelYear: Int?
        public var engine: String?

        public init(vin: VIN, model: String, make: String? = nil, modelYear: Int? = nil, engine: String? = nil) {
            self.vin = vin
            self.model = model
            self.make = make
            self.modelYear = modelYear
            self.engine = engine
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.registerVehicles)
    }

    public func execute(in scope: WriteScope) async throws -> Vehicle {
        let decoded = input.vin.decoded(referenceYear: BusinessDate.companyWide(scope.now).year)
        guard let make = try Validate.optionalText(input.make, field: "make", maximumLength: 60) ?? decoded.make else {
            throw ValidationError(field: "make", reason: "the VIN does not tell the make; send it")
        }
        guard let year = input.modelYear ?? decoded.modelYear else {
            throw ValidationError(field: "modelYear", reason: "the VIN does not tell the model year; send it")
        }
        let vehicle = Vehicle(id: scope.newID(), vin: input.vin, make: make,
                              model: try Validate.text(input.model, field: "model", maximumLength: 60),
                              modelYear: try Validate.range(year, Fitment.modelYears, field: "modelYear"),
                              engine: try Validate.optionalText(input.engine, field: "engine", maximumLength: 60))
        if try await scope.stores.vehicles.find(vin: vehicle.vin) != nil {
            throw CatalogError.vinAlreadyRegistered(vehicle.vin.rawValue)
        }
        try await scope.stores.vehicles.insert([vehicle])
        try await scope.audit(.vehicleRegister, entityID: vehicle.id.description,
                              before: Vehicle?.none, after: vehicle)
        return vehicle
    }
}

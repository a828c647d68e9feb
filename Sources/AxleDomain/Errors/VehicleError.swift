/// Rules about vehicles beyond the VIN's own syntax.
public enum VehicleError: AxleError, Equatable {
    /// The VIN is valid but its manufacturer or model year is unknown and no vehicle is registered.
    case vehicleNotIdentifiable(String)

    public var code: String { "vehicle.not_identifiable" }

    public var message: String {
        switch self {
        case .vehicleNotIdentifiable(let vin):
            "\(vin) is a valid VIN, but its make or model year cannot be decoded; register the vehicle first"
        }
    }

    public var category: ErrorCategory { .ruleViolation }
}

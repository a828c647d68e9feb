public import AxleDomain

/// Why the demo dataset was not loaded.
public enum DemoError: AxleError, Equatable, CustomStringConvertible {
    /// The database already holds master data; a demo never mixes with real data.
    case databaseNotEmpty(found: [String])
    case scaleOutOfRange(Int)
    case daysOutOfRange(Int)

    public var code: String {
        switch self {
        case .databaseNotEmpty: "demo.database_not_empty"
        case .scaleOutOfRange: "demo.scale_out_of_range"
        case .daysOutOfRange: "demo.days_out_of_range"
        }
    }

    public var message: String {
        switch self {
        case .databaseNotEmpty(let found):
            "the database already has \(found.joined(separator: ", ")); load the demo into a new, empty database"
        case .scaleOutOfRange(let scale):
            "the scale must be from \(DemoDataset.scales.lowerBound) to \(DemoDataset.scales.upperBound), not \(scale)"
        case .daysOutOfRange(let days):
            "the days simulated must be from \(DemoDataset.simulatedDays.lowerBound) to "
                + "\(DemoDataset.simulatedDays.upperBound), not \(days)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .databaseNotEmpty: .conflict
        case .scaleOutOfRange, .daysOutOfRange: .invalidInput
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .databaseNotEmpty(let found): ["found": .list(found)]
        case .scaleOutOfRange(let scale): ["scale": .number(Int64(scale))]
        case .daysOutOfRange(let days): ["days": .number(Int64(days))]
        }
    }
}

/// An enumeration of string values. Decoding an unknown value names the allowed ones,
/// so a client that sends `"kind": "garage"` learns what it may send instead.
public protocol ClosedSet: RawRepresentable<String>, CaseIterable, Codable, Sendable {}

extension ClosedSet {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be one of: " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

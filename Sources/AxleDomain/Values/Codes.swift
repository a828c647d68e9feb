/// A part number as the company writes it: letters, digits and `-` `.` `/`, stored in upper case.
public struct PartNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let maximumLength = 40

    /// Normalises (trims, upper-cases) and validates; nil when the text cannot be a part number.
    public init?(_ text: String) {
        guard let normalized = CodeText.normalize(text, maximumLength: PartNumber.maximumLength,
                                                  extraCharacters: "-./") else { return nil }
        self.rawValue = normalized
    }

    public var description: String { rawValue }
    public static func < (lhs: PartNumber, rhs: PartNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self = try CodeText.decode(PartNumber.init, from: decoder,
                                   expectation: "a part number: letters, digits, '-', '.', '/'")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A short business code for a site, supplier or bin (`DLR-NORTH`, `A-01-03`), stored in upper case.
public struct Code: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let maximumLength = 20

    public init?(_ text: String) {
        guard let normalized = CodeText.normalize(text, maximumLength: Code.maximumLength,
                                                  extraCharacters: "-_") else { return nil }
        self.rawValue = normalized
    }

    public var description: String { rawValue }
    public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self = try CodeText.decode(Code.init, from: decoder,
                                   expectation: "a code of up to 20 letters, digits, '-' or '_'")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

enum CodeText {
    static func normalize(_ text: String, maximumLength: Int, extraCharacters: String) -> String? {
        let trimmed = trimmed(text).uppercased()
        guard !trimmed.isEmpty, trimmed.count <= maximumLength,
              trimmed.unicodeScalars.allSatisfy({ scalar in
                  (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                      || extraCharacters.unicodeScalars.contains(scalar)
              }) else { return nil }
        return trimmed
    }

    /// Drops surrounding spaces and tabs.
    static func trimmed(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first == " " || first == "\t" { characters.removeFirst() }
        while let last = characters.last, last == " " || last == "\t" { characters.removeLast() }
        return String(characters)
    }

    static func decode<Value>(_ make: (String) -> Value?, from decoder: any Decoder,
                              expectation: String) throws -> Value {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = make(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(expectation)")
        }
        return value
    }
}

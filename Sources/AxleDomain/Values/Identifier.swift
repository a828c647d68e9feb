public import Foundation

/// A typed identifier: `Identifier<Part>` and `Identifier<Site>` cannot be mixed up.
///
/// Identifiers are UUIDs; new ones are time-ordered (version 7) so that sorting by
/// identifier follows creation order, which keeps indexes and cursors stable.
public struct Identifier<Entity>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID) {
        self.rawValue = rawValue
    }

    /// Parses the canonical textual form; nil when the text is not a UUID.
    public init?(_ text: String) {
        // Identifiers are parsed for every row read and every request; the canonical form is
        // read directly, anything else as Foundation reads it (which tolerates some oddities).
        if let uuid = UUIDText.parseCanonical(text) ?? UUID(uuidString: text) {
            self.rawValue = uuid
        } else {
            return nil
        }
    }

    /// The lowercase canonical form, used in URLs, JSON and the database.
    public var description: String { UUIDText.lowercase(rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = Identifier(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an identifier: \(text)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The canonical text of a UUID (8-4-4-4-12 hexadecimal digits) without `sscanf`/`snprintf`,
/// which Foundation's `UUID(uuidString:)` and `uuidString` use: identifiers are converted for
/// every row and every JSON document, and those calls were a measurable share of a request.
enum UUIDText {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `uuid` as 36 lowercase characters; the same text as `uuid.uuidString.lowercased()`.
    static func lowercase(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits[Int(byte >> 4)]
                    text[position + 1] = digits[Int(byte & 0x0f)]
                    position += 2
                }
                return position
            }
        }
    }

    /// The UUID of canonical text (hexadecimal digits in either case, dashes in place), or nil
    /// for any other text.
    static func parseCanonical(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &bytes) { output -> Bool in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        guard utf8[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = value(of: utf8[position]), let low = value(of: utf8[position + 1]) else {
                        return false
                    }
                    output[index] = high << 4 | low
                    position += 2
                }
                return true
            }
            return complete ? UUID(uuid: bytes) : nil
        }
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A vehicle identification number (ISO 3779): 17 characters, stored in upper case.
///
/// A value of this type has passed validation: the right length, only the characters a VIN may
/// contain and, where the region requires one (see `requiresCheckDigit`), a correct check digit.
/// Decoding (manufacturer, region, model year) lives in `VINDecoding.swift`.
public struct VIN: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The normalised VIN: trimmed and upper-cased.
    public let rawValue: String

    /// Every VIN since 1981 has exactly this many characters.
    public static let length = 17

    /// Weights of positions 1–17 for the check digit; position 9, the check digit itself, weighs 0.
    static let checkDigitWeights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// Trims spaces and tabs, upper-cases and validates.
    ///
    /// Checks run in the order people can fix them: the length first, then the first bad
    /// character from the left, then the check digit.
    public init(validating text: String) throws(VINError) {
        let characters = Array(CodeText.trimmed(text))
        guard characters.count == VIN.length else { throw .wrongLength(characters.count) }
        var normalized = ""
        normalized.reserveCapacity(VIN.length)
        for (index, character) in characters.enumerated() {
            guard let upper = VIN.normalized(character) else {
                throw .invalidCharacter(character, position: index + 1)
            }
            normalized.unicodeScalars.append(upper)
        }
        let vin = VIN(normalized: normalized)
        if vin.requiresCheckDigit, let expected = VIN.checkDigit(for: normalized) {
            let found = vin.character(at: 9)
            guard expected == found else { throw .checkDigitMismatch(expected: expected, found: found) }
        }
        self = vin
    }

    /// Only for text that has already passed the character checks.
    private init(normalized: String) {
        self.rawValue = normalized
    }

    public var description: String { rawValue }

    /// The world manufacturer identifier, positions 1–3. A maker of fewer than 1,000 vehicles a
    /// year has a 9 in position 3 and is told apart by positions 12–14; this is still those 3.
    public var wmi: String { String(rawValue.prefix(3)) }

    /// Whether a wrong check digit makes the VIN invalid.
    ///
    /// North America (49 CFR 565) requires the check digit. So does China: GB 16735 (2004 and
    /// 2019) makes position 9 a check digit computed the North American way, so a Chinese VIN
    /// whose position 9 does not compute is mistyped, not foreign. ISO 3779 itself, and with it
    /// Europe and the rest of the world, leaves position 9 free: many European VINs carry a `Z`
    /// or a plain digit there.
    var requiresCheckDigit: Bool { region == .northAmerica || rawValue.hasPrefix("L") }

    /// Whether position 9 holds the check digit the other positions give.
    public var checkDigitStatus: CheckDigitStatus {
        VIN.checkDigit(for: rawValue) == character(at: 9) ? .valid : .notRequired
    }

    /// The check digit that 17 VIN characters call for at position 9, whatever position 9 holds now:
    /// the weighted sum of the transliterated characters modulo 11, with 10 written `X`.
    /// Accepts lower case; nil unless the text, trimmed, is 17 characters a VIN may contain.
    public static func checkDigit(for text: String) -> Character? {
        let characters = Array(CodeText.trimmed(text))
        guard characters.count == VIN.length else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, checkDigitWeights) {
            guard let upper = normalized(character),
                  let value = transliteration(of: Character(upper)) else { return nil }
            sum += value * weight
        }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    /// The number a VIN character stands for in the check-digit sum (ISO 3779 / 49 CFR 565):
    /// digits are themselves, A–H are 1–8, J–N are 1–5, P is 7, R is 9, S–Z are 2–9.
    /// Nil for I, O, Q, lower case and anything else a normalised VIN cannot hold.
    public static func transliteration(of character: Character) -> Int? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        let value = Int(scalar.value)
        switch scalar {
        case "0"..."9": return value - 48
        case "A"..."H": return value - 64 // A is 65
        case "J"..."N": return value - 73 // J is 74
        case "P": return 7
        case "R": return 9
        case "S"..."Z": return value - 81 // S is 83 and counts 2
        default: return nil
        }
    }

    /// The upper-case form of a character a VIN may contain, or nil. Only ASCII letters are
    /// upper-cased, one by one: `String.uppercased()` would turn `ß` into `SS` and change the length.
    static func normalized(_ character: Character) -> Unicode.Scalar? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        let upper: Unicode.Scalar
        if ("a"..."z").contains(scalar), let shifted = Unicode.Scalar(scalar.value - 32) {
            upper = shifted
        } else {
            upper = scalar
        }
        switch upper {
        case "I", "O", "Q": return nil
        case "0"..."9", "A"..."Z": return upper
        default: return nil
        }
    }

    /// The character at a 1-based position, as VIN positions are numbered.
    func character(at position: Int) -> Character {
        let scalars = rawValue.unicodeScalars
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: position - 1)])
    }

    public init(from decoder: any Decoder) throws {
        self = try CodeText.decode({ try? VIN(validating: $0) }, from: decoder, expectation: "a 17-character VIN")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Why a text is not a vehicle identification number. Positions are 1-based, as printed on VIN plates.
public enum VINError: AxleError, Equatable {
    /// The text, once trimmed, does not have 17 characters; the value is how many it has.
    case wrongLength(Int)
    /// The first character that a VIN cannot contain, as it was typed, and where it stands.
    case invalidCharacter(Character, position: Int)
    /// Position 9 does not match the check digit the other 16 characters give, where the region requires it.
    case checkDigitMismatch(expected: Character, found: Character)

    public var code: String {
        switch self {
        case .wrongLength: "vehicle.vin.wrong_length"
        case .invalidCharacter: "vehicle.vin.invalid_character"
        case .checkDigitMismatch: "vehicle.vin.check_digit"
        }
    }

    public var message: String {
        switch self {
        case .wrongLength(0):
            "a VIN has \(VIN.length) characters; none were given"
        case .wrongLength(let length):
            "a VIN has \(VIN.length) characters, not \(length)"
        case .invalidCharacter(let character, let position):
            "\(VINError.shown(character)) at position \(position) cannot appear in a VIN: "
                + VINError.hint(for: character)
        case .checkDigitMismatch(let expected, let found):
            "the check digit at position 9 is \(found), but the other characters give \(expected): "
                + "a character is probably mistyped"
        }
    }

    public var category: ErrorCategory { .invalidInput }

    public var details: [String: ErrorDetail] {
        switch self {
        case .wrongLength(let length):
            ["length": .number(Int64(length)), "expectedLength": .number(Int64(VIN.length))]
        case .invalidCharacter(let character, let position):
            ["character": .text(String(character)), "position": .number(Int64(position))]
        case .checkDigitMismatch(let expected, let found):
            ["position": .number(9), "expected": .text(String(expected)), "found": .text(String(found))]
        }
    }

    /// Quotes a printable character; spells out spaces and control characters, which quoting would hide.
    private static func shown(_ character: Character) -> String {
        if character == " " { return "a space" }
        let invisible = character.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
        guard invisible else { return "'\(character)'" }
        return character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// I, O and Q are left out of VINs because they read as 1 and 0; say so, as that is the usual slip.
    private static func hint(for character: Character) -> String {
        switch character {
        case "I", "i": "VINs never use I; it is probably the digit 1"
        case "O", "o", "Q", "q": "VINs never use O or Q; it is probably the digit 0"
        default: "use digits and the letters A to Z except I, O and Q"
        }
    }
}

import AxleDomain
import Foundation

/// Checks on a request body that `JSONDecoder` does not make, done on the parsed document
/// so that the offending field can be named.
enum JSONInspection {
    /// Refuses text values holding control characters (`"\u0000"`, escape sequences…), which
    /// would otherwise be stored and handed to every reader; tab, line feed and carriage
    /// return are text. Only bodies with a `\u` escape can hold one, so others are not parsed twice.
    static func rejectControlCharacters(in body: Data) throws {
        guard body.range(of: Data(#"\u"#.utf8)) != nil,
              let document = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return }
        if let field = paths(in: document, where: { ($0 as? String).map(hasControlCharacter) ?? false }).first {
            throw ValidationError(field: field, reason: "must not contain control characters")
        }
    }

    /// Why `JSONDecoder` refused a body that is valid JSON as a whole: Foundation's decoder
    /// reports a number that does not fit its field that way, without naming the field. A
    /// number beyond any field's range (a 64-bit integer) is named; otherwise, when exactly
    /// one number has a fraction, it is the one a whole-number field refused. Nil when the
    /// body is not valid JSON or the culprit cannot be told.
    static func numberThatDoesNotFit(in body: Data) -> ValidationError? {
        guard let document = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return nil
        }
        let tooLarge = paths(in: document) { number($0).map { !$0.isFinite || $0.magnitude >= 9.2e18 } ?? false }
        if let field = tooLarge.first { return ValidationError(field: field, reason: "is out of range") }
        let fractional = paths(in: document) { number($0).map { $0 != $0.rounded(.towardZero) } ?? false }
        return fractional.count == 1 ? ValidationError(field: fractional[0], reason: "must be a whole number") : nil
    }

    private static func number(_ value: Any) -> Double? {
        guard !(value is Bool), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    private static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
        }
    }

    /// The paths (`lines[2].note`) of the values that match, in key order.
    private static func paths(in value: Any, at path: String = "", where matches: (Any) -> Bool) -> [String] {
        switch value {
        case let object as [String: Any]:
            object.keys.sorted().flatMap { key in
                paths(in: object[key]!, at: path.isEmpty ? key : "\(path).\(key)", where: matches)
            }
        case let array as [Any]:
            array.enumerated().flatMap { index, element in paths(in: element, at: "\(path)[\(index)]", where: matches) }
        default:
            matches(value) ? [path.isEmpty ? "body" : path] : []
        }
    }
}

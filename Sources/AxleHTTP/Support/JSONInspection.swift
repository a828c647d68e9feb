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
        if let field = firstPath(in: document, where: { ($0 as? String).map(hasControlCharacter) ?? false }) {
            throw ValidationError(field: field, reason: "must not contain control characters")
        }
    }

    /// The first number too large for any field of the API (beyond a 64-bit integer), for a
    /// body `JSONDecoder` refused as a whole.
    static func numberOutOfRange(in body: Data) -> String? {
        guard let document = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return nil
        }
        return firstPath(in: document) { value in
            guard !(value is Bool), let number = value as? NSNumber else { return false }
            let double = number.doubleValue
            return !double.isFinite || double.magnitude >= 9.2e18
        }
    }

    private static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
        }
    }

    /// The path (`lines[2].note`) of the first value, in key order, that matches.
    private static func firstPath(in value: Any, at path: String = "", where matches: (Any) -> Bool) -> String? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let found = firstPath(in: object[key]!, at: child, where: matches) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstPath(in: element, at: "\(path)[\(index)]", where: matches) { return found }
            }
            return nil
        default:
            return matches(value) ? (path.isEmpty ? "body" : path) : nil
        }
    }
}

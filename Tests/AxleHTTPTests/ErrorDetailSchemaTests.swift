import AxleDomain
import AxleHTTP
import Foundation
import Testing

/// Every shape an error's details can take is described by the document's `ErrorDetail`
/// schema, by exactly one of its alternatives (it is a `oneOf`). Found by the fuzzer: a
/// refused reservation's 409 lists the other sites with stock as records, which the schema
/// did not allow.
struct ErrorDetailSchemaTests {
    static let samples: [ErrorDetail] = [
        .text("DLR-A"), .number(17), .list(["a", "b"]), .list([]), .records([]),
        .records([["siteId": .text("0193b6a0-6c1e-7d2a-9b4f-3e2d1c0b9a88"), "available": .text("36"),
                   "distanceKm": .number(12)]]),
    ]

    @Test(arguments: samples)
    func eachShapeMatchesExactlyOneAlternative(_ detail: ErrorDetail) throws {
        let document = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.text().utf8)) as? [String: Any]
        let schemas = try #require((document?["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let schema = try #require(schemas["ErrorDetail"] as? [String: Any])
        let alternatives = try #require(schema["oneOf"] as? [[String: Any]])
        let value = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(detail), options: .fragmentsAllowed)
        let matching = alternatives.filter { Self.value(value, matches: $0, schemas: schemas) }
        #expect(matching.count == 1, "\(detail) matches \(matching.count) alternatives")
    }

    /// The part of JSON Schema the `ErrorDetail` schema uses: `type`, `items`, `minItems`,
    /// `additionalProperties`, `oneOf` and `$ref` to a component schema.
    static func value(_ value: Any, matches schema: [String: Any], schemas: [String: Any]) -> Bool {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else { return false }
            return Self.value(value, matches: target, schemas: schemas)
        }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            return alternatives.filter { Self.value(value, matches: $0, schemas: schemas) }.count == 1
        }
        switch schema["type"] as? String {
        case "string":
            return value is String
        case "integer":
            guard let number = value as? NSNumber else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "array":
            guard let items = value as? [Any] else { return false }
            if let minimum = schema["minItems"] as? Int, items.count < minimum { return false }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.allSatisfy { Self.value($0, matches: itemSchema, schemas: schemas) }
        case "object":
            guard let object = value as? [String: Any] else { return false }
            let valueSchema = schema["additionalProperties"] as? [String: Any] ?? [:]
            return object.values.allSatisfy { Self.value($0, matches: valueSchema, schemas: schemas) }
        default:
            return false
        }
    }
}

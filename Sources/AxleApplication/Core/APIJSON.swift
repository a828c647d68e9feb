public import Foundation

/// The JSON shape of Axle's entities, shared by API responses and audit snapshots so that an
/// audit record shows an entity exactly as the API does.
///
/// Swift names identifiers `partID`; JSON names them `partId`, like the request fields.
public enum APIJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in
            let key = path.last!
            return key.intValue == nil ? JSONKey(jsonName(key.stringValue)) : key
        }
        return encoder
    }

    /// `partID` → `partId`, `requestID` → `requestId`, `operationIDs` → `operationIds` (as inputs
    /// spell them); other names are unchanged.
    static func jsonName(_ swiftName: String) -> String {
        if swiftName.count > 3 && swiftName.hasSuffix("IDs") { return swiftName.dropLast(3) + "Ids" }
        return swiftName.count > 2 && swiftName.hasSuffix("ID") ? swiftName.dropLast(2) + "Id" : swiftName
    }
}

private struct JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

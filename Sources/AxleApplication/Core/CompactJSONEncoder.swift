import Foundation

/// The API's JSON (`APIJSON.encoder()`: keys renamed by `APIJSON.jsonName`, sorted, compact) for
/// the values Axle encodes on every request — responses and audit snapshots — without
/// Foundation's general-purpose machinery, which was the largest share of a reservation's CPU
/// time after the database. It writes text, integers, decimals, booleans and nulls in nested
/// objects and arrays; any other scalar (floating point, `Date`, `Data`, `URL`) makes it give
/// the value to Foundation's encoder instead, so the output is always Foundation's. Debug builds
/// (the tests) check every result against Foundation's.
public enum CompactJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        let text: String
        do {
            var output: [UInt8] = []
            output.reserveCapacity(512)
            try TreeEncoder.node(for: value).write(to: &output)
            text = String(decoding: output, as: UTF8.self)
        } catch is Unsupported {
            return try foundation(value)
        }
        assert(text == (try? foundation(value)), "CompactJSON differs from Foundation's JSONEncoder for \(type(of: value))")
        return text
    }

    private static func foundation(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
    }

    /// Something this encoder leaves to Foundation's.
    struct Unsupported: Error {}
}

/// A JSON value being built; objects and arrays are references so nested containers fill them.
private enum Node {
    case scalar(String)
    case string(String)
    case object(ObjectNode)
    case array(ArrayNode)
    /// What a `superEncoder` was given, read when written.
    case deferred(TreeEncoder)

    func write(to output: inout [UInt8]) {
        switch self {
        case .scalar(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            Self.write(string: text, to: &output)
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            // Foundation's `.sortedKeys`: by the keys' UTF-8 bytes. A key set twice keeps its last
            // value, as in Foundation's encoder: equal keys stay in order, and all but the last are skipped.
            let members = object.members.enumerated().sorted { a, b in
                a.element.key == b.element.key ? a.offset < b.offset
                    : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
            }
            var first = true
            for (index, member) in members.enumerated() {
                if index + 1 < members.count, members[index + 1].element.key == member.element.key { continue }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.write(string: member.element.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.element.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .deferred(let encoder):
            (encoder.root ?? .object(ObjectNode())).write(to: &output)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for (index, element) in array.elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Foundation's escaping with `.withoutEscapingSlashes`: quote, backslash and control characters.
    private static func write(string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let utf8 = string.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(contentsOf: utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

private final class ObjectNode {
    var members: [(key: String, value: Node)] = []

    func set(_ value: Node, for key: String) {
        members.append((key, value))
    }
}

private final class ArrayNode {
    var elements: [Node] = []
}

/// The `Encoder` every value encodes itself into; one per value, nested values get their own.
private final class TreeEncoder: Encoder {
    var root: Node?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ObjectNode
        if case .object(let existing) = root {
            object = existing
        } else {
            object = ObjectNode()
            root = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ArrayNode
        if case .array(let existing) = root {
            array = existing
        } else {
            array = ArrayNode()
            root = .array(array)
        }
        return UnkeyedContainer(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// The node of a value: scalars directly, anything else through its own `encode(to:)`.
    /// Types are compared rather than cast: each `as!` is to the very type just compared.
    static func node<T: Encodable>(for value: T) throws -> Node {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int64.self { return .scalar(String(value as! Int64)) }
        if T.self == Int.self { return .scalar(String(value as! Int)) }
        if T.self == Bool.self { return .scalar(value as! Bool ? "true" : "false") }
        if T.self == Decimal.self {
            let decimal = value as! Decimal
            guard decimal.isFinite else { throw CompactJSON.Unsupported() }
            return .scalar(decimal.description)
        }
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self {
            throw CompactJSON.Unsupported()
        }
        // Foundation keeps a dictionary's keys as they are; only coding keys are renamed.
        if let dictionary = value as? any StringKeyedDictionary { return try dictionary.compactJSONNode() }
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        // A value that encodes nothing is an empty object in Foundation's encoder.
        return encoder.root ?? .object(ObjectNode())
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    var codingPath: [any CodingKey] { [] }

    /// As `APIJSON.encoder()` renames keys: integer keys (of `[Int: Value]`) stay as they are. Only a
    /// name ending in `ID` or `IDs` changes, which its last bytes tell without `jsonName`'s string work.
    private func name(_ key: Key) -> String {
        let name = key.stringValue
        guard key.intValue == nil else { return name }
        let bytes = name.utf8
        guard let last = bytes.last, last == UInt8(ascii: "D") || last == UInt8(ascii: "s") else { return name }
        return APIJSON.jsonName(name)
    }

    mutating func encodeNil(forKey key: Key) throws { object.set(.scalar("null"), for: name(key)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(.scalar(value ? "true" : "false"), for: name(key)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(.string(value), for: name(key)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(.scalar(String(value)), for: name(key)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw CompactJSON.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw CompactJSON.Unsupported() }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(try TreeEncoder.node(for: value), for: name(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        object.set(.object(nested), for: name(key))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        object.set(.array(nested), for: name(key))
        return UnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder()
        object.set(.deferred(encoder), for: "super")
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = TreeEncoder()
        object.set(.deferred(encoder), for: name(key))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: ArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(.scalar("null")) }
    mutating func encode(_ value: Bool) throws { array.elements.append(.scalar(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.elements.append(.string(value)) }
    mutating func encode(_ value: Int) throws { array.elements.append(.scalar(String(value))) }
    mutating func encode(_ value: Int64) throws { array.elements.append(.scalar(String(value))) }
    mutating func encode(_ value: Double) throws { throw CompactJSON.Unsupported() }
    mutating func encode(_ value: Float) throws { throw CompactJSON.Unsupported() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.elements.append(try TreeEncoder.node(for: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        array.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        array.elements.append(.array(nested))
        return UnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder()
        array.elements.append(.deferred(encoder))
        return encoder
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.root = .scalar("null") }
    mutating func encode(_ value: Bool) throws { encoder.root = .scalar(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.root = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.root = .scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.root = .scalar(String(value)) }
    mutating func encode(_ value: Double) throws { throw CompactJSON.Unsupported() }
    mutating func encode(_ value: Float) throws { throw CompactJSON.Unsupported() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.root = try TreeEncoder.node(for: value)
    }
}

/// `[String: Value]`, whose keys Foundation's encoder writes as they are.
private protocol StringKeyedDictionary {
    func compactJSONNode() throws -> Node
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func compactJSONNode() throws -> Node {
        let object = ObjectNode()
        for (key, value) in self { object.set(try TreeEncoder.node(for: value), for: key) }
        return .object(object)
    }
}

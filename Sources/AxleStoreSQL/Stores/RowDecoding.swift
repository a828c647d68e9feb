import AxleDomain
import AxleStore
import SQLKit

/// Typed column reads that turn a malformed stored value into `StoreError.corruptValue`.
extension SQLRow {
    func value<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(column: column, as: Value.self)
    }

    func identifier<Entity>(_ column: String) throws -> Identifier<Entity> {
        let text: String = try value(column)
        guard let id = Identifier<Entity>(text) else { throw StoreError.corruptValue(column: column, value: text) }
        return id
    }

    func code(_ column: String) throws -> Code {
        let text: String = try value(column)
        guard let code = Code(text) else { throw StoreError.corruptValue(column: column, value: text) }
        return code
    }

    func enumeration<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        let text: String = try value(column)
        guard let value = Value(rawValue: text) else { throw StoreError.corruptValue(column: column, value: text) }
        return value
    }

    func instant(_ column: String) throws -> Instant {
        Instant(microseconds: try value(column, as: Int64.self))
    }

    func optionalInstant(_ column: String) throws -> Instant? {
        try value(column, as: Int64?.self).map(Instant.init(microseconds:))
    }
}

/// Splits bulk inserts so no statement exceeds the backends' bind-parameter limits.
enum Batch {
    static let rowsPerStatement = 500

    static func each<Element>(_ elements: [Element], _ body: ([Element]) async throws -> Void) async throws {
        var start = 0
        while start < elements.count {
            let end = min(start + rowsPerStatement, elements.count)
            try await body(Array(elements[start..<end]))
            start = end
        }
    }
}

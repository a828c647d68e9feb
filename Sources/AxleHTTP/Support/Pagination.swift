import AxleDomain
import AxleStore
import Foundation
import Hummingbird

/// Cursor pagination, the same on every list: `?limit=N&cursor=C` in, `{"items": [...], "nextCursor": C}` out.
/// A cursor is the last item's sort key, opaque to clients (base64url).
struct PageParameters {
    let limit: Int
    let cursorKey: String?

    init(_ request: Request) throws {
        if let text = request.query("limit") {
            guard let limit = Int(text), (1...PageRequest<String>.maximumLimit).contains(limit) else {
                throw RequestError.invalidParameter(
                    name: "limit", reason: "must be a whole number from 1 to \(PageRequest<String>.maximumLimit)")
            }
            self.limit = limit
        } else {
            self.limit = PageRequest<String>.defaultLimit
        }
        if let cursor = request.query("cursor") {
            guard let key = Cursor.decode(cursor) else { throw RequestError.invalidCursor }
            self.cursorKey = key
        } else {
            self.cursorKey = nil
        }
    }

    /// A page request whose key type parses from the cursor text.
    func page<Key>(_ parse: (String) -> Key?) throws -> PageRequest<Key> {
        guard let cursorKey else { return PageRequest(after: nil, limit: limit) }
        guard let key = parse(cursorKey) else { throw RequestError.invalidCursor }
        return PageRequest(after: key, limit: limit)
    }
}

/// One page of a list.
struct Page<Item: Encodable>: Encodable {
    let items: [Item]
    /// Present when there may be more; pass it back as `cursor`.
    let nextCursor: String?

    init(_ items: [Item], limit: Int, key: (Item) -> String) {
        self.init(items, limit: limit, key: key, item: { $0 })
    }

    /// A page of results whose sort key is not part of the item shown (a search tier).
    init<Result>(_ results: [Result], limit: Int, key: (Result) -> String, item: (Result) -> Item) {
        self.items = results.map(item)
        self.nextCursor = results.count == limit ? results.last.map { Cursor.encode(key($0)) } : nil
    }
}

enum Cursor {
    static func encode(_ key: String) -> String {
        Data(key.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let key = String(data: data, encoding: .utf8) else { return nil }
        // No key Axle sorts by holds a control character; PostgreSQL refuses a NUL in text outright.
        guard !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return key
    }
}

extension Page {
    /// One page of a list read whole, in the order it was read: the items after the one the
    /// cursor names. For lists bounded by one site or one record (a site's technicians, an
    /// order's time entries, one row per site), which stay cheap to read whole, so that
    /// clients page them like every other list. A cursor whose item has left the list (a
    /// filter no longer matches it) is refused; the client starts again.
    init(slicing all: [Item], _ parameters: PageParameters, key: (Item) -> String) throws {
        var rest = all[...]
        if let after = parameters.cursorKey {
            guard let index = all.firstIndex(where: { key($0) == after }) else { throw RequestError.invalidCursor }
            rest = all[all.index(after: index)...]
        }
        self.init(Array(rest.prefix(parameters.limit)), limit: parameters.limit, key: key)
    }
}

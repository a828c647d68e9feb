import AxleDomain
import AxleStore
import Foundation
import SQLKit

struct SQLPartStore: PartStore {
    let sql: any SQLDatabase

    /// Every read joins the company row: amounts are stored in minor units of its currency.
    private static let select: SQLQueryString = """
        SELECT p.*, c.currency AS company_currency FROM parts p CROSS JOIN company c
        """

    private static let columns = [
        "id", "number", "description", "search_text", "brand", "category", "unit", "packs_json", "cost_minor",
        "list_price_minor", "criticality", "lifecycle", "tracking", "hazardous", "core_charge_minor", "version",
    ]

    func insert(_ parts: [Part]) async throws {
        try await Batch.each(parts) { chunk in
            var insert = sql.insert(into: "parts").columns(Self.columns)
            for part in chunk { insert = insert.values(try Self.values(part)) }
            try await insert.run()
        }
    }

    func update(_ part: Part, replacing version: Int64) async throws {
        // Every column but the identifier, the number (which never changes) and the version.
        let assignments = zip(Self.columns, try Self.values(part)).dropFirst(2).dropLast()
            .map { column, value -> SQLQueryString in "\(ident: column) = \(bind: value)" }
        try await VersionedRow.update(sql, table: "parts", id: part.id.description, expected: version,
                                      set: assignments.joined(separator: ", "))
    }

    func find(id: Part.ID) async throws -> Part? {
        try await sql.raw("\(Self.select) WHERE p.id = \(bind: id.description)").first().map(Self.part)
    }

    func find(number: PartNumber) async throws -> Part? {
        try await sql.raw("\(Self.select) WHERE p.number = \(bind: number.rawValue)").first().map(Self.part)
    }

    func find(ids: [Part.ID]) async throws -> [Part] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw("""
            \(Self.select) WHERE p.id IN (\(binds: ids.map(\.description))) ORDER BY p.number
            """).all().map(Self.part)
    }

    func search(_ query: PartQuery, _ page: PageRequest<PartNumber>) async throws -> [Part] {
        var conditions: [SQLQueryString] = ["p.number > \(bind: page.after?.rawValue ?? "")"]
        if let prefix = query.numberPrefix, !prefix.isEmpty {
            // A range, not LIKE: it uses the unique index on number with byte-wise collation.
            let upper = prefix + "\u{10FFFF}"
            conditions.append("p.number >= \(bind: prefix) AND p.number < \(bind: upper)")
        }
        for word in query.words {
            conditions.append("p.search_text LIKE \(bind: "%" + LikePattern.escape(word.lowercased()) + "%") ESCAPE '\\'")
        }
        if let category = query.category {
            conditions.append("p.category = \(bind: category.rawValue)")
        }
        let condition = conditions.joined(separator: " AND ")
        return try await sql.raw("\(Self.select) WHERE \(condition) ORDER BY p.number LIMIT \(literal: page.limit)")
            .all().map(Self.part)
    }

    private static func values(_ part: Part) throws -> [any Encodable & Sendable] {
        let packs = String(decoding: try JSONEncoder().encode(part.packs), as: UTF8.self)
        let searchText = "\(part.number.rawValue) \(part.description) \(part.brand)".lowercased()
        return [
            part.id.description, part.number.rawValue, part.description, searchText, part.brand,
            part.category.rawValue, part.unit.rawValue, packs, part.cost.minorUnits, part.listPrice.minorUnits,
            part.criticality.rawValue, part.lifecycle.rawValue, part.tracking.rawValue, part.hazardous,
            part.coreCharge?.minorUnits, part.version,
        ]
    }

    static func part(_ row: any SQLRow) throws -> Part {
        let code: String = try row.value("company_currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        let numberText: String = try row.value("number")
        guard let number = PartNumber(numberText) else {
            throw StoreError.corruptValue(column: "number", value: numberText)
        }
        let packsJSON: String = try row.value("packs_json")
        return Part(
            id: try row.identifier("id"), number: number, description: try row.value("description"),
            brand: try row.value("brand"), category: try row.enumeration("category"), unit: try row.enumeration("unit"),
            packs: try JSONDecoder().decode([PackConversion].self, from: Data(packsJSON.utf8)),
            cost: Money(minorUnits: try row.value("cost_minor"), currency: currency),
            listPrice: Money(minorUnits: try row.value("list_price_minor"), currency: currency),
            criticality: try row.enumeration("criticality"), lifecycle: try row.enumeration("lifecycle"),
            tracking: try row.enumeration("tracking"), hazardous: try row.value("hazardous"),
            coreCharge: try row.value("core_charge_minor", as: Int64?.self)
                .map { Money(minorUnits: $0, currency: currency) },
            version: try row.value("version"))
    }
}

enum LikePattern {
    /// Escapes LIKE's wildcards so user text matches literally (with `ESCAPE '\'`).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

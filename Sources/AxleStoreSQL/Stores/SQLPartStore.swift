import AxleDomain
import AxleStore
import Foundation
import SQLKit

struct SQLPartStore: PartStore {
    let sql: any SQLDatabase
    let dialect: Dialect

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

    /// Without words, a range over the part-number index. With words, the full-text index
    /// (migration 0007) finds the parts, one `PartSearchKey` tier after the other.
    func search(_ query: PartQuery, _ page: PageRequest<PartSearchKey>) async throws -> [PartMatch] {
        var filters: [SQLQueryString] = []
        if let prefix = query.numberPrefix, !prefix.isEmpty {
            // A range, not LIKE: it uses the unique index on number with byte-wise collation.
            let upper = prefix + "\u{10FFFF}"
            filters.append("p.number >= \(bind: prefix) AND p.number < \(bind: upper)")
        }
        if let category = query.category {
            filters.append("p.category = \(bind: category.rawValue)")
        }
        guard !query.words.isEmpty else {
            return try await parts(from: "parts p", filters, after: page.after, tier: 0, limit: page.limit)
        }
        let terms = PartSearchTerm.terms(query.words)
        guard !terms.isEmpty else { return [] }
        let search = SQLPartSearch(dialect: dialect)
        // Whether tier 0 has parts; checking the part numbers alone first is cheap.
        var numberMatches = try await search.count(PartSearchQuery.number(terms, dialect), upTo: 1, in: sql) > 0
        if numberMatches {
            let tierZero = PartSearchQuery.tier(0, terms, dialect, numberMatches: true)
            numberMatches = try await search.count(tierZero, upTo: 1, in: sql) > 0
        }
        var matches: [PartMatch] = []
        for tier in (page.after?.tier ?? 0)...PartSearchKey.tiers.upperBound where matches.count < page.limit {
            let text = PartSearchQuery.tier(tier, terms, dialect, numberMatches: numberMatches)
            // Number matches share a prefix, so they sit together in part-number order and a walk
            // would pass most of the catalogue first: tier 0 is always looked up and sorted.
            let size = tier == 0 ? (numberMatches ? 1 : 0)
                : try await search.count(text, upTo: SQLPartSearch.walkFrom, in: sql)
            guard size > 0 else { continue }
            let (source, condition) = search.matching(text, walk: tier > 0 && size >= SQLPartSearch.walkFrom)
            matches += try await parts(from: source, [condition] + filters, after: page.after, tier: tier,
                                       limit: page.limit - matches.count)
        }
        return matches
    }

    /// Parts of one search tier in part-number order, after the cursor when it is in this tier.
    private func parts(from source: SQLQueryString, _ conditions: [SQLQueryString], after: PartSearchKey?, tier: Int,
                       limit: Int) async throws -> [PartMatch]
    {
        if let after, after.tier > tier { return [] }
        let cursor = after?.tier == tier ? after?.number.rawValue ?? "" : ""
        let condition = (["p.number > \(bind: cursor)"] + conditions).joined(separator: " AND ")
        let rows = try await sql.raw("""
            SELECT p.*, c.currency AS company_currency FROM \(source) CROSS JOIN company c
            WHERE \(condition) ORDER BY p.number LIMIT \(literal: limit)
            """).all()
        return try rows.map { row in
            let part = try Self.part(row)
            return PartMatch(part: part, key: PartSearchKey(tier: tier, number: part.number))
        }
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

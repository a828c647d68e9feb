import SQLKit

/// What differs between the backends' full-text indexes (migration 0007) in a part search;
/// `SQLPartStore.search` writes the rest once.
///
/// A search reads one tier at a time, each in part-number order, so a page never ranks every
/// match. On SQLite a tier with many matches (`filter` in a catalogue of 100,000 parts: about
/// 15,000) is read by walking the part-number index, keeping the rows the full-text index
/// lists, until the page is full; a tier with few matches is read through those rows and
/// sorted. Ranking every match in one query cost several times more for common words
/// (docs/benchmarks.md, "Part search").
struct SQLPartSearch {
    let terms: [PartSearchTerm]
    let dialect: Dialect

    /// From this many matches on, a tier is walked in part-number order rather than sorted.
    static let walkFrom = 1_000

    /// The tier's matches, counted up to `walkFrom`.
    func size(of tier: Int, in sql: any SQLDatabase) async throws -> Int {
        let query = PartSearchQuery.tier(tier, terms, dialect)
        let matches: SQLQueryString = switch dialect {
        case .sqlite: "SELECT rowid FROM parts_search WHERE parts_search MATCH \(bind: query)"
        case .postgres: "SELECT 1 FROM parts p WHERE p.search_document @@ CAST(\(bind: query) AS tsquery)"
        }
        let row = try await sql.raw("""
            SELECT count(*) AS size FROM (\(matches) LIMIT \(literal: Self.walkFrom)) tier
            """).first()
        return try row?.value("size") ?? 0
    }

    /// The rows to read for a tier of `size` matches, with the parts as `p`, and the condition
    /// that a part is in the tier.
    func tier(_ tier: Int, size: Int) -> (source: SQLQueryString, condition: SQLQueryString) {
        let query = PartSearchQuery.tier(tier, terms, dialect)
        switch dialect {
        case .sqlite where size < Self.walkFrom:
            // CROSS JOIN fixes SQLite's join order: the index's few matches, each looked up.
            return ("parts_search CROSS JOIN parts p ON p.rowid = parts_search.rowid",
                    "parts_search MATCH \(bind: query)")
        case .sqlite:
            // The unary `+` keeps SQLite from looking parts up by these rowids, so it walks the
            // part-number index instead (or the category's) and stops at the limit.
            return ("parts p", "+p.rowid IN (SELECT rowid FROM parts_search WHERE parts_search MATCH \(bind: query))")
        case .postgres:
            return ("parts p", "p.search_document @@ CAST(\(bind: query) AS tsquery)")
        }
    }
}

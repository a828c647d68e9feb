import SQLKit

/// What differs between the backends' full-text indexes (migration 0007) in a part search;
/// `SQLPartStore.search` writes the rest once.
///
/// A search reads one tier at a time, each in part-number order, so a page never ranks every
/// match. On SQLite a tier of description words with many matches (`front` in the demo's
/// 100,000 parts: about 21,000) is read by walking the part-number index, keeping the rows the
/// full-text index lists, until the page is full; a tier with few matches is read through
/// those rows and sorted. Ranking every match in one query cost several times more for common
/// words (docs/benchmarks.md, "Part search").
struct SQLPartSearch {
    let dialect: Dialect

    /// From this many matches on, a tier is walked in part-number order rather than sorted.
    static let walkFrom = 1_000

    /// The full-text query's matches, counted up to `limit`.
    func count(_ query: String, upTo limit: Int, in sql: any SQLDatabase) async throws -> Int {
        let matches: SQLQueryString = switch dialect {
        case .sqlite: "SELECT rowid FROM parts_search WHERE parts_search MATCH \(bind: query)"
        case .postgres: "SELECT 1 FROM parts p WHERE p.search_document @@ CAST(\(bind: query) AS tsquery)"
        }
        let row = try await sql.raw("""
            SELECT count(*) AS size FROM (\(matches) LIMIT \(literal: limit)) counted
            """).first()
        return try row?.value("size") ?? 0
    }

    /// The rows to read for the query's matches, with the parts as `p`, and the condition that
    /// a part matches; `walk` reads them in part-number order on SQLite (see above).
    func matching(_ query: String, walk: Bool) -> (source: SQLQueryString, condition: SQLQueryString) {
        switch dialect {
        case .sqlite where walk:
            // The unary `+` keeps SQLite from looking parts up by these rowids, so it walks the
            // part-number index instead (or the category's) and stops at the limit.
            return ("parts p", "+p.rowid IN (SELECT rowid FROM parts_search WHERE parts_search MATCH \(bind: query))")
        case .sqlite:
            // CROSS JOIN fixes SQLite's join order: the index's matches, each looked up.
            return ("parts_search CROSS JOIN parts p ON p.rowid = parts_search.rowid",
                    "parts_search MATCH \(bind: query)")
        case .postgres:
            return ("parts p", "p.search_document @@ CAST(\(bind: query) AS tsquery)")
        }
    }
}

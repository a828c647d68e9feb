import Foundation

/// The words of a `PartQuery` as both backends match them, and the full-text queries built
/// from them. Words are split at anything but letters and digits and lower-cased, as the
/// index splits the parts' text (migration 0007), so only letters and digits reach a full-text
/// query: quotes, operators, `*` and `:` in user input are separators, never syntax.
struct PartSearchTerm: Equatable {
    /// Matches every word starting with it.
    let prefix: String
    /// The whole words it stands for: the word as typed and, for a plural, its singulars.
    let words: [String]

    static func terms(_ query: [String]) -> [PartSearchTerm] {
        query.flatMap { word in
            word.lowercased().split { !($0.isLetter || $0.isNumber) }.map { PartSearchTerm(String($0)) }
        }
    }

    /// `pads` → prefix `pad`; `boxes` → `box`; `batteries` → `batter` (which starts "battery").
    /// Only words of letters are folded, and the prefix keeps at least three characters.
    init(_ word: String) {
        guard word.count >= 4, word.allSatisfy(\.isLetter), word.hasSuffix("s"), !word.hasSuffix("ss") else {
            self.prefix = word
            self.words = [word]
            return
        }
        var singulars = [String(word.dropLast())]
        var prefix = singulars[0]
        if word.hasSuffix("es"), word.count >= 5 {
            singulars.append(String(word.dropLast(2)))
            prefix = singulars[1]
        }
        if word.hasSuffix("ies"), word.count >= 6 {
            singulars.append(String(word.dropLast(3)) + "y")
            prefix = String(word.dropLast(3))
        }
        self.prefix = prefix
        self.words = [word] + singulars
    }
}

/// Full-text query text for one backend.
enum PartSearchQuery {
    /// The parts of one `PartSearchKey` tier: every term matches the start of a word, and
    /// 0: some term matches the start of a word of the number;
    /// 1: not so, but every term is a whole word;
    /// 2: neither.
    /// When tier 0 is empty, no match is a number match and tiers 1 and 2 need not exclude
    /// them (`numberMatches` false), which spares the index a query per tier.
    static func tier(_ tier: Int, _ terms: [PartSearchTerm], _ dialect: Dialect, numberMatches: Bool) -> String {
        let (all, whole, number) = (all(terms, dialect), whole(terms, dialect), number(terms, dialect))
        switch (dialect, tier, numberMatches) {
        case (.sqlite, 0, _): return "(\(all)) AND (\(number))"
        case (.sqlite, 1, true): return "(\(whole)) NOT (\(number))"
        case (.sqlite, 1, false): return whole
        case (.sqlite, _, true): return "(\(all)) NOT ((\(whole)) OR (\(number)))"
        case (.sqlite, _, false): return "(\(all)) NOT (\(whole))"
        case (.postgres, 0, _): return "(\(all)) & (\(number))"
        case (.postgres, 1, true): return "(\(whole)) & !(\(number))"
        case (.postgres, 1, false): return whole
        case (.postgres, _, true): return "(\(all)) & !(\(whole)) & !(\(number))"
        case (.postgres, _, false): return "(\(all)) & !(\(whole))"
        }
    }

    /// Every term matches the start of a word.
    private static func all(_ terms: [PartSearchTerm], _ dialect: Dialect) -> String {
        switch dialect {
        case .sqlite: terms.map { fts5($0.prefix) + "*" }.joined(separator: " AND ")
        case .postgres: terms.map { lexeme($0.prefix) + ":*" }.joined(separator: " & ")
        }
    }

    /// Every term is a whole word. Each of them starts with its term's prefix, so these parts
    /// also match `all`.
    private static func whole(_ terms: [PartSearchTerm], _ dialect: Dialect) -> String {
        switch dialect {
        case .sqlite:
            terms.map { "(" + $0.words.map(fts5).joined(separator: " OR ") + ")" }.joined(separator: " AND ")
        case .postgres:
            terms.map { "(" + $0.words.map(lexeme).joined(separator: " | ") + ")" }.joined(separator: " & ")
        }
    }

    /// Some term matches the start of a word of the part number (weight A on PostgreSQL).
    static func number(_ terms: [PartSearchTerm], _ dialect: Dialect) -> String {
        switch dialect {
        case .sqlite: "number : (" + terms.map { fts5($0.prefix) + "*" }.joined(separator: " OR ") + ")"
        case .postgres: terms.map { lexeme($0.prefix) + ":*A" }.joined(separator: " | ")
        }
    }

    /// An FTS5 string: in double quotes, a double quote doubled.
    private static func fts5(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A `tsquery` lexeme: in single quotes, a quote doubled and a backslash escaped.
    private static func lexeme(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

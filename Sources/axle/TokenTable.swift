import AxleApplication
import AxleDomain
import Foundation

/// `axle token list` as aligned columns, one token a line under a header; times in UTC.
struct TokenTable {
    static let header = ["ID", "NAME", "ROLE", "SITES", "CREATED", "EXPIRES", "LAST USED", "REVOKED"]

    let rows: [[String]]

    init(_ tokens: [TokenSummary]) {
        rows = [Self.header] + tokens.map { token in
            [token.id.description, token.name, token.role.rawValue,
             token.sites.map { $0.isEmpty ? "none" : $0.map(\.rawValue).joined(separator: ",") } ?? "all",
             token.createdAt.description, token.expiresAt?.description ?? "never",
             token.lastUsedAt?.description ?? "never", token.revokedAt?.description ?? "-"]
        }
    }

    var text: String {
        let widths = Self.header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

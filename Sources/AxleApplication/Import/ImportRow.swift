/// One data row of an import file, its cells addressed by column name.
public struct ImportRow: Sendable {
    /// The row's number in the file, the header being row 1.
    public let number: Int
    /// The cells as the file held them, in the header's order (for the rejected-rows file).
    public let cells: [String]
    let columnIndex: [String: Int]

    /// Whether the file has the column at all (an optional column may be left out).
    func has(_ column: String) -> Bool { columnIndex[column] != nil }

    /// The cell with surrounding white space removed; empty when the column is absent or the row short.
    subscript(column: String) -> String {
        guard let index = columnIndex[column], index < cells.count else { return "" }
        return cells[index].trimmingSpaces()
    }
}

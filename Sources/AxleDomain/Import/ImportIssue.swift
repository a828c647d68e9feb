/// One problem with one row: where it is (the file's row number, counting the header as row 1,
/// and the column; empty when the row as a whole is at fault), what it held and why it is refused.
public struct ImportIssue: Hashable, Sendable, Codable {
    public let row: Int
    public let column: String
    public let value: String
    public let reason: String

    public init(row: Int, column: String, value: String, reason: String) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// `row 4, column cost ("abc"): not an amount`, as the command line prints it.
    public var description: String {
        let place = column.isEmpty ? "row \(row)" : "row \(row), column \(column) (\"\(value)\")"
        return "\(place): \(reason)"
    }
}

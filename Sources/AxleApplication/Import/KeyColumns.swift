/// What a cell holding a business key should look like, as a rejected row's reason says it.
enum CodeColumn {
    static let expectation = "a code of up to 20 letters, digits, '-' or '_'"
}

enum PartColumn {
    static let expectation = "a part number: letters, digits, '-', '.', '/'"
}

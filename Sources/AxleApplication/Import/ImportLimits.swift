/// How large an import may be: past either limit the file is refused before any row is read
/// into the database. Declared once; `docs/import.md` states the same figures.
public struct ImportLimits: Sendable {
    public let maximumBytes: Int
    public let maximumRows: Int

    public init(maximumBytes: Int, maximumRows: Int) {
        self.maximumBytes = maximumBytes
        self.maximumRows = maximumRows
    }

    /// 64 MiB and 200,000 data rows: twice the largest catalogue the benchmark loads.
    public static let standard = ImportLimits(maximumBytes: 64 << 20, maximumRows: 200_000)
}

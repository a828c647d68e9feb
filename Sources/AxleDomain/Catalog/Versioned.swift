/// Master data edited by people carries a version: an update names the version it read
/// (HTTP `If-Match`), and a stale one is refused instead of silently overwriting.
public protocol Versioned {
    var version: Int64 { get set }
}

extension Versioned {
    /// Checks the caller's expected version, then returns the next one.
    public func nextVersion(expecting expected: Int64) throws(RequestError) -> Int64 {
        guard expected == version else { throw .staleVersion(current: version) }
        return version + 1
    }
}

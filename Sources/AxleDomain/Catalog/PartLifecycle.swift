/// Where a part is in its life. `superseded` is entered only by recording a supersession.
public enum PartLifecycle: String, ClosedSet {
    case active, superseded, obsolete

    /// The changes people may make by editing the part.
    public var allowedEdits: [PartLifecycle] {
        switch self {
        case .active: [.obsolete]
        case .superseded: [.obsolete]
        case .obsolete: [.active]
        }
    }

    /// Checks an edit of the lifecycle; staying put is always allowed.
    public func edit(to target: PartLifecycle) throws(CatalogError) -> PartLifecycle {
        guard target == self || allowedEdits.contains(target) else {
            throw .lifecycleChangeNotAllowed(from: self, to: target, allowed: allowedEdits)
        }
        return target
    }
}

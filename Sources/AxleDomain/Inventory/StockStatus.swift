/// The condition of physical stock. Only `unrestricted` stock can be reserved or issued.
public enum StockStatus: String, ClosedSet {
    /// Usable.
    case unrestricted
    /// Received, not yet inspected.
    case qualityHold
    case damaged
    /// Administratively unusable (a recall hold, a dispute).
    case blocked
    /// On its way between sites; counted at the destination as inbound, usable by neither.
    case inTransit

    /// Status changes a stock move may make, and what each is called.
    public static let moves: [StockMoveKind: (from: StockStatus, to: StockStatus)] = [
        .release: (.qualityHold, .unrestricted),
        .reject: (.qualityHold, .damaged),
        .block: (.unrestricted, .blocked),
        .unblock: (.blocked, .unrestricted),
        .markDamaged: (.unrestricted, .damaged),
    ]
}

/// What a stock move does. `binMove` keeps the status and changes the bin.
public enum StockMoveKind: String, ClosedSet {
    case release, reject, block, unblock, markDamaged, binMove
}

/// Who owns stock: the company, or a supplier until the stock is consumed.
public enum Ownership: String, ClosedSet {
    case own, consigned
}

/// An exception item: a difference found when a transfer was received (short, over or
/// damaged), open until someone resolves it.
public struct TransferException: Hashable, Sendable, Encodable {
    public typealias ID = Identifier<TransferException>

    public enum Kind: String, ClosedSet {
        case short, over, damaged
    }

    public enum State: String, ClosedSet {
        case open, resolved
    }

    /// A difference of one kind and its size.
    public struct Discrepancy: Hashable, Sendable {
        public let kind: Kind
        public let quantity: Quantity

        public init(kind: Kind, quantity: Quantity) {
            self.kind = kind
            self.quantity = quantity
        }
    }

    public let id: ID
    public let kind: Kind
    public let transferID: Transfer.ID
    public let partID: Part.ID
    /// The receiving site, where the difference was found.
    public let siteID: Site.ID
    public let quantity: Quantity
    public let state: State
    public let createdAt: Instant

    public init(id: ID, kind: Kind, transferID: Transfer.ID, partID: Part.ID, siteID: Site.ID, quantity: Quantity,
                state: State = .open, createdAt: Instant) {
        self.id = id
        self.kind = kind
        self.transferID = transferID
        self.partID = partID
        self.siteID = siteID
        self.quantity = quantity
        self.state = state
        self.createdAt = createdAt
    }
}

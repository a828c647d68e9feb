/// Where a transfer is: requested → approved → shipped → received; cancelled before it ships.
public enum TransferState: String, ClosedSet {
    case requested, approved, shipped, received, cancelled

    /// Every legal transition, declared once: from a state, an event leads to the next state.
    /// Whatever is not listed is refused.
    public static let transitions: [TransferState: [TransferEvent: TransferState]] = [
        .requested: [.approve: .approved, .cancel: .cancelled],
        .approved: [.ship: .shipped, .cancel: .cancelled],
        .shipped: [.receive: .received],
        .received: [:],
        .cancelled: [:],
    ]

    /// The events this state accepts, in declaration order.
    public var allowedEvents: [TransferEvent] {
        TransferEvent.allCases.filter { Self.transitions[self]?[$0] != nil }
    }

    /// The state `event` leads to, or why it cannot happen now. Shipping before approval
    /// has its own error: it is the refusal people meet most.
    public func after(_ event: TransferEvent) throws(TransferError) -> TransferState {
        if let next = Self.transitions[self]?[event] { return next }
        if self == .requested, event == .ship { throw .notApproved(allowed: allowedEvents) }
        throw .illegalTransition(from: self, event: event, allowed: allowedEvents)
    }
}

/// What can happen to a transfer, named as the business says it.
public enum TransferEvent: String, ClosedSet {
    case approve, ship, receive, cancel
}

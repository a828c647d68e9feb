/// Where a purchase order is: draft → submitted → approved → sent → partiallyReceived →
/// received → closed; cancelled, its open quantities with it, from any state before it is
/// received in full.
public enum PurchaseOrderStatus: String, ClosedSet {
    case draft, submitted, approved, sent, partiallyReceived, received, closed, cancelled

    /// Every legal transition, declared once: from a status, an event leads to the next status.
    /// Whatever is not listed is refused.
    public static let transitions: [PurchaseOrderStatus: [PurchaseOrderEvent: PurchaseOrderStatus]] = [
        .draft: [.submit: .submitted, .cancel: .cancelled],
        .submitted: [.approve: .approved, .cancel: .cancelled],
        .approved: [.send: .sent, .cancel: .cancelled],
        .sent: [.receivePart: .partiallyReceived, .receiveRest: .received, .cancel: .cancelled],
        .partiallyReceived: [.receivePart: .partiallyReceived, .receiveRest: .received, .cancel: .cancelled],
        .received: [.close: .closed],
        .closed: [:],
        .cancelled: [:],
    ]

    /// The events this status accepts, in declaration order.
    public var allowedEvents: [PurchaseOrderEvent] {
        PurchaseOrderEvent.allCases.filter { Self.transitions[self]?[$0] != nil }
    }

    public func after(_ event: PurchaseOrderEvent) throws(PurchasingError) -> PurchaseOrderStatus {
        guard let next = Self.transitions[self]?[event] else {
            throw .illegalTransition(from: self, event: event, allowed: allowedEvents)
        }
        return next
    }

    /// Whether the supplier has the order: its open lines are inbound stock.
    public var isWithSupplier: Bool { self == .sent || self == .partiallyReceived }

    /// Whether its lines may still be changed (after sending, a change is a revision).
    public var isEditable: Bool { self == .draft }
}

/// What can happen to a purchase order, named as purchasing says it.
public enum PurchaseOrderEvent: String, ClosedSet {
    case submit, approve, send
    /// A receipt that leaves some quantity open.
    case receivePart
    /// The receipt of everything still open.
    case receiveRest
    case close, cancel
}

/// Where a repair order is. The happy path: draft → estimated → approved → scheduled →
/// inProgress ⇄ awaitingParts → qualityCheck → completed → invoiced → closed. An open
/// order may be cancelled, which releases everything it holds.
public enum RepairOrderStatus: String, ClosedSet {
    case draft, estimated, approved, scheduled, inProgress, awaitingParts, qualityCheck, completed, invoiced, closed
    case cancelled

    /// Every legal transition, declared once; whatever is not listed is refused.
    public static let transitions: [RepairOrderStatus: [RepairOrderEvent: RepairOrderStatus]] = [
        .draft: [.estimate: .estimated, .cancel: .cancelled],
        .estimated: [.approve: .approved, .estimate: .estimated, .cancel: .cancelled],
        .approved: [.schedule: .scheduled, .start: .inProgress, .awaitParts: .awaitingParts, .cancel: .cancelled],
        .scheduled: [.start: .inProgress, .awaitParts: .awaitingParts, .cancel: .cancelled],
        .inProgress: [.awaitParts: .awaitingParts, .requestQualityCheck: .qualityCheck, .cancel: .cancelled],
        .awaitingParts: [.partsArrived: .inProgress, .schedule: .scheduled, .cancel: .cancelled],
        .qualityCheck: [.complete: .completed, .failQualityCheck: .inProgress, .cancel: .cancelled],
        .completed: [.invoice: .invoiced],
        .invoiced: [.close: .closed],
        .closed: [:],
        .cancelled: [:],
    ]

    /// The events this status accepts, in declaration order.
    public var allowedEvents: [RepairOrderEvent] {
        RepairOrderEvent.allCases.filter { Self.transitions[self]?[$0] != nil }
    }

    public func after(_ event: RepairOrderEvent) throws(ServiceError) -> RepairOrderStatus {
        guard let next = Self.transitions[self]?[event] else {
            throw .illegalTransition(from: self, event: event, allowed: allowedEvents)
        }
        return next
    }

    /// Open orders hold reservations and may still change.
    public var isOpen: Bool { ![.completed, .invoiced, .closed, .cancelled].contains(self) }

    /// Whether the customer has agreed to the work, so its parts are reserved and labor may be clocked.
    public var isApproved: Bool { [.approved, .scheduled, .inProgress, .awaitingParts, .qualityCheck].contains(self) }
}

/// What can happen to a repair order, named as the workshop says it.
public enum RepairOrderEvent: String, ClosedSet {
    case estimate, approve, schedule, start, awaitParts, partsArrived, requestQualityCheck
    /// The quality check found a fault: back to work.
    case failQualityCheck
    /// The quality check passed: the order is complete and its parts are issued.
    case complete
    case invoice, close, cancel
}

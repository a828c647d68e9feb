/// Rules of transfers between sites that a request can break.
public enum TransferError: AxleError, Equatable {
    case transferNotFound(String)
    case sameSite
    case insufficientAtSource(available: Quantity, requested: Quantity)
    case notApproved(allowed: [TransferEvent])
    case illegalTransition(from: TransferState, event: TransferEvent, allowed: [TransferEvent])
    case cannotApproveOwnTransfer
    case reservationNotHeld(Reservation.ID)

    public var code: String {
        switch self {
        case .transferNotFound: "inventory.transfer.not_found"
        case .sameSite: "inventory.transfer.same_site"
        case .insufficientAtSource: "inventory.transfer.short_at_source"
        case .notApproved: "inventory.transfer.not_approved"
        case .illegalTransition: "inventory.transfer.illegal_transition"
        case .cannotApproveOwnTransfer: "inventory.transfer.own_approval"
        case .reservationNotHeld: "inventory.transfer.reservation_not_held"
        }
    }

    public var message: String {
        switch self {
        case .transferNotFound(let id): "no transfer \(id)"
        case .sameSite: "a transfer goes from one site to another: the source and destination are the same"
        case .insufficientAtSource(let available, let requested):
            "only \(available) available at the source site, \(requested) requested; nothing was reserved"
        case .notApproved: "the transfer is not approved yet: it can be shipped only once approved"
        case .illegalTransition(let state, let event, _):
            "a \(state.rawValue) transfer cannot \(event.rawValue)"
        case .cannotApproveOwnTransfer: "a transfer must be approved by someone other than its requester"
        case .reservationNotHeld(let id):
            "the transfer's reservation \(id) no longer holds its stock (it was released or issued elsewhere)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .transferNotFound: .notFound
        case .sameSite: .invalidInput
        case .insufficientAtSource, .notApproved, .illegalTransition, .reservationNotHeld: .conflict
        case .cannotApproveOwnTransfer: .forbidden
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .insufficientAtSource(let available, let requested):
            ["available": .text(available.description), "requested": .text(requested.description)]
        case .notApproved(let allowed):
            ["state": .text(TransferState.requested.rawValue), "event": .text(TransferEvent.ship.rawValue),
             "allowedEvents": .list(allowed.map(\.rawValue))]
        case .illegalTransition(let state, let event, let allowed):
            ["state": .text(state.rawValue), "event": .text(event.rawValue),
             "allowedEvents": .list(allowed.map(\.rawValue))]
        default: [:]
        }
    }
}

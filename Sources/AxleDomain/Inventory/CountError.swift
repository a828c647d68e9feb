/// Rules of cycle counting that a request can break.
public enum CountError: AxleError, Equatable {
    case taskNotFound(String)
    case transitionNotAllowed(from: CountTask.State, event: CountTask.Event)
    case cannotApproveOwnCount
    /// Posting the variance would leave less unrestricted stock than is reserved.
    case countTakesReservedStock(available: Quantity, variance: Quantity)

    public var code: String {
        switch self {
        case .taskNotFound: "inventory.count.not_found"
        case .transitionNotAllowed: "inventory.count.transition_not_allowed"
        case .cannotApproveOwnCount: "inventory.count.own_approval"
        case .countTakesReservedStock: "inventory.count.takes_reserved_stock"
        }
    }

    public var message: String {
        switch self {
        case .taskNotFound(let id): "no count task \(id)"
        case .transitionNotAllowed(let state, let event):
            "a count task that is \(state.rawValue) cannot \(event.verb)"
        case .cannotApproveOwnCount: "a count must be approved by someone who did not count it"
        case .countTakesReservedStock(let available, let variance):
            "the count removes \(FixedPoint.text(-Int128(variance.milli), decimals: 3, trimTrailingZeros: true)) but only \(available) is available (the rest is reserved): "
                + "release or reduce a reservation of this part at the site, then approve again"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .taskNotFound: .notFound
        case .transitionNotAllowed: .conflict
        case .cannotApproveOwnCount: .forbidden
        case .countTakesReservedStock: .ruleViolation
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .transitionNotAllowed(let state, _): ["state": .text(state.rawValue)]
        case .countTakesReservedStock(let available, let variance):
            ["available": .text(available.description), "variance": .text(variance.description)]
        default: [:]
        }
    }
}

extension CountTask.Event {
    /// What the event does, as the end of "a task that is … cannot …".
    var verb: String {
        switch self {
        case .enterCount: "be counted"
        case .acceptVariance: "post a variance"
        case .questionVariance: "question a variance"
        case .approve: "be approved"
        case .reject: "be rejected"
        }
    }
}

/// Rules of exception items that a request can break.
public enum ExceptionError: AxleError, Equatable {
    case exceptionNotFound(String)
    case illegalTransition(from: TransferException.State, event: TransferException.Event,
                           allowed: [TransferException.Event])
    case resolutionNotApplicable(kind: TransferException.Kind, resolution: TransferException.Resolution,
                                 applicable: [TransferException.Resolution])

    public var code: String {
        switch self {
        case .exceptionNotFound: "inventory.exception.not_found"
        case .illegalTransition: "inventory.exception.illegal_transition"
        case .resolutionNotApplicable: "inventory.exception.resolution_not_applicable"
        }
    }

    public var message: String {
        switch self {
        case .exceptionNotFound(let id): "no exception item \(id)"
        case .illegalTransition(let state, let event, _):
            "an exception item that is \(state.rawValue) cannot \(event.rawValue) again"
        case .resolutionNotApplicable(let kind, let resolution, let applicable):
            "a \(kind.rawValue) difference cannot be \(resolution.rawValue); it can be "
                + applicable.map(\.rawValue).joined(separator: ", ")
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .exceptionNotFound: .notFound
        case .illegalTransition: .conflict
        case .resolutionNotApplicable: .ruleViolation
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .exceptionNotFound: [:]
        case .illegalTransition(let state, let event, let allowed):
            ["state": .text(state.rawValue), "event": .text(event.rawValue),
             "allowedEvents": .list(allowed.map(\.rawValue))]
        case .resolutionNotApplicable(let kind, let resolution, let applicable):
            ["kind": .text(kind.rawValue), "resolution": .text(resolution.rawValue),
             "applicableResolutions": .list(applicable.map(\.rawValue))]
        }
    }
}

/// Rules of purchasing that a request can break.
public enum PurchasingError: AxleError, Equatable {
    case orderNotFound(String)
    case noLines
    case emergencyWithoutReason
    case specialOrderWithoutDemand(line: Int)
    case illegalTransition(from: PurchaseOrderStatus, event: PurchaseOrderEvent, allowed: [PurchaseOrderEvent])
    case cannotApproveOwnOrder
    case lineNotFound(Int)
    case nothingToReceive(line: Int)
    case overReceipt(line: Int, open: Quantity, received: Quantity, tolerance: Quantity)
    case valueOverflow

    public var code: String {
        switch self {
        case .orderNotFound: "purchasing.order.not_found"
        case .noLines: "purchasing.order.no_lines"
        case .emergencyWithoutReason: "purchasing.order.emergency_reason"
        case .specialOrderWithoutDemand: "purchasing.order.special_order_demand"
        case .illegalTransition: "purchasing.order.illegal_transition"
        case .cannotApproveOwnOrder: "purchasing.order.own_approval"
        case .lineNotFound: "purchasing.order.line_not_found"
        case .nothingToReceive: "purchasing.receipt.nothing"
        case .overReceipt: "purchasing.receipt.over_tolerance"
        case .valueOverflow: "purchasing.order.value_overflow"
        }
    }

    public var message: String {
        switch self {
        case .orderNotFound(let id): "no purchase order \(id)"
        case .noLines: "a purchase order needs at least one line"
        case .emergencyWithoutReason: "an emergency purchase order needs a reason"
        case .specialOrderWithoutDemand(let line):
            "line \(line) of a special order names no demand (the repair-order line or customer order it is for)"
        case .illegalTransition(let status, let event, _): "a \(status.rawValue) purchase order cannot \(event.rawValue)"
        case .cannotApproveOwnOrder: "a purchase order must be approved by someone other than its requester"
        case .lineNotFound(let line): "the purchase order has no line \(line)"
        case .nothingToReceive(let line): "a receipt on line \(line) must be more than zero"
        case .overReceipt(let line, let open, let received, let tolerance):
            "line \(line) has \(open) open and accepts at most \(tolerance) more; \(received) is beyond that: "
                + "record the excess as a discrepancy"
        case .valueOverflow: "the order's value is beyond the largest amount Axle keeps"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .noLines, .emergencyWithoutReason, .specialOrderWithoutDemand, .nothingToReceive, .valueOverflow:
            .invalidInput
        case .illegalTransition, .overReceipt: .conflict
        case .cannotApproveOwnOrder: .forbidden
        case .orderNotFound, .lineNotFound: .notFound
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .illegalTransition(let status, let event, let allowed):
            ["status": .text(status.rawValue), "event": .text(event.rawValue),
             "allowedEvents": .list(allowed.map(\.rawValue))]
        case .specialOrderWithoutDemand(let line), .lineNotFound(let line), .nothingToReceive(let line):
            ["line": .number(Int64(line))]
        case .overReceipt(let line, let open, let received, let tolerance):
            ["line": .number(Int64(line)), "open": .text(open.description), "received": .text(received.description),
             "tolerance": .text(tolerance.description)]
        default: [:]
        }
    }
}

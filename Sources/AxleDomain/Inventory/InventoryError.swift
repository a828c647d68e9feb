/// Rules of the stock ledger that a request can break.
public enum InventoryError: AxleError, Equatable {
    case quantityMustBePositive(field: String)
    case binNotAtSite(bin: String, site: Code)
    case statusNotAllowed(StockStatus, operation: String)
    case insufficientStock(available: Quantity, requested: Quantity)
    case insufficientAvailable(available: Quantity, requested: Quantity)
    case negativeStockNotAllowed(site: Code)
    case reservationNotFound(String)
    case reservationNotOpen(ReservationStatus)
    case nothingReserved
    case adjustmentNotFound(String)
    case adjustmentNotPending(Adjustment.State)
    case cannotApproveOwnAdjustment
    case partNotStockable(PartNumber, lifecycle: PartLifecycle)
    case lotRequired(PartNumber)
    /// A site would hold (or owe to backorders) more of one part than `Quantity.maximum`.
    case siteStockLimit(what: String, limit: Quantity)
    /// Allocation would give a backorder more than it awaits (the allocation policy never does).
    case allocationBeyondBackorder(backordered: Quantity, allocated: Quantity)

    public var code: String {
        switch self {
        case .quantityMustBePositive: "inventory.quantity.not_positive"
        case .binNotAtSite: "inventory.bin.not_at_site"
        case .statusNotAllowed: "inventory.status.not_allowed"
        case .insufficientStock: "inventory.stock.insufficient"
        case .insufficientAvailable: "inventory.available.insufficient"
        case .negativeStockNotAllowed: "inventory.stock.negative_not_allowed"
        case .reservationNotFound: "inventory.reservation.not_found"
        case .reservationNotOpen: "inventory.reservation.not_open"
        case .nothingReserved: "inventory.reservation.nothing_reserved"
        case .adjustmentNotFound: "inventory.adjustment.not_found"
        case .adjustmentNotPending: "inventory.adjustment.not_pending"
        case .cannotApproveOwnAdjustment: "inventory.adjustment.own_approval"
        case .partNotStockable: "inventory.part.not_stockable"
        case .lotRequired: "inventory.lot.required"
        case .siteStockLimit: "inventory.site_stock.limit_exceeded"
        case .allocationBeyondBackorder: "inventory.reservation.beyond_backorder"
        }
    }

    public var message: String {
        switch self {
        case .quantityMustBePositive(let field): "\(field) must be greater than zero"
        case .binNotAtSite(let bin, let site): "bin \(bin) is not a bin of site \(site)"
        case .statusNotAllowed(let status, let operation): "\(operation) does not apply to \(status.rawValue) stock"
        case .insufficientStock(let available, let requested):
            "only \(available) on hand in that position, \(requested) requested"
        case .insufficientAvailable(let available, let requested):
            "only \(available) available (unrestricted and not reserved), \(requested) requested"
        case .negativeStockNotAllowed(let site): "site \(site) does not allow negative stock"
        case .reservationNotFound(let id): "no reservation \(id)"
        case .reservationNotOpen(let status): "the reservation is \(status.rawValue)"
        case .nothingReserved: "nothing could be reserved and no backorder was asked for"
        case .adjustmentNotFound(let id): "no adjustment \(id)"
        case .adjustmentNotPending(let state): "the adjustment is already \(state.rawValue)"
        case .cannotApproveOwnAdjustment: "an adjustment must be approved by someone other than its requester"
        case .partNotStockable(let number, let lifecycle): "part \(number) is \(lifecycle.rawValue) and cannot be received"
        case .lotRequired(let number): "part \(number) is lot- or serial-controlled: send its lot"
        case .siteStockLimit(let what, let limit):
            "the site's \(what) of this part would exceed \(limit), the most a site may hold or owe of one part"
        case .allocationBeyondBackorder(let backordered, let allocated):
            "only \(backordered) backordered, \(allocated) allocated"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .quantityMustBePositive: .invalidInput
        case .reservationNotFound, .adjustmentNotFound: .notFound
        case .reservationNotOpen, .adjustmentNotPending: .conflict
        case .cannotApproveOwnAdjustment: .forbidden
        case .binNotAtSite, .statusNotAllowed, .insufficientStock, .insufficientAvailable, .negativeStockNotAllowed,
             .nothingReserved, .partNotStockable, .lotRequired, .siteStockLimit, .allocationBeyondBackorder:
            .ruleViolation
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .insufficientStock(let available, let requested), .insufficientAvailable(let available, let requested):
            ["available": .text(available.description), "requested": .text(requested.description)]
        default: [:]
        }
    }
}

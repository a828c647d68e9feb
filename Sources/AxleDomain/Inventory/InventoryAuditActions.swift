extension AuditAction {
    public static let reservationCreate = AuditAction("reservation.create", on: .reservation)
    public static let reservationRelease = AuditAction("reservation.release", on: .reservation)
    public static let reservationConsume = AuditAction("reservation.consume", on: .reservation)
    public static let reservationAllocate = AuditAction("reservation.allocate", on: .reservation)
    public static let receiptPost = AuditAction("receipt.post", on: .receipt)
    public static let openingStockPost = AuditAction("openingStock.post", on: .openingStock)
    public static let stockPolicySave = AuditAction("site.stock_policy", on: .site)
    public static let countPolicyUpdate = AuditAction("countPolicy.update", on: .countPolicy)
    public static let countCreate = AuditAction("count.create", on: .count)
    public static let countEnter = AuditAction("count.enter", on: .count)
    public static let countApprove = AuditAction("count.approve", on: .count)
    public static let countReject = AuditAction("count.reject", on: .count)
    public static let adjustmentRequest = AuditAction("adjustment.request", on: .adjustment)
    public static let adjustmentPost = AuditAction("adjustment.post", on: .adjustment)
    public static let adjustmentApprove = AuditAction("adjustment.approve", on: .adjustment)
    public static let adjustmentReject = AuditAction("adjustment.reject", on: .adjustment)

    /// A stock move of one kind (`stock.binMove`, `stock.block`…).
    public static func stockMove(_ kind: StockMoveKind) -> AuditAction {
        AuditAction("stock.\(kind.rawValue)", on: .stockMove)
    }

    static let inventory: [AuditAction] = [
        .reservationCreate, .reservationRelease, .reservationConsume, .reservationAllocate, .receiptPost,
        .openingStockPost, .stockPolicySave, .countPolicyUpdate, .countCreate, .countEnter, .countApprove, .countReject,
        .adjustmentRequest, .adjustmentPost, .adjustmentApprove, .adjustmentReject,
    ] + StockMoveKind.allCases.map(stockMove)
}

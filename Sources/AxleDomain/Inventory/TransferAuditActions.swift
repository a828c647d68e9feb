extension AuditAction {
    public static let transferRequest = AuditAction("transfer.request", on: .transfer)
    public static let transferApprove = AuditAction("transfer.approve", on: .transfer)
    public static let transferCancel = AuditAction("transfer.cancel", on: .transfer)
    public static let transferShip = AuditAction("transfer.ship", on: .transfer)
    public static let transferReceive = AuditAction("transfer.receive", on: .transfer)
    public static let exceptionOpen = AuditAction("exception.open", on: .exception)
    public static let exceptionResolve = AuditAction("exception.resolve", on: .exception)

    static let transfers: [AuditAction] = [
        .transferRequest, .transferApprove, .transferCancel, .transferShip, .transferReceive, .exceptionOpen,
        .exceptionResolve,
    ]
}

extension AuditAction {
    public static let supplierPartSave = AuditAction("supplierPart.save", on: .supplierPart)
    public static let purchasingPolicySet = AuditAction("purchasingPolicy.set", on: .purchasingPolicy)
    public static let purchaseOrderCreate = AuditAction("purchaseOrder.create", on: .purchaseOrder)
    public static let purchaseOrderSubmit = AuditAction("purchaseOrder.submit", on: .purchaseOrder)
    public static let purchaseOrderApprove = AuditAction("purchaseOrder.approve", on: .purchaseOrder)
    public static let purchaseOrderSend = AuditAction("purchaseOrder.send", on: .purchaseOrder)
    public static let purchaseOrderReceive = AuditAction("purchaseOrder.receive", on: .purchaseOrder)
    public static let purchaseOrderCancel = AuditAction("purchaseOrder.cancel", on: .purchaseOrder)

    static let purchasing: [AuditAction] = [
        .supplierPartSave, .purchasingPolicySet, .purchaseOrderCreate, .purchaseOrderSubmit, .purchaseOrderApprove,
        .purchaseOrderSend, .purchaseOrderReceive, .purchaseOrderCancel,
    ]
}

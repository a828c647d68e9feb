extension AuditAction {
    public static let partCreate = AuditAction("part.create", on: .part)
    public static let partUpdate = AuditAction("part.update", on: .part)
    /// The old part of a recorded supersession, marked superseded.
    public static let partSupersede = AuditAction("part.supersede", on: .part)
    public static let siteCreate = AuditAction("site.create", on: .site)
    public static let siteUpdate = AuditAction("site.update", on: .site)
    public static let binCreate = AuditAction("bin.create", on: .bin)
    public static let supplierCreate = AuditAction("supplier.create", on: .supplier)
    public static let supplierUpdate = AuditAction("supplier.update", on: .supplier)
    public static let supersessionRecord = AuditAction("supersession.record", on: .supersession)
    public static let substituteApprove = AuditAction("substitute.approve", on: .substitute)
    public static let fitmentRecord = AuditAction("fitment.record", on: .fitment)
    public static let vehicleRegister = AuditAction("vehicle.register", on: .vehicle)

    static let catalog: [AuditAction] = [
        .partCreate, .partUpdate, .partSupersede, .siteCreate, .siteUpdate, .binCreate, .supplierCreate,
        .supplierUpdate, .supersessionRecord, .substituteApprove, .fitmentRecord, .vehicleRegister,
    ]
}

extension AuditAction {
    public static let customerCreate = AuditAction("customer.create", on: .customer)
    public static let customerUpdate = AuditAction("customer.update", on: .customer)
    public static let customerVehicleAdd = AuditAction("customer.vehicle.add", on: .customer)
    public static let vehicleMileage = AuditAction("vehicle.mileage", on: .vehicle)
    public static let technicianCreate = AuditAction("technician.create", on: .technician)
    public static let technicianAbsence = AuditAction("technician.absence", on: .technician)
    public static let bayCreate = AuditAction("bay.create", on: .bay)
    public static let laborOperationCreate = AuditAction("laborOperation.create", on: .laborOperation)
    public static let serviceSettingsSave = AuditAction("serviceSettings.save", on: .serviceSettings)
    public static let appointmentBook = AuditAction("appointment.book", on: .appointment)
    public static let appointmentReschedule = AuditAction("appointment.reschedule", on: .appointment)
    public static let appointmentCancel = AuditAction("appointment.cancel", on: .appointment)
    public static let appointmentArrive = AuditAction("appointment.arrive", on: .appointment)
    public static let repairOrderOpen = AuditAction("repairOrder.open", on: .repairOrder)
    public static let repairOrderLinesAdd = AuditAction("repairOrder.lines.add", on: .repairOrder)
    public static let repairOrderCustomerApprove = AuditAction("repairOrder.customer.approve", on: .repairOrder)
    public static let repairOrderCustomerDecline = AuditAction("repairOrder.customer.decline", on: .repairOrder)
    public static let repairOrderClockOn = AuditAction("repairOrder.clockOn", on: .repairOrder)
    public static let repairOrderClockOff = AuditAction("repairOrder.clockOff", on: .repairOrder)

    /// A repair order's status event (`repairOrder.start`, `repairOrder.awaitParts`…).
    public static func repairOrder(_ event: RepairOrderEvent) -> AuditAction {
        AuditAction("repairOrder.\(event.rawValue)", on: .repairOrder)
    }

    static let service: [AuditAction] = [
        .customerCreate, .customerUpdate, .customerVehicleAdd, .vehicleMileage, .technicianCreate, .technicianAbsence, .bayCreate,
        .laborOperationCreate, .serviceSettingsSave, .appointmentBook, .appointmentReschedule, .appointmentCancel,
        .appointmentArrive, .repairOrderOpen, .repairOrderLinesAdd, .repairOrderCustomerApprove,
        .repairOrderCustomerDecline, .repairOrderClockOn, .repairOrderClockOff,
    ] + RepairOrderEvent.allCases.map(repairOrder)
}

public import AxleDomain
import AxleStore

/// Opens a repair order: for a booked appointment whose vehicle has arrived (the booked work,
/// its technician and reserved parts carry over; the order starts `scheduled`), or for a
/// walk-in (a `draft` with the work asked for, to be estimated).
public struct OpenRepairOrder: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var customerId: Customer.ID
        public var vehicleId: Vehicle.ID
        public var concern: String
        public var mileage: Int64?
        public var appointmentId: Appointment.ID?
        public var labor: [LaborLineInput]?
        public var parts: [PartLineInput]?

        public init(siteId: Site.ID, customerId: Customer.ID, vehicleId: Vehicle.ID, concern: String,
                    mileage: Int64? = nil, appointmentId: Appointment.ID? = nil, labor: [LaborLineInput]? = nil,
                    parts: [PartLineInput]? = nil) {
            self.siteId = siteId
            self.customerId = customerId
            self.vehicleId = vehicleId
            self.concern = concern
            self.mileage = mileage
            self.appointmentId = appointmentId
            self.labor = labor
            self.parts = parts
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageRepairOrders, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> RepairOrderView {
        let stores = scope.stores
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let settings = try await ServiceLookup.settings(site, in: stores)
        let customer = try await ServiceLookup.customer(input.customerId, in: stores)
        let vehicle = try await ServiceLookup.vehicle(input.vehicleId, in: stores)
        let concern = try Validate.text(input.concern, field: "concern", maximumLength: 500)
        if let mileage = input.mileage {
            _ = try await RecordMileage(vehicleID: vehicle.id, input: .init(kilometres: mileage)).execute(in: scope)
        }
        let number = "RO-" + Self.sixDigits(try await stores.repairOrders.nextNumber())
        var order: RepairOrder
        if let appointmentID = input.appointmentId {
            order = try await fromAppointment(appointmentID, number: number, site: site, vehicle: vehicle,
                                              concern: concern, in: scope)
            order.approvedTotal = try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate).total
        } else {
            let builder = RepairOrderLineBuilder(scope: scope, site: site, vehicle: vehicle, state: .proposed)
            let (labor, kitParts) = try await builder.labor(input.labor ?? [], field: "labor")
            let parts = try await builder.parts(input.parts ?? [], field: "parts")
            order = RepairOrder(
                id: scope.newID(), number: number, siteID: site.id, customerID: customer.id, vehicleID: vehicle.id,
                appointmentID: nil, status: .draft, concern: concern, mileage: input.mileage, laborLines: labor,
                partLines: kitParts + parts, openedBy: scope.caller.principal.id, openedAt: scope.now)
        }
        try await stores.repairOrders.insert([order])
        try await scope.audit(.repairOrderOpen, entityID: order.id.description,
                              before: RepairOrder?.none, after: order)
        return try await RepairOrderView.make(order, in: stores)
    }

    /// The appointment's work as an order: labor by its technician, parts on its reservations.
    private func fromAppointment(_ id: Appointment.ID, number: String, site: Site, vehicle: Vehicle, concern: String,
                                 in scope: WriteScope) async throws -> RepairOrder {
        let stores = scope.stores
        let before = try await ServiceLookup.appointment(id, in: stores)
        guard before.siteID == site.id else {
            throw ServiceError.notAtSite(.appointment, before.id.description, site: site.code)
        }
        guard before.vehicleID == vehicle.id, before.customerID == input.customerId else {
            throw ValidationError(field: "appointmentId", reason: "the appointment is for another vehicle or customer")
        }
        guard before.status == .booked else { throw ServiceError.appointmentNotBooked(before.status) }
        let operations = try await ServiceLookup.operations(before.operationIDs, in: stores, field: "appointmentId")
        let labor = operations.map { operation in
            LaborLine(id: scope.newID(), operationID: operation.id, description: operation.description,
                      hours: operation.standardHours, skill: operation.skill, technicianID: before.technicianID,
                      state: .approved)
        }
        var parts: [PartLine] = []
        for reservationID in before.reservationIDs {
            guard let reservation = try await stores.reservations.find(id: reservationID) else { continue }
            let part = try await CatalogLookup.part(reservation.partID, in: stores)
            // Booked work counts as filled when all its parts were at the site when the vehicle arrived.
            parts.append(PartLine(id: scope.newID(), partID: part.id, quantity: reservation.requested,
                                  unitPrice: part.listPrice, reservationID: reservation.id, state: .approved,
                                  filledAtApproval: !reservation.backordered.isPositive))
        }
        let order = RepairOrder(
            id: scope.newID(), number: number, siteID: site.id, customerID: before.customerID, vehicleID: vehicle.id,
            appointmentID: before.id, status: .scheduled, concern: concern, mileage: input.mileage, laborLines: labor,
            partLines: parts, openedBy: scope.caller.principal.id, openedAt: scope.now)
        let after = try before.arrive(as: order.id, at: scope.now)
        try await stores.appointments.update(after)
        try await scope.audit(.appointmentArrive, entityID: before.id.description,
                              before: before, after: after)
        return order
    }

    static func sixDigits(_ number: Int64) -> String {
        let text = String(number)
        return text.count >= 6 ? text : String(repeating: "0", count: 6 - text.count) + text
    }
}

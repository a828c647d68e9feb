import AxleApplication
import AxleDomain
import AxleStore

/// The rows of the service history as the use cases would have written them: repair orders
/// with their lines, clocked time, odometer readings, the appointments cars came in on, the
/// time booked for orders still to come, and one audit record per order and appointment: what
/// last happened to it, at that moment, with the document as it is now.
struct ServiceRows: Sendable {
    var orders: [RepairOrder] = []
    var entries: [TimeEntry] = []
    var appointments: [Appointment] = []
    var readings: [MileageReading] = []
    var blocks: [ScheduleBlock] = []
    /// By time.
    var audit: [PendingAuditRecord] = []

    /// Identifiers are drawn in order of opening, so that orders list newest first by identifier.
    init(jobs: [ServiceJob], cancelledBookings: [(workshop: Int, vehicle: Int, operations: [LaborOperation],
                                                  booking: ServiceJob.Booking, cancelledAt: Int64, concern: String)],
         workshops: [ServiceWorkshop], customers: ServiceCustomerFactory, input: ServiceHistoryInput,
         ids: inout DemoIdentifiers) throws {
        let system = Principal.system.id
        let currency = SiteTemplates.company.currency
        for job in jobs.sorted(by: { ($0.openedAt, $0.number) < ($1.openedAt, $1.number) }) {
            let workshop = workshops[job.workshop]
            let owner = customers.owned[job.vehicle]
            let customer = customers.customers[owner.customer]
            let id: RepairOrder.ID = ids.next()
            let booked = job.booking != nil && job.status != .scheduled
            let appointmentID: Appointment.ID? = booked ? ids.next() : nil
            let mileage = owner.odometer(at: job.openedAt)
            let labor = job.labor.map { line in
                LaborLine(id: ids.next(), operationID: line.operation.id,
                          description: job.comebackOf == nil ? line.operation.description
                              : line.operation.description + " (comeback, no charge)",
                          hours: Quantity(milli: line.chargedMilli), skill: line.operation.skill,
                          technicianID: line.technician, state: .approved)
            }
            let parts = job.lines.map { line in
                PartLine(id: ids.next(), partID: line.reservation.partID, quantity: line.reservation.requested,
                         unitPrice: input.parts[line.reservation.partID]?.listPrice ?? .zero(currency),
                         reservationID: line.reservation.id, state: line.state, filledAtApproval: line.filled)
            }
            let done = [.completed, .invoiced, .closed].contains(job.status)
            let partsCost = done ? try parts.filter { $0.state == .approved }.reduce(Money.zero(currency)) { total, line in
                try total + (line.reservationID.flatMap { input.issued[$0] } ?? .zero(currency))
            } : nil
            let settings = workshop.settings
            let invoice = try job.invoicedAt.map { at in
                try Invoice(totals: Totals(labor: labor.map(\.hours),
                                       parts: parts.filter { $0.state == .approved }.map { try $0.unitPrice.times($0.quantity) },
                                       laborRate: settings.laborRate, taxRate: settings.taxRate),
                        costOfParts: partsCost ?? .zero(currency), invoicedAt: Instant(microseconds: at))
            }
            var order = RepairOrder(
                id: id, number: job.number, siteID: workshop.site.id, customerID: customer.id,
                vehicleID: owner.vehicle.id, appointmentID: appointmentID, status: job.status, concern: job.concern,
                mileage: mileage, laborLines: labor, partLines: parts,
                approval: CustomerApproval(approvedBy: customer.name, method: job.method,
                                           at: Instant(microseconds: job.approvedAt), recordedBy: system),
                partsCost: partsCost, invoice: invoice, openedBy: system, openedAt: Instant(microseconds: job.openedAt),
                completedAt: job.completedAt.map(Instant.init(microseconds:)),
                closedAt: job.closedAt.map(Instant.init(microseconds:)),
                cancelledAt: job.cancelledAt.map(Instant.init(microseconds:)),
                updatedAt: Instant(microseconds: job.lastChange))
            order.approvedTotal = try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate).total
            orders.append(order)
            readings.append(MileageReading(vehicleID: owner.vehicle.id, at: Instant(microseconds: job.openedAt),
                                           kilometres: mileage))
            for entry in job.entries {
                entries.append(TimeEntry(id: ids.next(), repairOrderID: id, laborLineID: labor[entry.line].id,
                                         technicianID: entry.technician, start: Instant(microseconds: entry.start),
                                         end: Instant(microseconds: entry.end)))
            }
            let action = "repairOrder.\(job.lastEvent.rawValue)", at = Instant(microseconds: job.lastChange)
            let final = order
            let detail = "\(job.entries.count) time entries" + (job.comebackOf.map { ", comeback of \($0)" } ?? "")
            audit.append(PendingAuditRecord(at: at) { audit in
                try audit.recorded(action, entityType: "repairOrder", entityID: id.description, at: at,
                                   before: RepairOrder?.none, after: final, detail: detail)
            })
            if let booking = job.booking, let appointmentID {
                appointment(appointmentID, booking, at: workshop, customer: customer.id, vehicle: owner.vehicle.id,
                            operations: job.labor.map(\.operation.id), concern: job.concern,
                            outcome: .arrived, order: id, at: job.openedAt)
            } else if let booking = job.booking {
                blocks += [
                    ScheduleBlock(id: ids.next(), resource: .technician(booking.technician),
                                  period: Period(start: Instant(microseconds: booking.start), end: Instant(microseconds: booking.end)),
                                  owner: .repairOrder(id)),
                    ScheduleBlock(id: ids.next(), resource: .bay(booking.bay),
                                  period: Period(start: Instant(microseconds: booking.start), end: Instant(microseconds: booking.end)),
                                  owner: .repairOrder(id)),
                ]
            }
        }
        for cancelled in cancelledBookings.sorted(by: { ($0.booking.createdAt, $0.booking.start) < ($1.booking.createdAt, $1.booking.start) }) {
            let owner = customers.owned[cancelled.vehicle]
            appointment(ids.next(), cancelled.booking, at: workshops[cancelled.workshop],
                        customer: customers.customers[owner.customer].id, vehicle: owner.vehicle.id,
                        operations: cancelled.operations.map(\.id), concern: cancelled.concern, outcome: .cancelled,
                        order: nil, at: cancelled.cancelledAt)
        }
        audit.sort { $0.at < $1.at }
    }

    /// An appointment as booked, then arrived or cancelled at `moment`, with its audit record.
    private mutating func appointment(_ id: Appointment.ID, _ booking: ServiceJob.Booking, at workshop: ServiceWorkshop,
                                      customer: Customer.ID, vehicle: Vehicle.ID, operations: [LaborOperation.ID],
                                      concern: String, outcome: Appointment.Status, order: RepairOrder.ID?,
                                      at moment: Int64) {
        let made = Appointment(
            id: id, siteID: workshop.site.id, customerID: customer, vehicleID: vehicle, operationIDs: operations,
            technicianID: booking.technician, bayID: booking.bay,
            period: Period(start: Instant(microseconds: booking.start), end: Instant(microseconds: booking.end)),
            concern: concern, reservationIDs: booking.reservations, createdBy: Principal.system.id,
            createdAt: Instant(microseconds: booking.createdAt))
        var now = made
        now.status = outcome
        now.repairOrderID = order
        now.updatedAt = Instant(microseconds: moment)
        appointments.append(now)
        let action = outcome == .arrived ? "appointment.arrive" : "appointment.cancel", at = now.updatedAt
        let after = now
        audit.append(PendingAuditRecord(at: at) { audit in
            try audit.recorded(action, entityType: "appointment", entityID: id.description, at: at,
                               before: Appointment?.none, after: after)
        })
    }
}

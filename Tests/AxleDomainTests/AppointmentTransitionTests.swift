import AxleDomain
import Foundation
import Testing

@Suite("Appointment transitions")
struct AppointmentTransitionTests {
    enum Step: String, CaseIterable, Sendable {
        case reschedule, arrive, cancel
    }

    static let booked = Instant(microseconds: 1_772_442_000_000_000)
    static let now = Instant(microseconds: 1_772_445_600_000_000)
    static let order = RepairOrder.ID(UUID())
    static let technician = Technician.ID(UUID()), bay = Bay.ID(UUID())
    static let period = Period(start: Instant(microseconds: 1_772_535_600_000_000),
                               end: Instant(microseconds: 1_772_539_200_000_000))

    /// Every (status, step) pair: the status after, or nil where the step is refused.
    static let table: [(Appointment.Status, Step, Appointment.Status?)] = [
        (.booked, .reschedule, .booked), (.booked, .arrive, .arrived), (.booked, .cancel, .cancelled),
        (.arrived, .reschedule, nil), (.arrived, .arrive, nil), (.arrived, .cancel, nil),
        (.cancelled, .reschedule, nil), (.cancelled, .arrive, nil), (.cancelled, .cancel, nil),
    ]

    @Test func theTableCoversEveryStatusAndStep() {
        let pairs = Set(Self.table.map { "\($0.0.rawValue) \($0.1.rawValue)" })
        #expect(pairs.count == Appointment.Status.allCases.count * Step.allCases.count)
    }

    @Test(arguments: Self.table.indices)
    func everyStep(_ index: Int) throws {
        let (status, step, next) = Self.table[index]
        let appointment = Appointment(
            id: Appointment.ID(UUID()), siteID: Site.ID(UUID()), customerID: Customer.ID(UUID()),
            vehicleID: Vehicle.ID(UUID()), operationIDs: [LaborOperation.ID(UUID())],
            technicianID: Technician.ID(UUID()), bayID: Bay.ID(UUID()),
            period: Period(start: Instant(microseconds: 1_772_528_400_000_000),
                           end: Instant(microseconds: 1_772_532_000_000_000)),
            status: status, concern: "brakes squeal", reservationIDs: [Reservation.ID(UUID())],
            createdBy: Principal.ID(UUID()), createdAt: Self.booked)
        let attempt: () throws -> Appointment = {
            switch step {
            case .reschedule:
                try appointment.reschedule(to: Self.period, technician: Self.technician, bay: Self.bay, at: Self.now)
            case .arrive: try appointment.arrive(as: Self.order, at: Self.now)
            case .cancel: try appointment.cancel(at: Self.now)
            }
        }
        guard let next else {
            #expect(throws: ServiceError.appointmentNotBooked(status)) { try attempt() }
            return
        }
        var expected = appointment
        expected.status = next
        expected.updatedAt = Self.now
        switch step {
        case .reschedule:
            expected.period = Self.period
            expected.technicianID = Self.technician
            expected.bayID = Self.bay
        case .arrive: expected.repairOrderID = Self.order
        case .cancel: break
        }
        #expect(try attempt() == expected)
    }
}

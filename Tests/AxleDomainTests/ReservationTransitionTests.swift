import AxleDomain
import Foundation
import Testing

@Suite("Reservation transitions")
struct ReservationTransitionTests {
    enum Step: Sendable, CustomStringConvertible {
        case consume(Int64), allocate(Int64), release

        var description: String {
            switch self {
            case .consume(let units): "consume \(units)"
            case .allocate(let units): "allocate \(units)"
            case .release: "release"
            }
        }
    }

    /// A reservation's quantities in units: reserved, backordered, consumed.
    struct Units: Equatable, Sendable {
        let reserved: Int64, backordered: Int64, consumed: Int64
    }

    enum Expected: Sendable {
        /// The reservation after the step, its status, and the change of the site's reserved and backordered totals.
        case next(Units, ReservationStatus, reservedChange: Int64, backorderedChange: Int64)
        case refused(InventoryError)
    }

    /// Every legal step and every illegal one, written out independently of the declarations.
    static let table: [(Units, ReservationStatus, Step, Expected)] = [
        // Issuing part of the reserved stock leaves it open.
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .consume(2),
         .next(Units(reserved: 3, backordered: 3, consumed: 2), .open, reservedChange: -2, backorderedChange: 0)),
        // Issuing all that is reserved while a backorder waits leaves it open.
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .consume(5),
         .next(Units(reserved: 0, backordered: 3, consumed: 5), .open, reservedChange: -5, backorderedChange: 0)),
        // Issuing the last of it consumes it.
        (Units(reserved: 4, backordered: 0, consumed: 1), .open, .consume(4),
         .next(Units(reserved: 0, backordered: 0, consumed: 5), .consumed, reservedChange: -4, backorderedChange: 0)),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .consume(6),
         .refused(.insufficientAvailable(available: Quantity(units: 5), requested: Quantity(units: 6)))),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .consume(0),
         .refused(.quantityMustBePositive(field: "quantity"))),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .allocate(2),
         .next(Units(reserved: 7, backordered: 1, consumed: 0), .open, reservedChange: 2, backorderedChange: -2)),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .allocate(3),
         .next(Units(reserved: 8, backordered: 0, consumed: 0), .open, reservedChange: 3, backorderedChange: -3)),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .allocate(4),
         .refused(.allocationBeyondBackorder(backordered: Quantity(units: 3), allocated: Quantity(units: 4)))),
        (Units(reserved: 5, backordered: 3, consumed: 0), .open, .allocate(0),
         .refused(.quantityMustBePositive(field: "quantity"))),
        (Units(reserved: 5, backordered: 3, consumed: 1), .open, .release,
         .next(Units(reserved: 0, backordered: 0, consumed: 1), .released, reservedChange: -5, backorderedChange: -3)),
        (Units(reserved: 0, backordered: 0, consumed: 2), .released, .consume(1), .refused(.reservationNotOpen(.released))),
        (Units(reserved: 0, backordered: 0, consumed: 2), .released, .allocate(1), .refused(.reservationNotOpen(.released))),
        (Units(reserved: 0, backordered: 0, consumed: 2), .released, .release, .refused(.reservationNotOpen(.released))),
        (Units(reserved: 0, backordered: 0, consumed: 2), .consumed, .consume(1), .refused(.reservationNotOpen(.consumed))),
        (Units(reserved: 0, backordered: 0, consumed: 2), .consumed, .allocate(1), .refused(.reservationNotOpen(.consumed))),
        (Units(reserved: 0, backordered: 0, consumed: 2), .consumed, .release, .refused(.reservationNotOpen(.consumed))),
    ]

    static let createdAt = Instant(microseconds: 1_772_442_000_000_000)
    static let now = Instant(microseconds: 1_772_445_600_000_000)

    @Test func theTableTriesEveryStepInEveryStatus() {
        let pairs = Set(Self.table.map { "\($0.1.rawValue) \($0.2.description.prefix { $0 != " " })" })
        #expect(pairs.count == ReservationStatus.allCases.count * 3)
    }

    @Test(arguments: Self.table.indices)
    func everyStep(_ index: Int) throws {
        let (units, status, step, expected) = Self.table[index]
        let reservation = Reservation(
            id: Reservation.ID(UUID()), partID: Part.ID(UUID()), siteID: Site.ID(UUID()),
            demand: Demand(kind: .repairOrder, reference: "RO-1/1"), priority: .scheduledService,
            needBy: CalendarDate(year: 2026, month: 3, day: 2)!,
            requested: Quantity(units: units.reserved + units.backordered + units.consumed),
            reserved: Quantity(units: units.reserved), backordered: Quantity(units: units.backordered),
            consumed: Quantity(units: units.consumed), status: status, createdAt: Self.createdAt)
        let attempt: () throws -> ReservationTransition = {
            switch step {
            case .consume(let quantity): try reservation.consume(Quantity(units: quantity), at: Self.now)
            case .allocate(let quantity): try reservation.allocate(Quantity(units: quantity), at: Self.now)
            case .release: try reservation.release(at: Self.now)
            }
        }
        switch expected {
        case .next(let after, let nextStatus, let reservedChange, let backorderedChange):
            let transition = try attempt()
            var expectedReservation = reservation
            expectedReservation.reserved = Quantity(units: after.reserved)
            expectedReservation.backordered = Quantity(units: after.backordered)
            expectedReservation.consumed = Quantity(units: after.consumed)
            expectedReservation.status = nextStatus
            expectedReservation.updatedAt = Self.now
            #expect(transition.reservation == expectedReservation)
            #expect(transition.reservedChange == Quantity(units: reservedChange))
            #expect(transition.backorderedChange == Quantity(units: backorderedChange))
        case .refused(let error):
            #expect(throws: error) { try attempt() }
        }
    }
}

import AxleDomain
import Foundation
import Testing

@Suite("Transfer movements")
struct TransferMovementTests {
    static let usd = Currency(code: "USD")!
    static let requester = Principal.ID(UUID()), manager = Principal.ID(UUID()), shipper = Principal.ID(UUID())
    static let receiver = Principal.ID(UUID())
    static let start = Instant(microseconds: 1_772_442_000_000_000)
    static let shippedAt = start.adding(seconds: 3_600), receivedAt = start.adding(seconds: 93_600)
    static let part = Part.ID(UUID()), source = Site.ID(UUID()), destination = Site.ID(UUID())
    static let shelf = Bin.ID(UUID()), overflow = Bin.ID(UUID()), receiving = Bin.ID(UUID())
    static let consignor = Supplier.ID(UUID())
    static let unitCost = Money(minorUnits: 1_250, currency: usd)

    /// Own stock on a shelf of lot L1, consigned stock in the overflow bin of lot L2.
    static let ownAtSource = StockPosition(siteID: source, binID: shelf, status: .unrestricted, lot: "L1")
    static let consignedAtSource = StockPosition(siteID: source, binID: overflow, status: .unrestricted, lot: "L2",
                                                 consignor: consignor)
    static let ownInTransit = StockPosition(siteID: destination, binID: nil, status: .inTransit, lot: "L1")
    static let consignedInTransit = StockPosition(siteID: destination, binID: nil, status: .inTransit, lot: "L2",
                                                  consignor: consignor)

    static func arrived(_ position: StockPosition, _ status: StockStatus) -> StockPosition {
        position.with(status: status, binID: receiving)
    }

    /// A movement as the tables write it: from, to, units, reason.
    struct Expected: Equatable, CustomStringConvertible {
        let from: StockPosition?, to: StockPosition?, units: Int64, reason: MovementReason
        var description: String { "\(units) \(reason.rawValue)" }
    }

    enum Reached: String, CaseIterable, Sendable {
        case requested, approved, shipped, received, cancelled
    }

    /// A transfer of ten units in the state asked for, taken there by its own transitions.
    static func transfer(_ reached: Reached, good: Int64 = 10, damaged: Int64 = 0) throws -> Transfer {
        var transfer = try Transfer.request(
            id: Transfer.ID(UUID()), partID: part, quantity: Quantity(units: 10), from: source, to: destination,
            value: Money(minorUnits: 12_500, currency: usd), approvalThreshold: Money(minorUnits: 10_000, currency: usd),
            reservationID: Reservation.ID(UUID()), by: requester, at: start)
        if reached == .requested { return transfer }
        if reached == .cancelled {
            try transfer.cancel(by: manager, at: start.adding(seconds: 60))
            return transfer
        }
        try transfer.approve(by: manager, at: start.adding(seconds: 60))
        if reached == .approved { return transfer }
        try transfer.ship(by: shipper, at: shippedAt, arriving: CalendarDate("2026-03-03")!)
        if reached == .shipped { return transfer }
        try transfer.receive(good: Quantity(units: good), damaged: Quantity(units: damaged), by: receiver, at: receivedAt)
        return transfer
    }

    /// Identifiers handed out in order, so each movement's identifier says when it was built.
    final class Identifiers {
        private(set) var issued: [Movement.ID] = []
        func next() -> Movement.ID {
            issued.append(Movement.ID(UUID()))
            return issued.last!
        }
    }

    static func check(_ movements: [Movement], _ expected: [Expected], of transfer: Transfer, by actor: Principal.ID,
                      at instant: Instant, ids: Identifiers) {
        #expect(movements.map { Expected(from: $0.from, to: $0.to, units: $0.quantity.milli / 1_000, reason: $0.reason) }
                == expected)
        #expect(movements.map(\.id) == ids.issued)
        #expect(movements.allSatisfy {
            $0.partID == part && $0.actorID == actor && $0.at == instant && $0.unitCost == unitCost
                && $0.document == DocumentReference(type: .transfer, id: transfer.id.description)
        })
    }

    @Test(arguments: Reached.allCases)
    func shippingMovesEachPickIntoTransitWithItsLotAndOwner(_ reached: Reached) throws {
        let transfer = try Self.transfer(reached)
        let picks: [Transfer.Holding] = [(Self.ownAtSource, Quantity(units: 7)), (Self.consignedAtSource, Quantity(units: 3))]
        let ids = Identifiers()
        guard reached == .shipped else {
            #expect(throws: TransferError.illegalTransition(from: transfer.state, event: .ship,
                                                             allowed: transfer.state.allowedEvents)) {
                try transfer.shipmentMovements(picks: picks, unitCost: Self.unitCost, newID: ids.next)
            }
            return
        }
        let movements = try transfer.shipmentMovements(picks: picks, unitCost: Self.unitCost, newID: ids.next)
        Self.check(movements, [
            Expected(from: Self.ownAtSource, to: Self.ownInTransit, units: 7, reason: .transferShip),
            Expected(from: Self.consignedAtSource, to: Self.consignedInTransit, units: 3, reason: .transferShip),
        ], of: transfer, by: Self.shipper, at: Self.shippedAt, ids: ids)
    }

    /// (good, damaged) received of the ten in transit (seven own of L1, then three consigned of L2) → movements.
    static let receipts: [(Int64, Int64, [Expected])] = [
        (10, 0, [
            Expected(from: ownInTransit, to: arrived(ownInTransit, .unrestricted), units: 7, reason: .transferReceive),
            Expected(from: consignedInTransit, to: arrived(consignedInTransit, .unrestricted), units: 3,
                     reason: .transferReceive),
        ]),
        (6, 1, [
            Expected(from: ownInTransit, to: arrived(ownInTransit, .unrestricted), units: 6, reason: .transferReceive),
            Expected(from: ownInTransit, to: arrived(ownInTransit, .damaged), units: 1, reason: .transferDamaged),
            Expected(from: consignedInTransit, to: nil, units: 3, reason: .transferShort),
        ]),
        (12, 0, [
            Expected(from: ownInTransit, to: arrived(ownInTransit, .unrestricted), units: 7, reason: .transferReceive),
            Expected(from: consignedInTransit, to: arrived(consignedInTransit, .unrestricted), units: 3,
                     reason: .transferReceive),
            Expected(from: nil, to: StockPosition(siteID: destination, binID: receiving, status: .unrestricted, lot: "L1"),
                     units: 2, reason: .transferOver),
        ]),
        (9, 3, [
            Expected(from: ownInTransit, to: arrived(ownInTransit, .unrestricted), units: 7, reason: .transferReceive),
            Expected(from: consignedInTransit, to: arrived(consignedInTransit, .damaged), units: 3,
                     reason: .transferDamaged),
            Expected(from: nil, to: StockPosition(siteID: destination, binID: receiving, status: .unrestricted, lot: "L1"),
                     units: 2, reason: .transferOver),
        ]),
        (0, 0, [
            Expected(from: ownInTransit, to: nil, units: 7, reason: .transferShort),
            Expected(from: consignedInTransit, to: nil, units: 3, reason: .transferShort),
        ]),
    ]

    static let transit: [Transfer.Holding] = [(ownInTransit, Quantity(units: 7)), (consignedInTransit, Quantity(units: 3))]

    @Test(arguments: Self.receipts.indices)
    func receivingDrawsOnTheShipmentInTransit(_ index: Int) throws {
        let (good, damaged, expected) = Self.receipts[index]
        let transfer = try Self.transfer(.received, good: good, damaged: damaged)
        let ids = Identifiers()
        let movements = try transfer.receiptMovements(into: Self.receiving, transit: Self.transit,
                                                      unitCost: Self.unitCost, newID: ids.next)
        Self.check(movements, expected, of: transfer, by: Self.receiver, at: Self.receivedAt, ids: ids)
    }

    @Test(arguments: Reached.allCases.filter { $0 != .received })
    func onlyAReceivedTransferPostsItsReceipt(_ reached: Reached) throws {
        let transfer = try Self.transfer(reached)
        #expect(throws: TransferError.illegalTransition(from: transfer.state, event: .receive,
                                                         allowed: transfer.state.allowedEvents)) {
            try transfer.receiptMovements(into: Self.receiving, transit: Self.transit, unitCost: Self.unitCost,
                                          newID: { Movement.ID(UUID()) })
        }
    }

    @Test func aReceiptCannotDrawMoreThanIsInTransit() throws {
        let transfer = try Self.transfer(.received)
        #expect(throws: InventoryError.insufficientStock(available: Quantity(units: 7), requested: Quantity(units: 10))) {
            try transfer.receiptMovements(into: Self.receiving, transit: [(Self.ownInTransit, Quantity(units: 7))],
                                          unitCost: Self.unitCost, newID: { Movement.ID(UUID()) })
        }
    }
}

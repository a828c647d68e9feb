import AxleDomain
import Foundation
import Testing

@Suite("Purchase orders")
struct PurchaseOrderTests {
    let usd = Currency(code: "USD")!
    let buyer = PurchaseOrder.Step(actorID: Principal.ID(UUID()), at: Instant(microseconds: 1_772_442_000_000_000))
    let manager = PurchaseOrder.Step(actorID: Principal.ID(UUID()), at: Instant(microseconds: 1_772_445_600_000_000))

    func makeOrder(_ kind: PurchaseOrderKind = .stock, reason: String? = nil, lines: [(units: Int64, cents: Int64)],
               demand: Demand? = nil) throws -> PurchaseOrder {
        try PurchaseOrder.draft(
            id: PurchaseOrder.ID(UUID()), supplierID: Supplier.ID(UUID()), shipToSiteID: Site.ID(UUID()), kind: kind,
            reason: reason,
            lines: lines.enumerated().map { index, line in
                PurchaseOrderLine(number: index + 1, partID: Part.ID(UUID()), ordered: Quantity(units: line.units),
                                  unitPrice: Money(minorUnits: line.cents, currency: usd),
                                  promisedOn: CalendarDate("2026-03-10")!, demand: demand)
            },
            requested: buyer)
    }

    func dollars(_ amount: Int64) -> Money { Money(minorUnits: amount * 100, currency: usd) }

    @Test func anOrderWithinTheBuyersLimitIsApprovedBySubmittingIt() throws {
        var order = try makeOrder(lines: [(10, 4_000), (2, 10_000)])
        #expect(try order.value() == dollars(600))
        try order.submit(by: buyer, buyerLimit: dollars(600))
        #expect(order.status == .approved)
        #expect(!order.approvalRequired)
        #expect(order.approved == buyer)
    }

    @Test func anOrderOverTheLimitWaitsForAnotherPersonsApproval() throws {
        var order = try makeOrder(lines: [(10, 6_001)])
        try order.submit(by: buyer, buyerLimit: dollars(600))
        #expect(order.status == .submitted)
        #expect(order.approvalRequired)
        #expect(throws: PurchasingError.cannotApproveOwnOrder) { try order.approve(by: buyer) }
        #expect(order.status == .submitted)
        try order.approve(by: manager)
        #expect(order.status == .approved)
        #expect(order.approved == manager)
    }

    @Test func anEmergencyOrderNeedsAReasonAndAlwaysAnApproval() throws {
        #expect(throws: PurchasingError.emergencyWithoutReason) { try makeOrder(.emergency, reason: "  ", lines: [(1, 100)]) }
        var order = try makeOrder(.emergency, reason: "customer waiting, car on the lift", lines: [(1, 100)])
        try order.submit(by: buyer, buyerLimit: dollars(10_000))
        #expect(order.status == .submitted)
        #expect(order.approvalRequired)
    }

    @Test func aSpecialOrderNamesTheDemandOfEveryLine() throws {
        #expect(throws: PurchasingError.specialOrderWithoutDemand(line: 1)) { try makeOrder(.specialOrder, lines: [(1, 100)]) }
        let order = try makeOrder(.specialOrder, lines: [(1, 100)], demand: Demand(kind: .repairOrder, reference: "RO-7/2"))
        #expect(order.lines[0].demand?.reference == "RO-7/2")
        #expect(throws: PurchasingError.noLines) { try self.makeOrder(lines: []) }
    }

    @Test func receiptsFillTheLinesUntilNothingIsOpenWithinTheTolerance() throws {
        var order = try makeOrder(lines: [(10, 100), (4, 100)])
        try order.submit(by: buyer, buyerLimit: dollars(600))
        #expect(throws: PurchasingError.illegalTransition(from: .approved, event: .receivePart, allowed: [.send, .cancel])) {
            try order.receive(Quantity(units: 1), onLine: 1, tolerance: .zero)
        }
        try order.send(by: buyer)
        try order.receive(Quantity(units: 6), onLine: 1, tolerance: .zero)
        #expect(order.status == .partiallyReceived)
        #expect(order.lines[0].open == Quantity(units: 4))
        // 10 % of 10 ordered: one more than the four open is accepted, two more is not.
        #expect(throws: PurchasingError.overReceipt(line: 1, open: Quantity(units: 4), received: Quantity(units: 6),
                                                    tolerance: Quantity(units: 1))) {
            try order.receive(Quantity(units: 6), onLine: 1, tolerance: Percentage(basisPoints: 1_000))
        }
        try order.receive(Quantity(units: 5), onLine: 1, tolerance: Percentage(basisPoints: 1_000))
        #expect(order.lines[0].received == Quantity(units: 11))
        #expect(order.lines[0].open == .zero)
        #expect(order.status == .partiallyReceived)
        #expect(throws: PurchasingError.lineNotFound(3)) { try order.receive(Quantity(units: 1), onLine: 3, tolerance: .zero) }
        #expect(throws: PurchasingError.nothingToReceive(line: 2)) { try order.receive(.zero, onLine: 2, tolerance: .zero) }
        try order.receive(Quantity(units: 4), onLine: 2, tolerance: .zero)
        #expect(order.status == .received)
        try order.close()
        #expect(order.status == .closed)
    }

    @Test func cancellingCancelsWhatIsOpenAndKeepsWhatWasReceived() throws {
        var order = try makeOrder(lines: [(10, 100), (4, 100)])
        try order.submit(by: buyer, buyerLimit: dollars(600))
        try order.send(by: buyer)
        try order.receive(Quantity(units: 3), onLine: 1, tolerance: .zero)
        try order.cancel(by: manager)
        #expect(order.status == .cancelled)
        #expect(order.lines.map(\.received) == [Quantity(units: 3), .zero])
        #expect(order.lines.map(\.cancelled) == [Quantity(units: 7), Quantity(units: 4)])
        #expect(order.lines.allSatisfy { $0.open == .zero })
        #expect(throws: PurchasingError.illegalTransition(from: .cancelled, event: .cancel, allowed: [])) {
            try order.cancel(by: manager)
        }
    }
}

@Suite("Supplier parts")
struct SupplierPartTests {
    let usd = Currency(code: "USD")!

    func offer(pack: Int64 = 1, minimum: Int64 = 1) -> SupplierPart {
        SupplierPart(supplierID: Supplier.ID(UUID()), partID: Part.ID(UUID()), supplierPartNumber: "BOS-0451",
                     unitPrice: Money(minorUnits: 1_000, currency: usd),
                     priceBreaks: [.init(minimum: Quantity(units: 50), unitPrice: Money(minorUnits: 800, currency: usd)),
                                   .init(minimum: Quantity(units: 10), unitPrice: Money(minorUnits: 900, currency: usd))],
                     packMultiple: Quantity(units: pack), minimumOrder: Quantity(units: minimum), quotedLeadTimeDays: 3)
    }

    @Test(arguments: [(1, 1_000), (9, 1_000), (10, 900), (49, 900), (50, 800), (500, 800)] as [(Int64, Int64)])
    func thePriceIsThatOfTheHighestBreakReached(_ units: Int64, _ cents: Int64) {
        #expect(offer().unitPrice(for: Quantity(units: units)) == Money(minorUnits: cents, currency: usd))
    }

    @Test(arguments: [(1, 12), (12, 12), (13, 18), (25, 30)] as [(Int64, Int64)])
    func anOrderIsAtLeastTheMinimumInWholePacks(_ wanted: Int64, _ ordered: Int64) throws {
        #expect(try offer(pack: 6, minimum: 12).orderQuantity(for: Quantity(units: wanted)) == Quantity(units: ordered))
    }

    @Test func roundingPastTheLargestQuantityIsAnError() {
        #expect(throws: ArithmeticOverflow.self) {
            try offer(pack: 7).orderQuantity(for: Quantity.maximum)
        }
    }
}

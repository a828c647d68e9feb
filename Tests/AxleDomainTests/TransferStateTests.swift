import AxleDomain
import Foundation
import Testing

@Suite("Transfer states")
struct TransferStateTests {
    enum Expected: Sendable, Equatable {
        case next(TransferState)
        case notApproved
        case illegal
    }

    /// The whole table, written out independently of the declaration it checks.
    static let table: [(TransferState, TransferEvent, Expected)] = [
        (.requested, .approve, .next(.approved)),
        (.requested, .ship, .notApproved),
        (.requested, .receive, .illegal),
        (.requested, .cancel, .next(.cancelled)),
        (.approved, .approve, .illegal),
        (.approved, .ship, .next(.shipped)),
        (.approved, .receive, .illegal),
        (.approved, .cancel, .next(.cancelled)),
        (.shipped, .approve, .illegal),
        (.shipped, .ship, .illegal),
        (.shipped, .receive, .next(.received)),
        (.shipped, .cancel, .illegal),
        (.received, .approve, .illegal),
        (.received, .ship, .illegal),
        (.received, .receive, .illegal),
        (.received, .cancel, .illegal),
        (.cancelled, .approve, .illegal),
        (.cancelled, .ship, .illegal),
        (.cancelled, .receive, .illegal),
        (.cancelled, .cancel, .illegal),
    ]

    @Test func theTableCoversEveryStateAndEvent() {
        let pairs = Set(Self.table.map { "\($0.0.rawValue) \($0.1.rawValue)" })
        #expect(pairs.count == TransferState.allCases.count * TransferEvent.allCases.count)
    }

    @Test(arguments: Self.table.indices)
    func everyStateAnswersEveryEvent(_ index: Int) throws {
        let (state, event, expected) = Self.table[index]
        let allowed = Self.table.filter { $0.0 == state && $0.2 != .illegal && $0.2 != .notApproved }.map(\.1)
        #expect(state.allowedEvents == allowed)
        switch expected {
        case .next(let next):
            #expect(try state.after(event) == next)
        case .notApproved:
            #expect(throws: TransferError.notApproved(allowed: allowed)) { try state.after(event) }
        case .illegal:
            #expect(throws: TransferError.illegalTransition(from: state, event: event, allowed: allowed)) {
                try state.after(event)
            }
        }
    }

    @Test func aRefusedStepIsAConflictThatListsWhatTheStateAllows() {
        let error = TransferError.illegalTransition(from: .shipped, event: .cancel, allowed: [.receive])
        #expect(error.category == .conflict)
        #expect(error.details["allowedEvents"] == .list(["receive"]))
        let unapproved = TransferError.notApproved(allowed: [.approve, .cancel])
        #expect(unapproved.code == "inventory.transfer.not_approved")
        #expect(unapproved.category == .conflict)
        #expect(unapproved.details["allowedEvents"] == .list(["approve", "cancel"]))
    }
}

@Suite("Transfer documents")
struct TransferDocumentTests {
    let usd = Currency(code: "USD")!
    let requester = Principal.ID(UUID())
    let manager = Principal.ID(UUID())
    let start = Instant(microseconds: 1_772_442_000_000_000)

    func transfer(value minor: Int64, threshold: Int64 = 250_000) throws -> Transfer {
        try Transfer.request(
            id: Transfer.ID(UUID()), partID: Part.ID(UUID()), quantity: Quantity(units: 10), from: Site.ID(UUID()),
            to: Site.ID(UUID()), value: Money(minorUnits: minor, currency: usd),
            approvalThreshold: Money(minorUnits: threshold, currency: usd), reservationID: Reservation.ID(UUID()),
            by: requester, at: start)
    }

    @Test func aTransferWithinTheThresholdIsApprovedAtOnceByItsRequest() throws {
        let atThreshold = try transfer(value: 250_000)
        #expect(atThreshold.state == .approved)
        #expect(!atThreshold.approvalRequired)
        #expect(atThreshold.approved == Transfer.Step(actorID: requester, at: start))
    }

    @Test func aTransferAboveTheThresholdWaitsForSomeoneElsesApproval() throws {
        var transfer = try transfer(value: 250_001)
        #expect(transfer.state == .requested)
        #expect(transfer.approvalRequired)
        #expect(throws: TransferError.cannotApproveOwnTransfer) { try transfer.approve(by: requester, at: start) }
        #expect(transfer.state == .requested)
        try transfer.approve(by: manager, at: start.adding(seconds: 60))
        #expect(transfer.state == .approved)
        #expect(transfer.approved?.actorID == manager)
    }

    @Test func aTransferCannotGoToTheSiteItComesFrom() {
        let site = Site.ID(UUID())
        #expect(throws: TransferError.sameSite) {
            try Transfer.request(
                id: Transfer.ID(UUID()), partID: Part.ID(UUID()), quantity: Quantity(units: 1), from: site, to: site,
                value: Money(minorUnits: 1, currency: usd), approvalThreshold: Money(minorUnits: 0, currency: usd),
                reservationID: Reservation.ID(UUID()), by: requester, at: start)
        }
    }

    @Test func receivingRecordsTheCycleTimeFromRequestToReceipt() throws {
        var transfer = try transfer(value: 100)
        try transfer.ship(by: manager, at: start.adding(seconds: 3_600), arriving: CalendarDate("2026-03-03")!)
        try transfer.receive(good: Quantity(units: 10), damaged: .zero, by: manager, at: start.adding(seconds: 93_600))
        #expect(transfer.state == .received)
        #expect(transfer.cycleTimeSeconds == 93_600)
        #expect(transfer.receipt?.short == .zero)
    }

    /// (shipped, good, damaged) → (short, over, legs as "status quantity reason", from transit or not).
    static let receipts: [(Int64, Int64, Int64, Int64, Int64, [String])] = [
        (10, 10, 0, 0, 0, ["transit→unrestricted 10 transferReceive"]),
        (10, 7, 0, 3, 0, ["transit→unrestricted 7 transferReceive", "transit→gone 3 transferShort"]),
        (10, 8, 2, 0, 0, ["transit→unrestricted 8 transferReceive", "transit→damaged 2 transferDamaged"]),
        (10, 12, 0, 0, 2, ["transit→unrestricted 10 transferReceive", "outside→unrestricted 2 transferOver"]),
        (10, 9, 2, 0, 1, ["transit→unrestricted 8 transferReceive", "transit→damaged 2 transferDamaged",
                          "outside→unrestricted 1 transferOver"]),
        (10, 0, 0, 10, 0, ["transit→gone 10 transferShort"]),
        (10, 1, 12, 0, 3, ["transit→damaged 10 transferDamaged", "outside→unrestricted 1 transferOver",
                           "outside→damaged 2 transferOver"]),
    ]

    @Test(arguments: Self.receipts.indices)
    func aReceiptSplitsIntoLegsAndDiscrepancies(_ index: Int) throws {
        let (shipped, good, damaged, short, over, legs) = Self.receipts[index]
        let receipt = try TransferReceipt(shipped: Quantity(units: shipped), good: Quantity(units: good),
                                      damaged: Quantity(units: damaged))
        #expect(receipt.short == Quantity(units: short))
        #expect(receipt.over == Quantity(units: over))
        #expect(receipt.shipped == Quantity(units: shipped))
        #expect(try receipt.legs.map { leg in
            "\(leg.fromTransit ? "transit" : "outside")→\(leg.status?.rawValue ?? "gone") \(leg.quantity) \(leg.reason.rawValue)"
        } == legs)
        var kinds: [TransferException.Kind] = []
        if short > 0 { kinds.append(.short) }
        if over > 0 { kinds.append(.over) }
        if damaged > 0 { kinds.append(.damaged) }
        #expect(receipt.discrepancies.map(\.kind) == kinds)
        // Whatever leaves transit is exactly what was shipped.
        let fromTransit = try receipt.legs.filter(\.fromTransit).reduce(Quantity.zero) { try $0 + $1.quantity }
        #expect(fromTransit == Quantity(units: shipped))
    }
}

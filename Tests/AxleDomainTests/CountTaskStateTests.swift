import AxleDomain
import Foundation
import Testing

@Suite("Cycle counts: the count task's states")
struct CountTaskStateTests {
    typealias State = CountTask.State

    /// The whole table, written out independently of the declaration it checks; nil is refused.
    static let table: [(State, CountTask.Event, State?)] = [
        (.open, .enterCount, .counted),
        (.open, .acceptVariance, nil),
        (.open, .questionVariance, nil),
        (.open, .approve, nil),
        (.open, .reject, nil),
        (.counted, .enterCount, nil),
        (.counted, .acceptVariance, .posted),
        (.counted, .questionVariance, .recountRequired),
        (.counted, .approve, nil),
        (.counted, .reject, nil),
        (.recountRequired, .enterCount, .recounted),
        (.recountRequired, .acceptVariance, nil),
        (.recountRequired, .questionVariance, nil),
        (.recountRequired, .approve, nil),
        (.recountRequired, .reject, nil),
        (.recounted, .enterCount, nil),
        (.recounted, .acceptVariance, .posted),
        (.recounted, .questionVariance, .pendingApproval),
        (.recounted, .approve, nil),
        (.recounted, .reject, nil),
        (.pendingApproval, .enterCount, nil),
        (.pendingApproval, .acceptVariance, nil),
        (.pendingApproval, .questionVariance, nil),
        (.pendingApproval, .approve, .posted),
        (.pendingApproval, .reject, .rejected),
        (.posted, .enterCount, nil),
        (.posted, .acceptVariance, nil),
        (.posted, .questionVariance, nil),
        (.posted, .approve, nil),
        (.posted, .reject, nil),
        (.rejected, .enterCount, nil),
        (.rejected, .acceptVariance, nil),
        (.rejected, .questionVariance, nil),
        (.rejected, .approve, nil),
        (.rejected, .reject, nil),
    ]

    @Test func theTableCoversEveryStateAndEvent() {
        let pairs = Set(Self.table.map { "\($0.0.rawValue) \($0.1.rawValue)" })
        #expect(pairs.count == Self.table.count)
        #expect(pairs.count == State.allCases.count * CountTask.Event.allCases.count)
    }

    @Test(arguments: Self.table.indices)
    func everyStateAnswersEveryEvent(_ index: Int) throws {
        let (state, event, expected) = Self.table[index]
        if let expected {
            #expect(try CountTask.next(from: state, on: event) == expected)
        } else {
            #expect(throws: CountError.transitionNotAllowed(from: state, event: event)) {
                _ = try CountTask.next(from: state, on: event)
            }
        }
    }

    @Test func onlyStatesBetweenRequestsAreStoredAndOnlyWaitingOnesAreActive() {
        #expect(State.stored == [.open, .recountRequired, .pendingApproval, .posted, .rejected])
        #expect(State.allCases.filter(\.isActive) == [.open, .recountRequired, .pendingApproval])
    }

    // MARK: Recording counts

    static let counter = Principal(id: Principal.ID(UUID()), name: "wh", role: .warehouse, sites: [])
    static let recounter = Principal(id: Principal.ID(UUID()), name: "wh2", role: .warehouse, sites: [])
    static let manager = Principal(id: Principal.ID(UUID()), name: "pm", role: .partsManager, sites: [])
    static let at = Instant(microseconds: 1_772_442_000_000_000)

    /// An open task with a 2 % tolerance.
    static func task(status: StockStatus = .unrestricted) -> CountTask {
        CountTask(id: CountTask.ID(UUID()), partID: Part.ID(UUID()),
                  position: StockPosition(siteID: Site.ID(UUID()), binID: Bin.ID(UUID()), status: status),
                  abcClass: .a, toleranceBasisPoints: 200, generatedOn: CalendarDate("2026-03-02")!,
                  createdBy: manager.id, createdAt: at)
    }

    static func units(_ value: Int64) -> Quantity { Quantity(units: value) }

    @Test func aCountWithinTolerancePostsItsVarianceAtOnce() throws {
        var task = Self.task()
        try task.record(counted: Self.units(99), book: Self.units(100), available: Self.units(100), by: Self.counter.id,
                        at: Self.at)
        #expect(task.state == .posted)
        #expect(try task.postedVariance == Quantity.zero - Self.units(1))
        #expect(task.firstCount?.withinTolerance == true)
        #expect(task.recount == nil)
    }

    @Test func aCountOutsideToleranceIsRecountedThenDecidedBySomeoneWhoDidNotCount() throws {
        var task = Self.task()
        try task.record(counted: Self.units(7), book: Self.units(10), available: Self.units(10), by: Self.counter.id,
                        at: Self.at)
        #expect(task.state == .recountRequired)
        #expect(task.postedVariance == nil)
        try task.record(counted: Self.units(7), book: Self.units(10), available: Self.units(10), by: Self.recounter.id,
                        at: Self.at)
        #expect(task.state == .pendingApproval)
        #expect(throws: CountError.transitionNotAllowed(from: .pendingApproval, event: .enterCount)) {
            try task.record(counted: Self.units(7), book: Self.units(10), available: nil, by: Self.counter.id, at: Self.at)
        }
        for counter in [Self.counter, Self.recounter] {
            let own = Principal(id: counter.id, name: "pm", role: .partsManager, sites: [])
            #expect(throws: CountError.cannotApproveOwnCount) { try task.decide(approve: true, by: own, at: Self.at) }
        }
        try task.decide(approve: true, by: Self.manager, at: Self.at)
        #expect(task.state == .posted)
        #expect(try task.postedVariance == Quantity.zero - Self.units(3))
        #expect(task.decidedBy == Self.manager.id)
        #expect(throws: CountError.transitionNotAllowed(from: .posted, event: .reject)) {
            try task.decide(approve: false, by: Self.manager, at: Self.at)
        }
    }

    @Test func aRecountWithinTolerancePostsTheRecountsVariance() throws {
        var task = Self.task()
        try task.record(counted: Self.units(40), book: Self.units(50), available: nil, by: Self.counter.id, at: Self.at)
        try task.record(counted: Self.units(50), book: Self.units(50), available: nil, by: Self.counter.id, at: Self.at)
        #expect(task.state == .posted)
        #expect(task.postedVariance == .zero)
        #expect(task.firstCount?.withinTolerance == false)
        #expect(task.recount?.withinTolerance == true)
    }

    @Test func aSmallVarianceThatTakesReservedStockIsQuestioned() throws {
        var task = Self.task()
        // One unit short with one unit available: available stock ends at zero, so it posts…
        try task.record(counted: Self.units(99), book: Self.units(100), available: Self.units(1), by: Self.counter.id,
                        at: Self.at)
        #expect(task.state == .posted)
        // …but with nothing available, losing one unit breaks a reservation.
        var reserved = Self.task()
        try reserved.record(counted: Self.units(99), book: Self.units(100), available: .zero, by: Self.counter.id,
                            at: Self.at)
        #expect(reserved.state == .recountRequired)
        #expect(reserved.firstCount?.withinTolerance == true)
        // Finding more never takes reserved stock.
        var found = Self.task()
        try found.record(counted: Self.units(101), book: Self.units(100), available: .zero, by: Self.counter.id, at: Self.at)
        #expect(found.state == .posted)
    }

    @Test func aRejectedCountPostsNothing() throws {
        var task = Self.task(status: .blocked)
        try task.record(counted: .zero, book: Self.units(4), available: nil, by: Self.counter.id, at: Self.at)
        try task.record(counted: .zero, book: Self.units(4), available: nil, by: Self.counter.id, at: Self.at)
        try task.decide(approve: false, by: Self.manager, at: Self.at)
        #expect(task.state == .rejected)
        #expect(task.postedVariance == nil)
    }
}

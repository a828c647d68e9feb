import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Cycle count scenarios")
struct CycleCountScenarioTests {
    static let day: Int64 = 86_400

    @Test(arguments: TestBackend.available)
    func tasksFollowEachPartsClassAndHowLongAgoItWasCounted(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            // Consumption value over the year: discs 640.00 (80 %), wipers 120.00 (15 %), bulbs 40.00 (5 %).
            let discs = try await fixtures.part("BD-1", description: "Brake disc", category: .brakes, cost: "80.00")
            let wipers = try await fixtures.part("WB-1", description: "Wiper blade", cost: "10.00")
            let bulbs = try await fixtures.part("BL-1", description: "Bulb H7", category: .electrical, cost: "1.00")
            let covers = try await fixtures.part("CV-1", description: "Seat cover", cost: "3.00")
            for (part, received, consumed, cost) in [(discs, 20, 8, "80.00"), (wipers, 30, 12, "10.00"),
                                                     (bulbs, 100, 40, "1.00"), (covers, 5, 0, "3.00")] {
                try await fixtures.receive(Int64(received), of: part, into: bin, unitCost: cost)
                if consumed > 0 { try await fixtures.consume(Int64(consumed), of: part, at: site) }
            }

            let first = try await fixtures.generateCounts(at: site, as: counter)
            #expect((first.created, first.alreadyActive, first.notDue) == (4, 0, 0))
            let again = try await fixtures.generateCounts(at: site, as: counter)
            #expect((again.created, again.alreadyActive, again.notDue) == (0, 4, 0))
            let tasks = try await fixtures.countTasks(at: site, as: counter)
            #expect(tasks.count == 4)
            let classes = Dictionary(uniqueKeysWithValues: tasks.map { ($0.partNumber?.rawValue ?? "", $0.abcClass) })
            #expect(classes == ["BD-1": .a, "WB-1": .b, "BL-1": .c, "CV-1": .c])
            for task in tasks {
                let book: Int64 = ["BD-1": 12, "WB-1": 18, "BL-1": 60, "CV-1": 5][task.partNumber?.rawValue ?? ""] ?? 0
                #expect(try await fixtures.count(task, Quantity(units: book), as: counter).state == .posted)
            }
            let counted = try await fixtures.generateCounts(at: site, as: counter)
            #expect((counted.created, counted.notDue) == (0, 4))

            // A month later the A part is due again; the B and C parts, counted last month too, are not.
            clock.advance(seconds: 35 * Self.day)
            let monthLater = try await fixtures.generateCounts(at: site, as: counter)
            #expect((monthLater.created, monthLater.notDue) == (1, 3))
            #expect(try await fixtures.countTasks(at: site, state: .open, as: counter).map(\.partID) == [discs.id])

            // After a quarter the B part is due as well; the A part's open task is not duplicated.
            clock.advance(seconds: 57 * Self.day)
            let quarterLater = try await fixtures.generateCounts(at: site, as: counter)
            #expect((quarterLater.created, quarterLater.alreadyActive, quarterLater.notDue) == (1, 1, 2))
            #expect(Set(try await fixtures.countTasks(at: site, state: .open, as: counter).map(\.partID))
                == [discs.id, wipers.id])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aCountWithinTolerancePostsAtOnceAndTheLedgerBalances(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let oil = try await fixtures.part("OIL-5W30", description: "Engine oil 5W-30, litre", cost: "6.00")
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            try await fixtures.receive(101, of: oil, into: bin, unitCost: "6.00")
            try await fixtures.consume(1, of: oil, at: site)
            _ = try await fixtures.generateCounts(at: site, as: counter)
            let task = try #require(try await fixtures.countTasks(at: site, as: counter).first)
            #expect(task.abcClass == .a)

            // 2 % of 100 is 2: finding 98 is within the A tolerance.
            let entered = try await fixtures.count(task, Quantity(units: 98), as: counter)
            #expect(entered.state == .posted)
            #expect(entered.review == nil)
            #expect(try await fixtures.siteStock(oil, at: site).unrestricted == Quantity(units: 98))
            let ledger = try await services.inventory.ledger(part: oil.id, site: site.id,
                                                             PageRequest(after: nil, limit: 50), as: Fixtures.system)
            let correction = try #require(ledger.last)
            #expect(correction.movement.reason == .adjustmentCount)
            #expect(correction.movement.document == DocumentReference(type: .count, id: task.id.description))
            #expect(correction.movement.quantity == Quantity(units: 2))
            #expect(correction.movement.from == StockPosition(siteID: site.id, binID: bin.id, status: .unrestricted))
            #expect(correction.movement.value.amountText == "12.00")
            #expect(correction.balanceAfter == Quantity(units: 98))
            let trail = try await fixtures.auditTrail().filter { $0.entityType == "count" }
            #expect(trail.map(\.action) == ["count.create", "count.enter"])
            await #expect(throws: CountError.transitionNotAllowed(from: .posted, event: .enterCount)) {
                _ = try await fixtures.count(task, Quantity(units: 98), as: counter)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aCountOutsideToleranceIsRecountedThenApprovedBySomeoneElseThenPosted(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A"), other = try await fixtures.site("DLR-B")
            let bin = try await fixtures.bin("A-01", at: site)
            let filters = try await fixtures.part("OF-1")
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            let (recounter, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            let (approver, _) = try await fixtures.user("pm-a2", role: .partsManager, sites: [site.code])
            let (elsewhere, _) = try await fixtures.user("pm-b", role: .partsManager, sites: [other.code])
            try await fixtures.receive(10, of: filters, into: bin)
            _ = try await fixtures.generateCounts(at: site, as: counter)
            let task = try #require(try await fixtures.countTasks(at: site, as: counter).first)
            #expect(task.abcClass == .c)

            // 7 of 10 is 30 % off, beyond C's 10 %: recount, and nothing moves yet.
            let first = try await fixtures.count(task, Quantity(units: 7), as: counter)
            #expect(first.state == .recountRequired)
            #expect(first.review == nil)
            #expect(try await fixtures.siteStock(filters, at: site).unrestricted == Quantity(units: 10))
            // The manager who recounts counts blind too.
            #expect(try await fixtures.countTask(task, as: recounter).review == nil)
            let recount = try await fixtures.count(task, Quantity(units: 7), as: recounter)
            #expect(recount.state == .pendingApproval)
            #expect(recount.counts.map(\.quantity) == [Quantity(units: 7), Quantity(units: 7)])
            #expect(try await fixtures.countTask(task, as: counter).review == nil)
            #expect(try await fixtures.siteStock(filters, at: site).unrestricted == Quantity(units: 10))

            await #expect(throws: AccessError.missingPermission(.approveCounts, role: .warehouse)) {
                _ = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: counter)
            }
            await #expect(throws: CountError.cannotApproveOwnCount) {
                _ = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: recounter)
            }
            await #expect(throws: AccessError.siteOutOfScope(site.id)) {
                _ = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: elsewhere)
            }
            let review = try #require(try await fixtures.countTask(task, as: approver).review)
            #expect((review.expected, review.variance) == (Quantity(units: 10), Quantity(units: -3)))
            let approved = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: approver)
            #expect(approved.state == .posted)
            #expect(approved.decidedBy == approver.principal.id)
            #expect(approved.review?.postedVariance == Quantity(units: -3))
            #expect(try await fixtures.siteStock(filters, at: site).unrestricted == Quantity(units: 7))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aRejectedCountPostsNothingAndThePositionIsCountedAgain(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let pads = try await fixtures.part("BP-1", description: "Brake pad set", category: .brakes, cost: "20.00")
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            let (manager, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            try await fixtures.receive(4, of: pads, into: bin, status: .qualityHold)
            _ = try await fixtures.generateCounts(at: site, as: counter)
            let task = try #require(try await fixtures.countTasks(at: site, as: counter).first)
            #expect(task.status == .qualityHold)
            _ = try await fixtures.count(task, .zero, as: counter)
            _ = try await fixtures.count(task, .zero, as: counter)
            let rejected = try await services.commands.run(DecideCount(taskID: task.id, approve: false), as: manager)
            #expect(rejected.state == .rejected)
            #expect(try await fixtures.siteStock(pads, at: site).qualityHold == Quantity(units: 4))
            await #expect(throws: CountError.transitionNotAllowed(from: .rejected, event: .approve)) {
                _ = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: manager)
            }
            let next = try await fixtures.generateCounts(at: site, as: counter)
            #expect(next.created == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aCountThatWouldTakeReservedStockWaitsUntilAManagerReleasesAReservation(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let starters = try await fixtures.part("ST-1", description: "Starter motor", category: .electrical)
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            let (manager, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            try await fixtures.receive(10, of: starters, into: bin)
            let reservation = try await fixtures.reserve(10, of: starters, at: site).reservations[0]
            _ = try await fixtures.generateCounts(at: site, as: counter)
            let task = try #require(try await fixtures.countTasks(at: site, as: counter).first)

            // 9 of 10 is within C's 10 %, but every unit is promised: recount, then a manager decides.
            #expect(try await fixtures.count(task, Quantity(units: 9), as: counter).state == .recountRequired)
            #expect(try await fixtures.count(task, Quantity(units: 9), as: counter).state == .pendingApproval)
            await #expect(throws: CountError.countTakesReservedStock(available: .zero, variance: Quantity(units: -1))) {
                _ = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: manager)
            }
            #expect(try await fixtures.countTask(task, as: manager).state == .pendingApproval)
            #expect(try await fixtures.siteStock(starters, at: site).unrestricted == Quantity(units: 10))

            _ = try await services.commands.run(ReleaseReservation(reservationID: reservation.id), as: Fixtures.system)
            let approved = try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: manager)
            #expect(approved.state == .posted)
            let stock = try await fixtures.siteStock(starters, at: site)
            #expect((stock.unrestricted, stock.reserved) == (Quantity(units: 9), .zero))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func inventoryAccuracyIsTheShareOfLinesWithinToleranceAtTheirFirstCount(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let north = try await fixtures.site("DLR-N"), south = try await fixtures.site("DLR-S")
            let (counter, _) = try await fixtures.user("wh", role: .warehouse, sites: [north.code, south.code])
            let northBin = try await fixtures.bin("N-01", at: north), southBin = try await fixtures.bin("S-01", at: south)
            var parts: [Part] = []
            for number in 1...4 {
                let part = try await fixtures.part("AC-\(number)")
                try await fixtures.receive(10, of: part, into: northBin)
                parts.append(part)
            }
            try await fixtures.receive(10, of: parts[0], into: southBin)
            try await fixtures.receive(10, of: parts[1], into: southBin)
            _ = try await fixtures.generateCounts(at: north, as: counter)
            _ = try await fixtures.generateCounts(at: south, as: counter)

            // North: three of four lines right at the first count; the fourth only on the recount.
            for (index, task) in try await fixtures.countTasks(at: north, as: counter).enumerated() {
                _ = try await fixtures.count(task, Quantity(units: index == 3 ? 5 : 10), as: counter)
                if index == 3 { _ = try await fixtures.count(task, Quantity(units: 10), as: counter) }
            }
            for task in try await fixtures.countTasks(at: south, as: counter) {
                _ = try await fixtures.count(task, Quantity(units: 10), as: counter)
            }
            let today = CalendarDate(utcOf: clock.now)
            let northAccuracy = try await services.inventory.inventoryAccuracy(site: north.id, from: today, until: today,
                                                                               as: counter)
            #expect((northAccuracy.countedLines, northAccuracy.withinTolerance) == (4, 3))
            #expect(northAccuracy.accuracyPercent == "75.00")
            let southAccuracy = try await services.inventory.inventoryAccuracy(site: south.id, from: nil, until: nil,
                                                                               as: counter)
            #expect(southAccuracy.accuracyPercent == "100.00")
            #expect(southAccuracy.until == today)

            clock.advance(seconds: 40 * Self.day)
            let later = try await services.inventory.inventoryAccuracy(site: north.id, from: nil, until: nil, as: counter)
            #expect((later.countedLines, later.accuracyPercent) == (0, nil))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aSitesCountPolicyIsConfiguredByItsManagerAndAudited(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let (manager, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            #expect(try await services.inventory.countPolicy(site: site.id, as: counter).rules == CountPolicy.standardRules)
            let rules = [CountPolicy.Rule(abcClass: .a, intervalDays: 7, toleranceBasisPoints: 0),
                         CountPolicy.Rule(abcClass: .b, intervalDays: 30, toleranceBasisPoints: 250),
                         CountPolicy.Rule(abcClass: .c, intervalDays: 180, toleranceBasisPoints: 500)]
            await #expect(throws: AccessError.missingPermission(.configureCounts, role: .warehouse)) {
                _ = try await services.commands.run(UpdateCountPolicy(siteID: site.id, input: .init(rules: rules)),
                                                    as: counter)
            }
            let saved = try await services.commands.run(UpdateCountPolicy(siteID: site.id, input: .init(rules: rules.reversed())),
                                                        as: manager)
            #expect(saved.rules == rules)
            #expect(try await services.inventory.countPolicy(site: site.id, as: counter).rules == rules)
            let record = try #require(try await fixtures.auditTrail().last)
            #expect((record.action, record.entityType, record.entityID) == ("countPolicy.update", "countPolicy",
                                                                            site.id.description))

            // New tasks carry the new tolerance: with 0 %, one unit off asks for a recount.
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(50, of: part, into: try await fixtures.bin("A-01", at: site))
            try await fixtures.consume(1, of: part, at: site)
            _ = try await fixtures.generateCounts(at: site, as: counter)
            let task = try #require(try await fixtures.countTasks(at: site, as: counter).first)
            #expect(try await fixtures.count(task, Quantity(units: 48), as: counter).state == .recountRequired)
            #expect(try await fixtures.verify() == [])
        }
    }
}

extension Fixtures {
    /// Issues stock to a repair order (reserved, then consumed): the consumption ABC analysis sees.
    fileprivate func consume(_ quantity: Int64, of part: Part, at site: Site) async throws {
        let reservation = try await reserve(quantity, of: part, at: site, reference: "RO-\(part.number)").reservations[0]
        _ = try await services.commands.run(ConsumeReservation(reservationID: reservation.id, input: .init()),
                                            as: Fixtures.system)
    }

    fileprivate func generateCounts(at site: Site, as caller: Caller) async throws -> GenerateCountTasks.Outcome {
        try await services.commands.run(GenerateCountTasks(.init(siteId: site.id)), as: caller)
    }

    fileprivate func countTasks(at site: Site, state: CountTask.State? = nil, as caller: Caller) async throws
        -> [CountTaskView]
    {
        try await services.inventory.countTasks(site: site.id, state: state, PageRequest(after: nil, limit: 500),
                                                as: caller)
    }

    fileprivate func countTask(_ task: CountTaskView, as caller: Caller) async throws -> CountTaskView {
        try await services.inventory.countTask(task.id, as: caller)
    }

    fileprivate func count(_ task: CountTaskView, _ quantity: Quantity, as caller: Caller) async throws -> CountTaskView {
        try await services.commands.run(EnterCount(taskID: task.id, input: .init(quantity: quantity)), as: caller)
    }
}

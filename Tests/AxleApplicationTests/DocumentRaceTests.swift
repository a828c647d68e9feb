import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// Every step that checks a document's state before changing it, taken by eight concurrent
/// callers at once: exactly one takes it, the others are refused, and what the step moves
/// (stock, audit records) moves once. On PostgreSQL the callers really overlap (READ COMMITTED,
/// a pool of connections); on SQLite the single writer serialises them.
@Suite("Document steps under concurrency")
struct DocumentRaceTests {
    static let callers = 8

    /// Runs `step` from `callers` concurrent tasks; the successes and the failures.
    static func race<Output: Sendable>(_ step: @escaping @Sendable () async throws -> Output) async
        -> (won: [Output], lost: [any Error])
    {
        let outcomes = await withTaskGroup(of: Result<Output, any Error>.self) { group in
            for _ in 0..<callers {
                group.addTask { await Result(catching: step) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        return (outcomes.compactMap { try? $0.get() },
                outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } })
    }

    static func audited(_ action: String, _ fixtures: Fixtures) async throws -> Int {
        try await fixtures.auditTrail().filter { $0.action == action }.count
    }

    @Test(arguments: TestBackend.available)
    func eachTransferStepTakenConcurrentlyHappensOnceAndMovesStockOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let shelf = try await fixtures.bin("A-01", at: branch)
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            try await fixtures.receive(5, of: turbo, into: try await fixtures.bin("R-01", at: warehouse))
            let (requester, _) = try await fixtures.user("pm-dc", role: .partsManager, sites: [warehouse.code])
            let (approver, _) = try await fixtures.user("pm-dc-2", role: .partsManager, sites: [warehouse.code])
            let transfer = try await fixtures.requestTransfer(3, of: turbo, from: warehouse, to: branch, as: requester)
            #expect(transfer.state == .requested)

            let approvals = await Self.race {
                try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: approver)
            }
            #expect(approvals.won.count == 1)
            #expect(approvals.lost.allSatisfy { $0 as? TransferError == .illegalTransition(
                from: .approved, event: .approve, allowed: [.ship, .cancel]) }, "\(approvals.lost)")
            #expect(try await Self.audited("transfer.approve", fixtures) == 1)

            let shipments = await Self.race { try await fixtures.ship(transfer) }
            #expect(shipments.won.count == 1)
            #expect(shipments.lost.count == Self.callers - 1)
            #expect(shipments.lost.allSatisfy { $0 is TransferError }, "\(shipments.lost)")
            let source = try await fixtures.siteStock(turbo, at: warehouse)
            #expect(try (source.onHand, source.reserved) == (Quantity(units: 2), .zero))
            #expect(try await fixtures.siteStock(turbo, at: branch).inTransit == Quantity(units: 3))
            #expect(try await Self.audited("transfer.ship", fixtures) == 1)

            let receipts = await Self.race { try await fixtures.receive(transfer, good: 3, into: shelf) }
            #expect(receipts.won.count == 1)
            #expect(receipts.lost.count == Self.callers - 1)
            #expect(receipts.lost.allSatisfy { $0 is TransferError }, "\(receipts.lost)")
            let destination = try await fixtures.siteStock(turbo, at: branch)
            #expect(try (destination.onHand, destination.inTransit) == (Quantity(units: 3), .zero))
            #expect(try await fixtures.companyStock(turbo) == Quantity(units: 5))
            #expect(try await Self.audited("transfer.receive", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aCountApprovedConcurrentlyPostsItsVarianceOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let filters = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: filters, into: try await fixtures.bin("A-01", at: site))
            let (counter, _) = try await fixtures.user("wh-a", role: .warehouse, sites: [site.code])
            let (recounter, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            let (approver, _) = try await fixtures.user("pm-a2", role: .partsManager, sites: [site.code])
            _ = try await services.commands.run(GenerateCountTasks(.init(siteId: site.id)), as: counter)
            let task = try #require(try await services.inventory.countTasks(
                site: site.id, state: nil, PageRequest(after: nil, limit: 10), as: counter).first)
            // 7 of 10, twice: beyond tolerance, so the count waits for a manager's approval.
            for caller in [counter, recounter] {
                _ = try await services.commands.run(EnterCount(taskID: task.id, input: .init(quantity: Quantity(units: 7))),
                                                    as: caller)
            }

            let decisions = await Self.race {
                try await services.commands.run(DecideCount(taskID: task.id, approve: true), as: approver)
            }
            #expect(decisions.won.count == 1)
            #expect(decisions.lost.count == Self.callers - 1)
            #expect(decisions.lost.allSatisfy { $0 is CountError }, "\(decisions.lost)")
            #expect(try await fixtures.siteStock(filters, at: site).unrestricted == Quantity(units: 7))
            #expect(try await Self.audited("count.approve", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func anAdjustmentApprovedConcurrentlyPostsOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            let (clerk, _) = try await fixtures.user("clerk", role: .partsManager, sites: [site.code])
            let (manager, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [site.code])
            let found = try await services.commands.run(RequestAdjustment(.init(
                siteId: site.id, binId: bin.id, partId: turbo.id, quantity: Quantity(units: 2), reason: .found)), as: clerk)
            #expect(found.state == .pendingApproval)

            let decisions = await Self.race {
                try await services.commands.run(DecideAdjustment(adjustmentID: found.id, approve: true), as: manager)
            }
            #expect(decisions.won.count == 1)
            #expect(decisions.lost.map { $0 as? InventoryError }
                == Array(repeating: .adjustmentNotPending(.posted), count: Self.callers - 1), "\(decisions.lost)")
            #expect(try await fixtures.siteStock(turbo, at: site).unrestricted == Quantity(units: 2))
            #expect(try await Self.audited("adjustment.approve", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aReservationConsumedConcurrentlyIsIssuedOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (site, filters, first) = try await Self.twoReservations(fixtures)

            let issues = await Self.race {
                try await services.commands.run(ConsumeReservation(reservationID: first.id, input: .init()),
                                                as: Fixtures.system)
            }
            #expect(issues.won.count == 1)
            #expect(issues.lost.map { $0 as? InventoryError }
                == Array(repeating: .reservationNotOpen(.consumed), count: Self.callers - 1), "\(issues.lost)")
            let stock = try await fixtures.siteStock(filters, at: site)
            #expect(try (stock.onHand, stock.reserved) == (Quantity(units: 7), Quantity(units: 3)))
            #expect(try await Self.audited("reservation.consume", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aReservationReleasedConcurrentlyIsReleasedOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (site, filters, first) = try await Self.twoReservations(fixtures)

            let releases = await Self.race {
                try await services.commands.run(ReleaseReservation(reservationID: first.id), as: Fixtures.system)
            }
            #expect(releases.won.count == 1)
            #expect(releases.lost.map { $0 as? InventoryError }
                == Array(repeating: .reservationNotOpen(.released), count: Self.callers - 1), "\(releases.lost)")
            let stock = try await fixtures.siteStock(filters, at: site)
            #expect(try (stock.onHand, stock.reserved) == (Quantity(units: 10), Quantity(units: 3)))
            #expect(try await Self.audited("reservation.release", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    /// Ten filters at a site and two reservations of three: the first is raced, and the second
    /// keeps the site's reserved total positive, so that a double issue or release of the first
    /// would not be caught by the schema's "reserved never negative" check alone.
    static func twoReservations(_ fixtures: Fixtures) async throws -> (Site, Part, Reservation) {
        let site = try await fixtures.site("DLR-A")
        let filters = try await fixtures.part("OF-1")
        try await fixtures.receive(10, of: filters, into: try await fixtures.bin("A-01", at: site))
        let first = try await fixtures.reserve(3, of: filters, at: site, reference: "RO-1").reservations[0]
        _ = try await fixtures.reserve(3, of: filters, at: site, reference: "RO-2")
        return (site, filters, first)
    }

    /// A repair order's completion issues its reserved parts while the same reservation is issued
    /// through the reservations API: whatever the interleaving, the parts leave the shelf once.
    @Test(arguments: TestBackend.available)
    func aReservationIssuedByItsRepairOrderAndDirectlyAtOnceIsIssuedOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(5, of: shop.pads, into: shop.bin)
            _ = try await fixtures.reserve(2, of: shop.pads, at: shop.site, reference: "RO-OTHER")
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            for event in [RepairOrderEvent.estimate, .approve, .start, .requestQualityCheck] {
                order = try await RepairOrderScenarioTests.step(order, event, services)
            }
            let reservationID = try #require(order.order.partLines.first?.reservationID)

            let outcomes = await withTaskGroup(of: Result<Void, any Error>.self) { group in
                for caller in 0..<Self.callers {
                    group.addTask { [order] in
                        await Result(catching: {
                            if caller.isMultiple(of: 2) {
                                _ = try await RepairOrderScenarioTests.step(order, .complete, services)
                            } else {
                                _ = try await services.commands.run(
                                    ConsumeReservation(reservationID: reservationID, input: .init()), as: Fixtures.system)
                            }
                        })
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let refused = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(refused.allSatisfy { $0 is InventoryError || $0 is ServiceError }, "\(refused)")
            let pads = try await fixtures.siteStock(shop.pads, at: shop.site)
            #expect(try (pads.onHand, pads.reserved) == (Quantity(units: 3), Quantity(units: 2)))
            #expect(try await Self.audited("reservation.consume", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    /// Recording a supersession marks the old part superseded, a change of the part like an edit:
    /// edits from version 1 racing with it never undo it, nor does it undo the edit that won.
    @Test(arguments: TestBackend.available)
    func aPartEditedWhileItIsSupersededKeepsBothChanges(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let old = try await fixtures.part("OF-1", listPrice: "9.95")
            let new = try await fixtures.part("OF-2")

            let outcomes = await withTaskGroup(of: Result<Part?, any Error>.self) { group in
                for caller in 0..<Self.callers {
                    group.addTask {
                        await Result(catching: {
                            guard caller > 0 else {
                                _ = try await fixtures.supersede(old, by: new)
                                return nil
                            }
                            return try await services.commands.run(UpdatePart(
                                partID: old.id, expectedVersion: 1, input: .init(listPrice: "10.0\(caller)")),
                                as: Fixtures.system)
                        })
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let refused = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(refused.allSatisfy { if case .staleVersion = $0 as? RequestError { true } else { false } },
                    "\(refused)")
            #expect(refused.count >= Self.callers - 2, "at most one edit and the supersession succeed")
            let succeeded: [Part?] = outcomes.compactMap { if case .success(let part) = $0 { part } else { nil } }
            #expect(succeeded.count { $0 == nil } == 1, "the supersession, which named no version, is recorded")
            let edits = succeeded.compactMap { $0 }
            let stored = try #require(try await services.database.read { try await $0.parts.find(id: old.id) })
            #expect(stored.lifecycle == .superseded)
            #expect(stored.listPrice.amountText == (edits.first?.listPrice.amountText ?? "9.95"))
            #expect(stored.version == 2 + Int64(edits.count))
            #expect(try await Self.audited("part.update", fixtures) == edits.count)
            #expect(try await Self.audited("part.supersede", fixtures) == 1)
        }
    }

    /// Readings never go backwards: each is compared with the last one stored, so concurrent
    /// readings take turns, and what is stored rises in the order it was stored.
    @Test(arguments: TestBackend.available)
    func concurrentMileageReadingsNeverGoBackwards(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let (_, vehicle) = try await fixtures.customerWithVehicle()
            let kilometres: [Int64] = [50_000, 10_000, 80_000, 30_000, 70_000, 20_000, 60_000, 40_000]
            let outcomes = await withTaskGroup(of: Result<MileageReading, any Error>.self) { group in
                for reading in kilometres {
                    group.addTask {
                        await Result(catching: {
                            try await services.commands.run(RecordMileage(vehicleID: vehicle.id,
                                                                          input: .init(kilometres: reading)),
                                                            as: Fixtures.system)
                        })
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let refused = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(refused.allSatisfy { ($0 as? ValidationError)?.field == "kilometres" }, "\(refused)")
            let stored = try await services.database.read { try await $0.customers.mileage(of: vehicle.id) }
                .map(\.kilometres).reversed()
            #expect(stored.count == kilometres.count - refused.count)
            #expect(Array(stored) == stored.sorted(), "stored oldest first: \(Array(stored))")
        }
    }

    /// Revoking is idempotent (a revoked token answers as it is), but only one revocation is recorded.
    @Test(arguments: TestBackend.available)
    func aTokenRevokedConcurrentlyIsRevokedAndAuditedOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let issued = try await services.commands.run(
                IssueToken(name: "leaver", role: .technician, siteCodes: [], validForSeconds: nil), as: Fixtures.system)

            let revocations = await Self.race {
                try await services.commands.run(RevokeToken(tokenID: issued.token.id), as: Fixtures.system)
            }
            #expect(revocations.lost.isEmpty, "\(revocations.lost)")
            #expect(revocations.won.count == Self.callers)
            #expect(revocations.won.allSatisfy { $0.revokedAt != nil })
            #expect(try await Self.audited("token.revoke", fixtures) == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAppointmentCancelledConcurrentlyIsCancelledOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(4, of: shop.pads, into: shop.bin)
            // Another job holds two pads, so a double release would show in the site's reserved total.
            _ = try await fixtures.reserve(2, of: shop.pads, at: shop.site, reference: "RO-OTHER")
            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)

            let cancellations = await Self.race {
                try await services.commands.run(CancelAppointment(appointmentID: booked.appointment.id), as: Fixtures.system)
            }
            #expect(cancellations.won.count == 1)
            #expect(cancellations.lost.map { $0 as? ServiceError }
                == Array(repeating: .appointmentNotBooked(.cancelled), count: Self.callers - 1), "\(cancellations.lost)")
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))
            #expect(try await Self.audited("appointment.cancel", fixtures) == 1)
            #expect(try await Self.audited("reservation.release", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aRepairOrderCompletedConcurrentlyIssuesItsPartsOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(5, of: shop.pads, into: shop.bin)
            _ = try await fixtures.reserve(2, of: shop.pads, at: shop.site, reference: "RO-OTHER")
            var order = try await RepairOrderScenarioTests.walkIn(shop, services)
            for event in [RepairOrderEvent.estimate, .approve, .start, .requestQualityCheck] {
                order = try await RepairOrderScenarioTests.step(order, event, services)
            }

            let completions = await Self.race { [order] in
                try await RepairOrderScenarioTests.step(order, .complete, services)
            }
            #expect(completions.won.count == 1)
            #expect(completions.lost.count == Self.callers - 1)
            #expect(completions.lost.allSatisfy { $0 is ServiceError }, "\(completions.lost)")
            let pads = try await fixtures.siteStock(shop.pads, at: shop.site)
            #expect(try (pads.onHand, pads.reserved) == (Quantity(units: 3), Quantity(units: 2)))
            #expect(try await Self.audited("reservation.consume", fixtures) == 1)
            #expect(try await fixtures.verify() == [])
        }
    }
}

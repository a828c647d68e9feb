import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Stock ledger scenarios")
struct LedgerScenarioTests {
    @Test(arguments: TestBackend.available)
    func receivingReservingAndIssuingKeepsTheLedgerAndBalancesInStep(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let (shelf, overflow) = (try await fixtures.bin("A-01", at: site), try await fixtures.bin("B-01", at: site))
            let pads = try await fixtures.part("BP-1", description: "Brake pad set", category: .brakes, cost: "20.00")
            try await fixtures.receive(6, of: pads, into: shelf, unitCost: "20.00")
            try await fixtures.receive(4, of: pads, into: overflow, unitCost: "25.00")
            let reservation = try await fixtures.reserve(8, of: pads, at: site).reservations[0]
            var stock = try await fixtures.siteStock(pads, at: site)
            #expect(stock.unrestricted == Quantity(units: 10))
            #expect(stock.reserved == Quantity(units: 8))
            #expect(try stock.available == Quantity(units: 2))

            let issue = try await services.commands.run(ConsumeReservation(reservationID: reservation.id, input: .init()),
                                                        as: Fixtures.system)
            #expect(issue.reservation.status == .consumed)
            #expect(issue.movements.map(\.quantity) == [Quantity(units: 6), Quantity(units: 2)])
            stock = try await fixtures.siteStock(pads, at: site)
            #expect(stock.unrestricted == Quantity(units: 2))
            #expect(stock.reserved == .zero)

            let history = try await services.inventory.ledger(part: pads.id, site: site.id,
                                                              PageRequest(after: nil, limit: 50), as: Fixtures.system)
            #expect(history.map(\.balanceAfter) == [6, 10, 4, 2].map { Quantity(units: $0) })
            let average = try await services.database.read { try await $0.stock.averageCost(part: pads.id) }
            #expect(average?.unitCost.amountText == "22.00")
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func arrivingStockServesBackordersByPriorityThenNeedByThenAge(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let starter = try await fixtures.part("ST-1", description: "Starter motor", category: .electrical)
            let replenish = try await fixtures.reserve(2, of: starter, at: site, priority: .stockReplenishment,
                                                       reference: "REPL", backorder: true).reservations[0]
            clock.advance(seconds: 60)
            let waitingLate = try await fixtures.reserve(2, of: starter, at: site, priority: .customerWaiting,
                                                         needBy: "2026-03-12", reference: "RO-late", backorder: true).reservations[0]
            clock.advance(seconds: 60)
            let waitingSoon = try await fixtures.reserve(2, of: starter, at: site, priority: .customerWaiting,
                                                         needBy: "2026-03-05", reference: "RO-soon", backorder: true).reservations[0]
            clock.advance(seconds: 60)
            let offRoad = try await fixtures.reserve(2, of: starter, at: site, priority: .vehicleOffRoad,
                                                     reference: "VOR", backorder: true).reservations[0]
            #expect([replenish, waitingLate, waitingSoon, offRoad].allSatisfy { $0.reserved == .zero })

            let receipt = try await fixtures.receive(5, of: starter, into: bin)
            #expect(receipt.allocations.map(\.reservationID) == [offRoad.id, waitingSoon.id, waitingLate.id])
            #expect(receipt.allocations.map(\.allocated) == [2, 2, 1].map { Quantity(units: $0) })
            let stock = try await fixtures.siteStock(starter, at: site)
            #expect(stock.reserved == Quantity(units: 5))
            #expect(stock.backordered == Quantity(units: 3))
            #expect(try stock.available == .zero)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aShortSiteRefusesAndProposesSubstitutesAndTheNearestOtherSites(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let here = try await fixtures.site("DLR-LOOP", latitude: 41.8781, longitude: -87.6298)
            let near = try await fixtures.site("WS-CICERO", kind: .workshop, latitude: 41.8456, longitude: -87.7539)
            let far = try await fixtures.site("DC-JOLIET", kind: .distributionCenter, latitude: 41.5250, longitude: -88.0817)
            let filter = try await fixtures.part("OF-1"), alternative = try await fixtures.part("OF-1-ALT")
            _ = try await services.commands.run(ApproveSubstitute(partID: filter.id, input: .init(
                substituteId: alternative.id, rule: .whenOutOfStock)), as: Fixtures.system)
            try await fixtures.receive(1, of: filter, into: try await fixtures.bin("A", at: here))
            try await fixtures.receive(3, of: alternative, into: try await fixtures.bin("B", at: here))
            try await fixtures.receive(5, of: filter, into: try await fixtures.bin("C", at: far))
            try await fixtures.receive(2, of: filter, into: try await fixtures.bin("D", at: near))

            await #expect {
                _ = try await fixtures.reserve(4, of: filter, at: here)
            } throws: { error in
                guard let refused = error as? ReservationRefused else { return false }
                return refused.available == Quantity(units: 1)
                    && refused.proposals.substitutes.map(\.part.number.rawValue) == ["OF-1-ALT"]
                    && refused.proposals.otherSites.map(\.site.code.rawValue) == ["WS-CICERO", "DC-JOLIET"]
            }
            let partial = try await fixtures.reserve(4, of: filter, at: here, allowPartial: true)
            #expect(partial.reservations[0].reserved == Quantity(units: 1))
            #expect(partial.notReserved == Quantity(units: 3))
            #expect(partial.proposals?.otherSites.first?.site.code.rawValue == "WS-CICERO")
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aReservationForASupersededNumberReservesTheCurrentPart(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let old = try await fixtures.part("WB-1"), new = try await fixtures.part("WB-2")
            _ = try await fixtures.supersede(old, by: new, effectiveOn: CalendarDate("2026-01-01"))
            try await fixtures.receive(3, of: new, into: try await fixtures.bin("A", at: site))
            let outcome = try await services.commands.run(Reserve(.init(
                partNumber: old.number, siteId: site.id, quantity: Quantity(units: 2),
                demand: Demand(kind: .customerOrder, reference: "CO-7"), priority: .customerWaiting,
                needBy: CalendarDate("2026-03-03")!)), as: Fixtures.system)
            #expect(outcome.reservations.map(\.partID) == [new.id])
            #expect(outcome.requestedPart == old.number)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAdjustmentAboveTheThresholdWaitsForAnotherManager(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let siteA = try await fixtures.site("DLR-A"), siteB = try await fixtures.site("DLR-B")
            let bin = try await fixtures.bin("A-01", at: siteA)
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            let (clerk, _) = try await fixtures.user("clerk", role: .partsManager, sites: [siteA.code])
            let (otherSiteManager, _) = try await fixtures.user("pm-b", role: .partsManager, sites: [siteB.code])
            let (manager, _) = try await fixtures.user("pm-a", role: .partsManager, sites: [siteA.code])
            let (technician, _) = try await fixtures.user("tech-a", role: .technician, sites: [siteA.code])

            let small = try await services.commands.run(RequestAdjustment(.init(
                siteId: siteA.id, binId: bin.id, partId: turbo.id, quantity: Quantity(milli: 100), reason: .found)), as: clerk)
            #expect(small.state == .posted)
            let large = try await services.commands.run(RequestAdjustment(.init(
                siteId: siteA.id, binId: bin.id, partId: turbo.id, quantity: Quantity(units: 2), reason: .found,
                note: "pallet found behind rack")), as: clerk)
            #expect(large.state == .pendingApproval)
            #expect(try await fixtures.siteStock(turbo, at: siteA).unrestricted == Quantity(milli: 100))

            await #expect(throws: InventoryError.cannotApproveOwnAdjustment) {
                _ = try await services.commands.run(DecideAdjustment(adjustmentID: large.id, approve: true), as: clerk)
            }
            await #expect(throws: AccessError.siteOutOfScope(siteA.id)) {
                _ = try await services.commands.run(DecideAdjustment(adjustmentID: large.id, approve: true),
                                                    as: otherSiteManager)
            }
            await #expect(throws: AccessError.self) {
                _ = try await services.commands.run(RequestAdjustment(.init(
                    siteId: siteB.id, binId: bin.id, partId: turbo.id, quantity: Quantity(units: -1), reason: .lost)),
                    as: technician)
            }
            let approved = try await services.commands.run(DecideAdjustment(adjustmentID: large.id, approve: true),
                                                           as: manager)
            #expect(approved.state == .posted)
            #expect(approved.decidedBy == manager.principal.id)
            #expect(try await fixtures.siteStock(turbo, at: siteA).unrestricted == Quantity(milli: 2_100))
            await #expect(throws: InventoryError.adjustmentNotPending(.posted)) {
                _ = try await services.commands.run(DecideAdjustment(adjustmentID: large.id, approve: false), as: manager)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func reservedStockCannotBeBlockedOrAdjustedAway(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-01", at: site)
            let part = try await fixtures.part("AL-1", cost: "1.00")
            try await fixtures.receive(5, of: part, into: bin)
            _ = try await fixtures.reserve(4, of: part, at: site)
            await #expect(throws: InventoryError.insufficientAvailable(available: Quantity(units: 1), requested: Quantity(units: 2))) {
                _ = try await services.commands.run(MoveStock(.init(
                    siteId: site.id, partId: part.id, quantity: Quantity(units: 2), kind: .block, fromBinId: bin.id)),
                    as: Fixtures.system)
            }
            await #expect(throws: InventoryError.self) {
                _ = try await services.commands.run(RequestAdjustment(.init(
                    siteId: site.id, binId: bin.id, partId: part.id, quantity: Quantity(units: -3), reason: .lost)),
                    as: Fixtures.system)
            }
            #expect(try await fixtures.siteStock(part, at: site).unrestricted == Quantity(units: 5))
            #expect(try await fixtures.verify() == [])
        }
    }
}

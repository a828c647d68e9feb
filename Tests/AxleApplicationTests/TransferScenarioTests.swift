import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Transfer scenarios")
struct TransferScenarioTests {
    @Test(arguments: TestBackend.available)
    func aBranchPullsFiltersFromTheWarehouseAndTheCycleTimeIsRecorded(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let rack = try await fixtures.bin("R-01", at: warehouse), shelf = try await fixtures.bin("A-01", at: branch)
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(20, of: filter, into: rack)
            let (counter, _) = try await fixtures.user("branch-counter", role: .warehouse, sites: [branch.code])
            let (picker, _) = try await fixtures.user("dc-picker", role: .warehouse, sites: [warehouse.code])

            let requested = try await fixtures.requestTransfer(8, of: filter, from: warehouse, to: branch, as: counter)
            #expect(requested.state == .approved)
            #expect(!requested.approvalRequired)
            #expect(requested.value.amountText == "32.80")
            var source = try await fixtures.siteStock(filter, at: warehouse)
            #expect(try (source.reserved, source.available) == (Quantity(units: 8), Quantity(units: 12)))

            clock.advance(seconds: 3_600)
            let shipment = try await fixtures.ship(requested, arriving: "2026-03-04", as: picker)
            #expect(shipment.transfer.state == .shipped)
            #expect(shipment.transfer.expectedArrival == CalendarDate("2026-03-04"))
            #expect(shipment.movements.map(\.reason) == [.transferShip])
            #expect(shipment.movements.first?.to == StockPosition(siteID: branch.id, binID: nil, status: .inTransit))
            source = try await fixtures.siteStock(filter, at: warehouse)
            #expect((source.unrestricted, source.reserved) == (Quantity(units: 12), .zero))
            #expect(try await fixtures.siteStock(filter, at: branch).inTransit == Quantity(units: 8))
            let reservation = try await services.inventory.reservation(requested.reservationID, as: Fixtures.system)
            #expect(reservation.status == .consumed)
            #expect(reservation.demand == Demand(kind: .transfer, reference: requested.id.description))

            clock.advance(seconds: 90_000)
            let receipt = try await fixtures.receive(requested, good: 8, into: shelf, as: counter)
            #expect(receipt.transfer.state == .received)
            #expect(receipt.transfer.cycleTimeSeconds == 93_600)
            #expect(receipt.exceptions.isEmpty)
            let destination = try await fixtures.siteStock(filter, at: branch)
            #expect((destination.unrestricted, destination.inTransit) == (Quantity(units: 8), .zero))
            #expect(try await fixtures.companyStock(filter) == Quantity(units: 20))

            let stored = try await services.transfers.transfer(requested.id, as: Fixtures.system)
            #expect(stored == receipt.transfer)
            #expect(stored.requested.actorID == counter.principal.id)
            #expect(stored.shipped?.actorID == picker.principal.id)
            let trail = try await fixtures.auditTrail().filter { $0.entityType == "transfer" }.map(\.action)
            #expect(trail == ["transfer.request", "transfer.ship", "transfer.receive"])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aValuableTransferWaitsForAnotherManagerOfTheSourceSite(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            try await fixtures.receive(5, of: turbo, into: try await fixtures.bin("R-01", at: warehouse))
            let (requester, _) = try await fixtures.user("pm-dc", role: .partsManager, sites: [warehouse.code])
            let (branchManager, _) = try await fixtures.user("pm-branch", role: .partsManager, sites: [branch.code])
            let (picker, _) = try await fixtures.user("dc-picker", role: .warehouse, sites: [warehouse.code])
            let (approver, _) = try await fixtures.user("pm-dc-2", role: .partsManager, sites: [warehouse.code])

            let transfer = try await fixtures.requestTransfer(3, of: turbo, from: warehouse, to: branch, as: requester)
            #expect(transfer.state == .requested)
            #expect(transfer.approvalRequired)
            #expect(transfer.value.amountText == "2700.00")
            #expect(transfer.approved == nil)
            await #expect(throws: TransferError.cannotApproveOwnTransfer) {
                _ = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: requester)
            }
            await #expect(throws: AccessError.siteOutOfScope(warehouse.id)) {
                _ = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: branchManager)
            }
            await #expect(throws: AccessError.missingPermission(.approveTransfers, role: .warehouse)) {
                _ = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: picker)
            }
            let approved = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: approver)
            #expect(approved.state == .approved)
            #expect(approved.approved?.actorID == approver.principal.id)
            await #expect(throws: TransferError.illegalTransition(from: .approved, event: .approve, allowed: [.ship, .cancel])) {
                _ = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: approver)
            }
            #expect(try await fixtures.ship(approved, as: picker).transfer.state == .shipped)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func shippingATransferThatStillWaitsForApprovalIsRefusedAndChangesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let turbo = try await fixtures.part("TC-1", description: "Turbocharger", category: .engine, cost: "900.00")
            try await fixtures.receive(5, of: turbo, into: try await fixtures.bin("R-01", at: warehouse))
            let transfer = try await fixtures.requestTransfer(3, of: turbo, from: warehouse, to: branch)
            let trail = try await fixtures.auditTrail()
            let before = (try await fixtures.siteStock(turbo, at: warehouse), try await fixtures.siteStock(turbo, at: branch))

            await #expect(throws: TransferError.notApproved(allowed: [.approve, .cancel])) {
                try await fixtures.ship(transfer)
            }
            #expect(try await services.transfers.transfer(transfer.id, as: Fixtures.system).state == .requested)
            #expect(try await fixtures.siteStock(turbo, at: warehouse) == before.0)
            #expect(try await fixtures.siteStock(turbo, at: branch) == before.1)
            #expect(before.0.reserved == Quantity(units: 3))
            #expect(try await fixtures.auditTrail() == trail)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aReceiptShortOverOrDamagedOpensExceptionItemsAndTheLedgerStillBalances(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let rack = try await fixtures.bin("R-01", at: warehouse), shelf = try await fixtures.bin("A-01", at: branch)
            let pads = try await fixtures.part("BP-1", description: "Brake pad set", category: .brakes, cost: "20.00")
            try await fixtures.receive(40, of: pads, into: rack)
            var transfers: [Transfer] = []
            for _ in 0..<3 {
                let transfer = try await fixtures.requestTransfer(10, of: pads, from: warehouse, to: branch)
                try await fixtures.ship(transfer)
                transfers.append(transfer)
            }

            let short = try await fixtures.receive(transfers[0], good: 7, into: shelf)
            #expect(short.transfer.receipt?.short == Quantity(units: 3))
            #expect(short.movements.map(\.reason) == [.transferReceive, .transferShort])
            let over = try await fixtures.receive(transfers[1], good: 12, into: shelf)
            #expect(over.transfer.receipt?.over == Quantity(units: 2))
            #expect(over.movements.map(\.reason) == [.transferReceive, .transferOver])
            let damaged = try await fixtures.receive(transfers[2], good: 8, damaged: 2, into: shelf)
            #expect(damaged.movements.map(\.reason) == [.transferReceive, .transferDamaged])

            let opened = [short, over, damaged].flatMap(\.exceptions)
            #expect(opened.map(\.kind) == [.short, .over, .damaged])
            #expect(opened.map(\.quantity) == [3, 2, 2].map { Quantity(units: $0) })
            #expect(opened.allSatisfy { $0.state == .open && $0.siteID == branch.id })
            let listed = try await services.transfers.exceptions(site: branch.id, state: .open,
                                                                 PageRequest(after: nil, limit: 50), as: Fixtures.system)
            #expect(Set(listed.map(\.id)) == Set(opened.map(\.id)))
            #expect(try await services.transfers.exceptions(site: warehouse.id, state: nil, PageRequest(after: nil, limit: 50),
                                                            as: Fixtures.system).isEmpty)

            let stock = try await fixtures.siteStock(pads, at: branch)
            #expect((stock.unrestricted, stock.damaged, stock.inTransit) == (Quantity(units: 27), Quantity(units: 2), .zero))
            #expect(try await fixtures.siteStock(pads, at: warehouse).unrestricted == Quantity(units: 10))
            // 40 received, 3 never arrived, 2 arrived beyond the shipment.
            #expect(try await fixtures.companyStock(pads) == Quantity(units: 39))
            let average = try await services.database.read { try await $0.stock.averageCost(part: pads.id) }
            #expect(average?.quantity == Quantity(units: 39))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func cancellingATransferReleasesItsStockToTheSourcesBackordersFirst(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            let transfer = try await fixtures.requestTransfer(6, of: filter, from: warehouse, to: branch)
            let waiting = try await fixtures.reserve(8, of: filter, at: warehouse, priority: .vehicleOffRoad,
                                                     allowPartial: true, backorder: true).reservations[0]
            #expect((waiting.reserved, waiting.backordered) == (Quantity(units: 4), Quantity(units: 4)))

            let cancelled = try await services.commands.run(CancelTransfer(transferID: transfer.id), as: Fixtures.system)
            #expect(cancelled.state == .cancelled)
            #expect(cancelled.cancelled?.actorID == Principal.system.id)
            let released = try await services.inventory.reservation(transfer.reservationID, as: Fixtures.system)
            #expect((released.status, released.reserved) == (.released, .zero))
            let served = try await services.inventory.reservation(waiting.id, as: Fixtures.system)
            #expect((served.reserved, served.backordered) == (Quantity(units: 8), .zero))
            let stock = try await fixtures.siteStock(filter, at: warehouse)
            #expect(try (stock.reserved, stock.available) == (Quantity(units: 8), Quantity(units: 2)))

            await #expect(throws: TransferError.illegalTransition(from: .cancelled, event: .ship, allowed: [])) {
                try await fixtures.ship(transfer)
            }
            await #expect(throws: TransferError.illegalTransition(from: .cancelled, event: .cancel, allowed: [])) {
                _ = try await services.commands.run(CancelTransfer(transferID: transfer.id), as: Fixtures.system)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func theDestinationsAvailableToPromiseCountsAShipmentOnItsExpectedArrivalDay(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let shelf = try await fixtures.bin("A-01", at: branch)
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            try await fixtures.receive(2, of: filter, into: shelf)
            let transfer = try await fixtures.requestTransfer(5, of: filter, from: warehouse, to: branch)
            try await fixtures.ship(transfer, arriving: "2026-03-04")

            let atp = try await services.inventory.availableToPromise(
                part: filter.id, site: branch.id, through: CalendarDate("2026-03-05"), as: Fixtures.system)
            #expect(atp.availableNow == Quantity(units: 2))
            #expect(atp.days.map(\.date.description) == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"])
            #expect(atp.days.map(\.inbound) == [0, 0, 5, 0].map { Quantity(units: $0) })
            #expect(atp.days.map(\.available) == [2, 2, 7, 7].map { Quantity(units: $0) })
            let source = try await services.inventory.availableToPromise(
                part: filter.id, site: warehouse.id, through: CalendarDate("2026-03-05"), as: Fixtures.system)
            #expect(source.days.allSatisfy { $0.inbound == .zero && $0.available == Quantity(units: 5) })

            try await fixtures.receive(transfer, good: 5, into: shelf)
            let after = try await services.inventory.availableToPromise(
                part: filter.id, site: branch.id, through: CalendarDate("2026-03-05"), as: Fixtures.system)
            #expect(after.availableNow == Quantity(units: 7))
            #expect(after.days.allSatisfy { $0.inbound == .zero })
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aSourceWithoutEnoughAvailableStockRefusesTheWholeTransfer(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(5, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            _ = try await fixtures.reserve(2, of: filter, at: warehouse)
            await #expect(throws: TransferError.insufficientAtSource(available: Quantity(units: 3), requested: Quantity(units: 4))) {
                _ = try await fixtures.requestTransfer(4, of: filter, from: warehouse, to: branch)
            }
            #expect(try await fixtures.siteStock(filter, at: warehouse).reserved == Quantity(units: 2))
            #expect(try await services.transfers.transfers(site: nil, state: nil, PageRequest(after: nil, limit: 10),
                                                           as: Fixtures.system).isEmpty)
            #expect(try await fixtures.verify() == [])
        }
    }
}

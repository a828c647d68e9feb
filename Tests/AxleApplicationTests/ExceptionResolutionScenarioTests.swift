import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Exception resolution scenarios")
struct ExceptionResolutionScenarioTests {
    @Test(arguments: TestBackend.available)
    func theBranchManagerClaimsTheShortBoxAndWritesOffTheDamagedPadsWithoutMovingStock(_ backend: TestBackend)
        async throws
    {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let shelf = try await fixtures.bin("A-01", at: branch)
            let pads = try await fixtures.part("BP-1", description: "Brake pad set", category: .brakes, cost: "20.00")
            try await fixtures.receive(40, of: pads, into: try await fixtures.bin("R-01", at: warehouse))
            let (manager, _) = try await fixtures.user("pm-branch", role: .partsManager, sites: [branch.code])
            let transfer = try await fixtures.requestTransfer(10, of: pads, from: warehouse, to: branch)
            try await fixtures.ship(transfer)
            let receipt = try await fixtures.receive(transfer, good: 6, damaged: 2, into: shelf)
            let short = try #require(receipt.exceptions.first { $0.kind == .short })
            let damaged = try #require(receipt.exceptions.first { $0.kind == .damaged })
            let stockBefore = try await fixtures.siteStock(pads, at: branch)
            let movementsBefore = try await services.database.read { stores in
                try await stores.ledger.history(part: pads.id, site: nil, PageRequest(after: nil, limit: 100))
            }

            clock.advance(seconds: 86_400)
            let claimed = try await services.commands.run(ResolveException(exceptionID: short.id, input: .init(
                resolution: .claimed, note: "  One box missing from the pallet; claim filed with the carrier ",
                reference: "CLM-2026-0042")), as: manager)
            #expect(claimed.state == .resolved)
            #expect(claimed.resolution == .claimed)
            #expect(claimed.resolutionNote == "One box missing from the pallet; claim filed with the carrier")
            #expect(claimed.resolutionReference == "CLM-2026-0042")
            #expect(claimed.resolvedBy == manager.principal.id)
            #expect(claimed.resolvedAt == clock.now)
            let writtenOff = try await services.commands.run(ResolveException(exceptionID: damaged.id, input: .init(
                resolution: .writtenOff, note: "Cracked friction material; scrapped")), as: manager)
            #expect((writtenOff.state, writtenOff.resolution, writtenOff.resolutionReference) == (.resolved, .writtenOff, nil))

            // A resolution is a decision: the receipt already put the books right.
            #expect(try await fixtures.siteStock(pads, at: branch) == stockBefore)
            #expect(try await services.database.read { stores in
                try await stores.ledger.history(part: pads.id, site: nil, PageRequest(after: nil, limit: 100))
            } == movementsBefore)

            let page = PageRequest<String>(after: nil, limit: 50)
            let resolved = try await services.transfers.exceptions(site: branch.id, state: .resolved, page, as: Fixtures.system)
            #expect(Set(resolved.map(\.id)) == [short.id, damaged.id])
            #expect(resolved.first { $0.id == short.id } == claimed)
            #expect(try await services.transfers.exceptions(site: branch.id, state: .open, page, as: Fixtures.system).isEmpty)
            let trail = try await fixtures.auditTrail().filter { $0.entityType == "exception" }
            #expect(trail.filter { $0.entityID == short.id.description }.map(\.action) == ["exception.open", "exception.resolve"])
            #expect(trail.last?.actorName == "pm-branch")
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aResolutionIsRefusedTwiceOutsideTheReceivingSiteOrWhenItDoesNotFitTheDifference(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let shelf = try await fixtures.bin("A-01", at: branch)
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(20, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            let (branchManager, _) = try await fixtures.user("pm-branch", role: .partsManager, sites: [branch.code])
            let (dcManager, _) = try await fixtures.user("pm-dc", role: .partsManager, sites: [warehouse.code])
            let (counter, _) = try await fixtures.user("branch-counter", role: .warehouse, sites: [branch.code])
            let transfer = try await fixtures.requestTransfer(5, of: filter, from: warehouse, to: branch)
            try await fixtures.ship(transfer)
            let over = try #require(try await fixtures.receive(transfer, good: 7, into: shelf).exceptions.first)
            #expect(over.kind == .over)
            func resolve(_ id: TransferException.ID, _ resolution: TransferException.Resolution, note: String = "Checked",
                         as caller: Caller) async throws -> TransferException {
                try await services.commands.run(ResolveException(exceptionID: id, input: .init(
                    resolution: resolution, note: note)), as: caller)
            }
            let trail = try await fixtures.auditTrail()

            await #expect(throws: AccessError.missingPermission(.resolveExceptions, role: .warehouse)) {
                _ = try await resolve(over.id, .returned, as: counter)
            }
            await #expect(throws: AccessError.siteOutOfScope(branch.id)) {
                _ = try await resolve(over.id, .returned, as: dcManager)
            }
            await #expect(throws: ExceptionError.resolutionNotApplicable(kind: .over, resolution: .writtenOff,
                                                                         applicable: [.returned, .corrected])) {
                _ = try await resolve(over.id, .writtenOff, as: branchManager)
            }
            await #expect(throws: ValidationError(field: "note", reason: "must not be empty")) {
                _ = try await resolve(over.id, .returned, note: "   ", as: branchManager)
            }
            await #expect(throws: ExceptionError.exceptionNotFound(transfer.id.description)) {
                _ = try await resolve(TransferException.ID(transfer.id.rawValue), .returned, as: branchManager)
            }
            #expect(try await fixtures.auditTrail() == trail)

            let returned = try await resolve(over.id, .returned, note: "Two extra sent back on the next run", as: branchManager)
            #expect(returned.resolution == .returned)
            await #expect(throws: ExceptionError.illegalTransition(from: .resolved, event: .resolve, allowed: [])) {
                _ = try await resolve(over.id, .corrected, as: Fixtures.system)
            }
            let stored = try await services.transfers.exceptions(site: nil, state: nil, PageRequest(after: nil, limit: 10),
                                                                 as: Fixtures.system)
            #expect(stored == [returned])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func twoManagersResolvingTheSameItemAtOnceResolveItOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let warehouse = try await fixtures.site("DC-1", kind: .distributionCenter)
            let branch = try await fixtures.site("DLR-A")
            let filter = try await fixtures.part("OF-1")
            try await fixtures.receive(10, of: filter, into: try await fixtures.bin("R-01", at: warehouse))
            let transfer = try await fixtures.requestTransfer(4, of: filter, from: warehouse, to: branch)
            try await fixtures.ship(transfer)
            let short = try #require(try await fixtures.receive(transfer, good: 3, into: try await fixtures.bin("A-01", at: branch))
                .exceptions.first)
            let (first, _) = try await fixtures.user("pm-1", role: .partsManager, sites: [branch.code])
            let (second, _) = try await fixtures.user("pm-2", role: .partsManager, sites: [branch.code])

            let outcomes = await withTaskGroup(of: Result<TransferException, any Error>.self) { group in
                for (caller, resolution) in [(first, TransferException.Resolution.claimed), (second, .writtenOff)] {
                    group.addTask {
                        await Result(catching: {
                            try await services.commands.run(ResolveException(exceptionID: short.id, input: .init(
                                resolution: resolution, note: "Settled by \(caller.principal.name)")), as: caller)
                        })
                    }
                }
                var outcomes: [Result<TransferException, any Error>] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let resolved = outcomes.compactMap { try? $0.get() }
            #expect(resolved.count == 1)
            let refusals = outcomes.compactMap { outcome -> ExceptionError? in
                guard case .failure(let error) = outcome else { return nil }
                return error as? ExceptionError
            }
            #expect(refusals == [.illegalTransition(from: .resolved, event: .resolve, allowed: [])])
            let stored = try await services.transfers.exceptions(site: branch.id, state: .resolved,
                                                                 PageRequest(after: nil, limit: 10), as: Fixtures.system)
            #expect(stored == resolved)
            let trail = try await fixtures.auditTrail().filter { $0.action == "exception.resolve" }
            #expect(trail.count == 1)
        }
    }
}

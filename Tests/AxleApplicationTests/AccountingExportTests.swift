import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// What an accountant takes away: the stock matrix valued today and the ledger of a period,
/// each only for the sites the caller reads stock at.
@Suite("Exports for accountants")
struct AccountingExportTests {
    @Test(arguments: TestBackend.available)
    func theStockMatrixAndAPeriodsLedgerShowWhatWasPostedAtTheCallersSites(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let north = try await fixtures.site("DLR-N"), west = try await fixtures.site("DLR-W")
            let northShelf = try await fixtures.bin("A-01", at: north), westShelf = try await fixtures.bin("B-02", at: west)
            let filter = try await fixtures.part("OF-1")
            let start = clock.now
            _ = try await fixtures.receive(10, of: filter, into: northShelf, unitCost: "4.00")
            clock.advance(seconds: 3_600)
            _ = try await fixtures.receive(6, of: filter, into: westShelf, unitCost: "5.00")
            _ = try await fixtures.reserve(4, of: filter, at: north)
            let export = ExportService(dependencies: services.dependencies)

            // 16 units received, 10 at 4.00 and 6 at 5.00: a moving average of 4.375, rounded to 4.38.
            #expect(try await export.stockMatrix(as: Fixtures.system) == """
                site,part,unrestricted,qualityHold,damaged,blocked,inTransit,reserved,backordered,available,onHand,unitCost,value
                DLR-N,OF-1,10,0,0,0,0,4,0,6,10,4.38,43.80
                DLR-W,OF-1,6,0,0,0,0,0,0,6,6,4.38,26.28

                """)

            let firstHour = try await export.ledger(from: start, to: start.adding(seconds: 3_600), as: Fixtures.system)
            let lines = firstHour.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "the header and the receipt at DLR-N only: \(firstHour)")
            #expect(lines.first == AccountingReport.ledgerColumns.joined(separator: ","))
            #expect(lines.last?.hasPrefix("1,\(start),OF-1,receipt,receipt,") == true, "\(firstHour)")
            #expect(lines.last?.hasSuffix(",,,,DLR-N,A-01,unrestricted,10,4.00,40.00") == true, "\(firstHour)")

            let wholeDay = try await export.ledger(from: start, to: start.adding(seconds: 86_400), as: Fixtures.system)
            #expect(wholeDay.split(separator: "\n").count == 3)

            let westClerk = Caller(principal: Principal(id: Principal.ID(UUID()), name: "west clerk", role: .partsManager,
                                                        sites: [west.id]), requestID: "test")
            let westMatrix = try await export.stockMatrix(as: westClerk).split(separator: "\n")
            #expect(westMatrix.count == 2 && westMatrix.last?.hasPrefix("DLR-W,OF-1,") == true, "\(westMatrix)")
            let westLedger = try await export.ledger(from: start, to: start.adding(seconds: 86_400), as: westClerk)
                .split(separator: "\n")
            #expect(westLedger.count == 2 && westLedger.last?.contains(",DLR-W,B-02,unrestricted,6,5.00,30.00") == true,
                    "\(westLedger)")

            await #expect(throws: ValidationError.self) {
                _ = try await export.ledger(from: start, to: start, as: Fixtures.system)
            }
        }
    }
}

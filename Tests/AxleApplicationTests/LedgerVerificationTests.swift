import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Ledger verification")
struct LedgerVerificationTests {
    @Test(arguments: TestBackend.available)
    func aBalanceChangedBehindTheLedgersBackIsReported(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(5, of: part, into: try await fixtures.bin("A-1", at: site))
            _ = try await fixtures.reserve(2, of: part, at: site)
            #expect(try await fixtures.verify() == [])

            try await Tampering.execute("UPDATE stock_balances SET quantity_milli = 7000", on: url)
            try await Tampering.execute("UPDATE site_stock SET reserved_milli = 3000", on: url)
            let problems = try await fixtures.verify()
            #expect(problems.contains { $0.hasPrefix("balance of part \(part.id)") && $0.contains("stored 7, ledger says 5") })
            #expect(problems.contains { $0.hasPrefix("unrestricted total of part \(part.id)") })
            #expect(problems.contains { $0.hasPrefix("commitments of part \(part.id)") })
        }
    }

    /// A database poisoned before the limits existed (the two receipts at
    /// 999,999,999,999,999.99): verification names what is beyond the limits, and the stock
    /// value report answers instead of stopping the process.
    @Test(arguments: TestBackend.available)
    func valuesBeyondTheLimitsAreReportedAndTheValueReportStillAnswers(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let bin = try await fixtures.bin("A-1", at: site)
            let (unrestricted, held) = (try await fixtures.part("OF-1"), try await fixtures.part("OF-2"))
            try await fixtures.receive(92, of: unrestricted, into: bin)
            try await fixtures.receive(92, of: held, into: bin, status: .qualityHold)
            #expect(try await fixtures.verify() == [])

            try await Tampering.execute("UPDATE part_costs SET average_cost_minor = 99999999999999999", on: url)
            try await Tampering.execute("UPDATE parts SET list_price_minor = 99999999999999999 WHERE number = 'OF-1'", on: url)
            let problems = try await fixtures.verify()
            #expect(problems.filter { $0.hasPrefix("average cost of part") }.count == 2, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("price of part OF-1 is beyond the limits") }, "\(problems)")
            let value = try await services.inventory.value(as: Fixtures.system)
            #expect(value.first?.total.amountText == "183999999999999998.16", "\(value)")
        }
    }

    @Test(arguments: TestBackend.available)
    func theLedgerItselfCannotBeRewritten(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(5, of: part, into: try await fixtures.bin("A-1", at: site))
            await #expect(throws: (any Error).self) {
                try await Tampering.execute("UPDATE movements SET quantity_milli = 1", on: url)
            }
            await #expect(throws: (any Error).self) {
                try await Tampering.execute("DELETE FROM audit_records", on: url)
            }
            #expect(try await fixtures.verify() == [])
        }
    }
}

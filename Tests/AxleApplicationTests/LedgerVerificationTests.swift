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

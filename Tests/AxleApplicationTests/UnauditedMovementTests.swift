import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// `everyMovementIsAudited`: a movement whose document no audit record names is reported,
/// even when every balance has been made to agree with it.
@Suite("Ledger verification: unaudited movements")
struct UnauditedMovementTests {
    @Test(arguments: TestBackend.available)
    func aForgedMovementWithMatchingBalancesIsReportedAsUnaudited(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            try await fixtures.receive(5, of: part, into: try await fixtures.bin("A-1", at: site))
            #expect(try await fixtures.verify() == [])

            try await Tampering.forgeUnauditedCopyOfTheLedger(on: url)
            #expect(try await fixtures.siteStock(part, at: site).unrestricted == Quantity(units: 10))
            #expect(try await fixtures.verify() == ["movement 2 of receipt forged-document has no actor or no audit record"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aMovementWhoseAuditRecordWasDeletedIsReported(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            let part = try await fixtures.part("OF-1")
            let receipt = try await fixtures.receive(5, of: part, into: try await fixtures.bin("A-1", at: site))

            try await Tampering.deleteAuditRecords(ofType: "receipt", on: url)
            #expect(try await fixtures.verify() == ["movement 1 of receipt \(receipt.id) has no actor or no audit record"])
        }
    }
}

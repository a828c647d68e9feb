import AxleApplication
import AxleServer
import AxleStoreSQL
import AxleTestSupport
import Logging
import Testing

/// `axle verify` run as an operator runs it, a child process on a database file or schema:
/// exit 0 on a sound ledger, non-zero with the problem printed on a tampered one.
@Suite("axle verify")
struct VerifyCommandTests {
    @Test(arguments: TestBackend.available)
    func verifyExitsNonZeroAndSaysWhyOnATamperedDatabase(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let url = try DatabaseURL(parsing: database)
        try await Self.receiveFiveUnits(into: url)
        let verify = ["verify", "--database", database, "--log-level", "warning"]

        let sound = try await AxleProcess.run(verify)
        #expect(sound.status == 0, "\(sound.output)\n\(sound.log)")
        #expect(sound.output.hasPrefix("ledger verified"), "\(sound.output)")

        try await Tampering.forgeUnauditedCopyOfTheLedger(on: url)
        let unaudited = try await AxleProcess.run(verify)
        #expect(unaudited.status != 0)
        #expect(unaudited.output == """
            movement 2 of receipt forged-document has no actor or no audit record
            ledger verification FAILED: 1 problem(s)

            """, "\(unaudited.log)")

        try await Tampering.execute("UPDATE stock_balances SET quantity_milli = 7000", on: url)
        let unbalanced = try await AxleProcess.run(verify)
        #expect(unbalanced.status != 0)
        #expect(unbalanced.output.contains("stored 7, ledger says 10"), "\(unbalanced.output)")
        #expect(unbalanced.output.contains("has no actor or no audit record"), "\(unbalanced.output)")
    }

    /// A site, a bin, a part and one receipt of five units, written through the use cases.
    static func receiveFiveUnits(into url: DatabaseURL) async throws {
        var logger = Logger(label: "axle.test")
        logger.logLevel = .warning
        let services = try await AxleServer.services(url, logger: logger)
        do {
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DLR-A")
            try await fixtures.receive(5, of: try await fixtures.part("OF-1"), into: try await fixtures.bin("A-1", at: site))
        } catch {
            try await services.close()
            throw error
        }
        try await services.close()
    }
}

import AxleStoreSQL
import Foundation
import AxleTestSupport
import Testing

/// `axle audit` run as an operator runs it, a child process on a database file or schema: it
/// says what it checked, exits 0 on a sound database and non-zero, naming what is wrong, on a
/// tampered one.
@Suite("axle audit")
struct AuditCommandTests {
    @Test(arguments: TestBackend.available)
    func auditExitsNonZeroAndSaysWhatIsWrongOnATamperedDatabase(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let url = try DatabaseURL(parsing: database)
        try await VerifyCommandTests.receiveFiveUnits(into: url)
        let audit = ["audit", "--database", database, "--log-level", "warning"]

        let sound = try await AxleProcess.run(audit)
        #expect(sound.status == 0, "\(sound.output)\n\(sound.log)")
        let lines = sound.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(sound.output)")
        #expect(lines.first?.hasPrefix("checked: 1 movements, 1 stock balances, 1 part-site totals, 0 reservations, "
                                       + "0 transfers, 0 repair orders, ") == true, "\(sound.output)")
        #expect(lines.last == "audit clean: conservation, commitments, movement audit, repair-order history, "
                + "transfers all hold")

        try await Tampering.execute("UPDATE site_stock SET unrestricted_milli = 7000", on: url)
        let tampered = try await AxleProcess.run(audit)
        #expect(tampered.status != 0)
        #expect(tampered.output.hasPrefix("""
            [conservation] part OF-1 at site DLR-A, unrestricted: movements in less out 5, bin balances 5, site total 7
            [conservation] part OF-1: receipt +5 comes to 5, but the sites hold 7 on hand and 0 in transit
            checked: 1 movements,
            """), "\(tampered.output)\n\(tampered.log)")
        #expect(tampered.output.hasSuffix("""
            audit FAILED: 2 finding(s): 2 conservation, 0 commitments, 0 movement audit, 0 repair-order history, 0 transfers

            """), "\(tampered.output)")
    }

    @Test func auditRefusesAMissingDatabaseFileInsteadOfCreatingAnEmptyOne() async throws {
        let database = TestBackend.sqlite.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let missing = try await AxleProcess.run(["audit", "--database", database, "--log-level", "warning"])
        #expect(missing.status != 0)
        #expect(missing.log.contains("no database at \(database)"), "\(missing.log)")
        #expect(!FileManager.default.fileExists(atPath: String(database.dropFirst("sqlite:".count))))
    }
}

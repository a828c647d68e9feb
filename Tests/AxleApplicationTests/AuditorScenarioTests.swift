import AxleApplication
import AxleAudit
import AxleDomain
import AxleStore
import AxleStoreSQL
import AxleTestSupport
import Logging
import Testing

/// The independent auditor (`AxleAudit`) on a database made through the use cases: clean as
/// made, and each of its checks speaks up, in words, when the database is changed behind Axle's back.
@Suite("Auditor scenarios")
struct AuditorScenarioTests {
    /// Receipts, a consumed and an open reservation, a lost unit, a transfer shipped and received
    /// (one unit damaged), one still in transit, and a repair order from opening to closing.
    ///
    /// Afterwards brake pads BP-100: DLR-A 3 unrestricted; DLR-B 2 unrestricted, 1 damaged, 2 in
    /// transit (10 received, 2 issued). Oil filters OF-1 at DLR-A: 3 unrestricted, 1 reserved.
    static func scenario(_ services: AxleServices) async throws {
        let fixtures = Fixtures(services: services)
        let shop = try await BookingScenarioTests.workshop(fixtures)
        let branch = try await fixtures.site("DLR-B")
        let branchBin = try await fixtures.bin("B-01", at: branch)
        let filters = try await fixtures.part("OF-1")
        try await fixtures.receive(10, of: shop.pads, into: shop.bin)
        try await fixtures.receive(6, of: filters, into: shop.bin)

        let used = try await fixtures.reserve(2, of: filters, at: shop.site, reference: "RO-7")
        _ = try await services.commands.run(ConsumeReservation(reservationID: used.reservations[0].id, input: .init()),
                                            as: Fixtures.system)
        _ = try await fixtures.reserve(1, of: filters, at: shop.site, reference: "RO-9")
        _ = try await services.commands.run(RequestAdjustment(.init(
            siteId: shop.site.id, binId: shop.bin.id, partId: filters.id, quantity: Quantity(units: -1), reason: .lost,
            note: "Dropped behind the rack")), as: Fixtures.system)

        let received = try await fixtures.requestTransfer(3, of: shop.pads, from: shop.site, to: branch)
        try await fixtures.ship(received)
        try await fixtures.receive(received, good: 2, damaged: 1, into: branchBin)
        try await fixtures.ship(try await fixtures.requestTransfer(2, of: shop.pads, from: shop.site, to: branch))

        var order = try await RepairOrderScenarioTests.walkIn(shop, services)
        for event in [RepairOrderEvent.estimate, .approve, .start, .requestQualityCheck, .complete, .invoice, .close] {
            order = try await RepairOrderScenarioTests.step(order, event, services)
        }
    }

    static func audit(_ url: DatabaseURL) async throws -> AuditReport {
        var logger = Logger(label: "axle.test.audit")
        logger.logLevel = .warning
        return try await Auditor.audit(url, logger: logger)
    }

    @Test(arguments: TestBackend.available)
    func aDatabaseMadeThroughTheUseCasesIsClean(_ backend: TestBackend) async throws {
        try await backend.withDatabase { services, url in
            try await Self.scenario(services)
            let report = try await Self.audit(url)
            #expect(report.findings.map(\.description) == [])
            let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.what, $0.count) })
            #expect(counts["transfers"] == 2)
            #expect(counts["repair orders"] == 1)
            #expect(counts["reservations"] == 5, "two by hand, two for the transfers, one for the repair order")
            #expect((counts["movements"] ?? 0) > 0 && (counts["audit records"] ?? 0) > 0)
        }
    }

    /// A change behind Axle's back, and what the auditor must say about it.
    struct Tamper: Sendable, CustomTestStringConvertible {
        let name: String
        let check: AuditCheck
        let statements: @Sendable (DatabaseURL) async throws -> Void
        /// Every finding of `check`, in order; identifiers are sequential, so the same on each backend.
        let findings: [String]

        var testDescription: String { name }

        static func sql(_ statement: String) -> @Sendable (DatabaseURL) async throws -> Void {
            { url in try await Tampering.execute(statement, on: url) }
        }

        static func part(_ number: String) -> String { "(SELECT id FROM parts WHERE number = '\(number)')" }
        static func site(_ code: String) -> String { "(SELECT id FROM sites WHERE code = '\(code)')" }

        static let received = "transfer 00000000-0000-7000-8000-000000000017 (received) of 3 × BP-100 from DLR-A to DLR-B"
        static let inTransit = "transfer 00000000-0000-7000-8000-00000000001d (shipped) of 3 × BP-100 from DLR-A to DLR-B"

        static let all: [Tamper] = [
            Tamper(
                name: "a site total raised", check: .conservation,
                statements: sql("""
                    UPDATE site_stock SET unrestricted_milli = unrestricted_milli + 1000
                    WHERE part_id = \(part("BP-100")) AND site_id = \(site("DLR-A"))
                    """),
                findings: [
                    "part BP-100 at site DLR-A, unrestricted: movements in less out 3, bin balances 3, site total 4",
                    "part BP-100: issue -2, receipt +10 comes to 8, but the sites hold 7 on hand and 2 in transit",
                ]),
            Tamper(
                name: "an open reservation raised beyond stock", check: .commitments,
                statements: sql("UPDATE reservations SET reserved_milli = 9000 WHERE demand_reference = 'RO-9'"),
                findings: [
                    "part OF-1 at site DLR-A: site total reserved 1, open reservations 9; backordered 0, open reservations 0",
                    "part OF-1 at site DLR-A is reserved beyond its unrestricted stock: 9 reserved of 3 unrestricted",
                ]),
            Tamper(
                name: "a consumed reservation still holding stock", check: .commitments,
                statements: sql("UPDATE reservations SET reserved_milli = 1000 WHERE demand_reference = 'RO-7'"),
                findings: [
                    "reservation 00000000-0000-7000-8000-000000000012 of part OF-1 at site DLR-A is consumed but still "
                        + "holds stock: requested 2, reserved 1, backordered 0, consumed 2",
                ]),
            Tamper(
                name: "an adjustment's audit record deleted", check: .movementAudit,
                statements: { url in try await Tampering.deleteAuditRecords(ofType: "adjustment", on: url) },
                findings: [
                    "movement 4 (adjustmentLost of 1 × OF-1 from DLR-A): its document adjustment "
                        + "00000000-0000-7000-8000-000000000015 has no audit record at all",
                ]),
            Tamper(
                name: "a repair order reopened after closing", check: .repairOrderHistory,
                statements: sql("""
                    INSERT INTO audit_records (at_us, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json)
                    SELECT 1772442000000000, 'system', 'system', 'repairOrder.reopen', 'repairOrder', id,
                           '{"status":"closed"}', '{"status":"inProgress"}' FROM repair_orders
                    """),
                findings: [
                    "repair order RO-000001: record 43 (repairOrder.reopen) goes closed → inProgress, "
                        + "which is not a step of the status model",
                    "repair order RO-000001: its audit trail ends at inProgress but its stored status is closed",
                ]),
            Tamper(
                name: "a received transfer's good quantity lowered", check: .transfers,
                statements: sql("UPDATE transfers SET received_good_milli = 1000 WHERE state = 'received'"),
                findings: [
                    "\(received): received 1 good + 1 damaged + 0 short − 0 over = 2, not the 3 shipped",
                    "\(received): received 2 (good and damaged), but its movements brought 3 into the destination",
                ]),
            Tamper(
                name: "a transfer in transit made larger", check: .transfers,
                statements: sql("UPDATE transfers SET quantity_milli = 3000 WHERE state = 'shipped'"),
                findings: [
                    "\(inTransit): shipped 3, but its shipping movements took 2 from the source into transit to the "
                        + "destination (2 shipped in all)",
                    "\(inTransit): still in transit, but its movements leave 2 in transit, not the 3 shipped",
                    "part BP-100 in transit to site DLR-B: site total 2, open transfers carry 3",
                ]),
        ]
    }

    @Test(arguments: TestBackend.available, Tamper.all)
    func eachCheckSpeaksUpOnATamperedDatabase(_ backend: TestBackend, _ tampering: Tamper) async throws {
        try await backend.withDatabase { services, url in
            try await Self.scenario(services)
            try await tampering.statements(url)
            let report = try await Self.audit(url)
            #expect(Set(report.findings.map(\.check)) == [tampering.check], "\(report.findings)")
            #expect(report.findings(of: tampering.check) == tampering.findings)
        }
    }
}

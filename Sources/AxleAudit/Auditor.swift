public import AxleStoreSQL
public import Logging
import SQLKit

/// An independent second opinion on a database: it reads the tables with SQL of its own and
/// recomputes what must agree, without Axle's stores, use cases, domain rules or ledger
/// verification, so that a fault in those cannot hide itself. See docs/architecture.md.
public enum Auditor {
    public static func audit(_ url: DatabaseURL, logger: Logger) async throws -> AuditReport {
        try await AuditConnection.read(url, logger: logger) { sql in try await audit(sql) }
    }

    static func audit(_ sql: any SQLDatabase) async throws -> AuditReport {
        var report = AuditReport()
        for (what, table) in [("movements", "movements"), ("stock balances", "stock_balances"),
                              ("part-site totals", "site_stock"), ("reservations", "reservations"),
                              ("transfers", "transfers"), ("repair orders", "repair_orders"),
                              ("audit records", "audit_records")] {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()
            report.counts.append((what, Int(try row?.decode(column: "n", as: Int64.self) ?? 0)))
        }
        report.findings += try await ConservationCheck(sql: sql).findings()
        report.findings += try await CommitmentCheck(sql: sql).findings()
        report.findings += try await MovementAuditCheck(sql: sql).findings()
        report.findings += try await RepairOrderHistoryCheck(sql: sql).findings()
        report.findings += try await TransferCheck(sql: sql).findings()
        return report
    }
}

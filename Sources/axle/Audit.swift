import AxleAudit
import ArgumentParser

/// `axle audit`: the independent auditor (`AxleAudit`), which reads the database with SQL of its
/// own. Unlike `verify` it does not open the application or migrate the database.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the database with independent SQL: conservation, commitments, movement audit records, "
            + "repair-order histories, transfers; exit non-zero on any finding.")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Print at most this many findings of each check (the rest are counted).")
    var listed = 25

    func run() async throws {
        let report = try await Auditor.audit(try options.url(), logger: options.logger("axle.audit"))
        for check in AuditCheck.allCases {
            let findings = report.findings(of: check)
            for finding in findings.prefix(listed) { print("[\(check.rawValue)] \(finding)") }
            if findings.count > listed { print("[\(check.rawValue)] … and \(findings.count - listed) more") }
        }
        print("checked: " + report.counts.map { "\($0.count) \($0.what)" }.joined(separator: ", "))
        let byCheck = AuditCheck.allCases.map { "\(report.findings(of: $0).count) \($0.rawValue)" }
        guard report.isClean else {
            print("audit FAILED: \(report.findings.count) finding(s): " + byCheck.joined(separator: ", "))
            throw ExitCode(1)
        }
        print("audit clean: " + AuditCheck.allCases.map(\.rawValue).joined(separator: ", ") + " all hold")
    }
}

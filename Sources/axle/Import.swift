import AxleApplication
import AxleDomain
public import ArgumentParser
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import one entity's CSV file (columns, modes and limits: docs/import.md).",
        discussion: """
            Prints progress on standard error, then the summary and every rejected row's problems on \
            standard output. Exits non-zero when any row was rejected.
            """)

    @Argument(help: "sites, bins, suppliers, parts, supersessions, substitutes, fitments, openingStock, vehicles, stockPolicies, countPolicies, customers or customerVehicles")
    var entity: ImportEntity

    @Argument(help: "The CSV file: UTF-8, a header row naming the columns.")
    var file: String

    @Flag(help: "Validate every row against the database and write nothing.")
    var dryRun = false

    @Flag(help: "Write the valid rows even when others are rejected (default: all or nothing).")
    var validOnly = false

    @Option(help: "Write the rejected rows, with an error column, to this CSV file to fix and import again.")
    var rejected: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let limits = ImportLimits.standard
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        if let size = attributes[.size] as? Int, size > limits.maximumBytes {
            throw ImportError.fileTooLarge(limitBytes: limits.maximumBytes)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let settings = ImportOptions(mode: validOnly ? .validOnly : .allOrNothing, dryRun: dryRun, limits: limits)
        var report: ImportReport?
        try await options.withServices { services in
            let meter = ProgressMeter()
            report = try await ImportService(dependencies: services.dependencies).run(
                entity, file: data, options: settings, as: Caller(principal: .system, requestID: nil),
                progress: meter.update)
            meter.finish()
        }
        guard let report else { return }
        for issue in report.issues { print(issue.description) }
        let outcome = report.committed ? "imported" : dryRun ? "dry run, nothing written" : "nothing written"
        print("\(entity.rawValue): \(report.rows) rows: \(report.created) created, \(report.updated) updated, "
              + "\(report.unchanged) unchanged, \(report.rejected) rejected (\(outcome); import \(report.importID))")
        if let rejected, let rows = report.rejectedRows {
            try Data(rows.utf8).write(to: URL(fileURLWithPath: rejected))
            print("rejected rows written to \(rejected)")
        }
        if !report.issues.isEmpty { throw ExitCode(1) }
    }
}

extension ImportEntity: ExpressibleByArgument {}

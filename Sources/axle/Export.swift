import AxleApplication
import AxleDomain
import ArgumentParser
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an entity as the CSV file its import reads, or a report for accountants (docs/import.md).",
        discussion: """
            Entities: sites, bins, suppliers, parts, supersessions, substitutes, fitments, openingStock, \
            vehicles, stockPolicies, countPolicies, customers, customerVehicles. Reports: stockMatrix (every part × site with stock, valued at moving-average cost) and \
            ledger (the movements of a period, with --from and --to).
            """)

    @Argument(help: "An entity or a report (stockMatrix, ledger).")
    var subject: ExportSubject

    @Option(help: "ledger: the first instant of the period, ISO 8601 with its offset (2026-11-01T00:00:00-06:00).")
    var from: String?

    @Option(help: "ledger: the instant the period ends before.")
    var to: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard case .report(.ledger) = subject else {
            guard from == nil, to == nil else { throw ValidationError("--from and --to belong to the ledger report") }
            return
        }
        guard let from, Instant(iso8601: from) != nil, let to, Instant(iso8601: to) != nil else {
            throw ValidationError("the ledger needs --from and --to, ISO 8601 instants with their offset")
        }
    }

    func run() async throws {
        var csv = ""
        try await options.withServices { services in
            let export = ExportService(dependencies: services.dependencies)
            let caller = Caller(principal: .system, requestID: nil)
            switch subject {
            case .entity(let entity):
                csv = try await export.run(entity, as: caller)
            case .report(.stockMatrix):
                csv = try await export.stockMatrix(as: caller)
            case .report(.ledger):
                csv = try await export.ledger(from: Instant(iso8601: from!)!, to: Instant(iso8601: to!)!, as: caller)
            }
        }
        if let output {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(csv, terminator: "")
        }
    }
}

/// What `axle export` writes: an importable entity or an accountant's report.
enum ExportSubject: ExpressibleByArgument {
    case entity(ImportEntity)
    case report(AccountingReport)

    init?(argument: String) {
        if let entity = ImportEntity(rawValue: argument) {
            self = .entity(entity)
        } else if let report = AccountingReport(rawValue: argument) {
            self = .report(report)
        } else {
            return nil
        }
    }
}

import AxleApplication
import AxleDomain
import ArgumentParser
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export one entity as the CSV file its import reads (docs/import.md).")

    @Argument(help: "sites, bins, suppliers, parts, supersessions, substitutes, fitments, openingStock or vehicles")
    var entity: ImportEntity

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        var csv = ""
        try await options.withServices { services in
            csv = try await ExportService(dependencies: services.dependencies)
                .run(entity, as: Caller(principal: .system, requestID: nil))
        }
        if let output {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(csv, terminator: "")
        }
    }
}

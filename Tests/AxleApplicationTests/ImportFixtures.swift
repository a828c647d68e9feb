import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation

/// A small dealer group as import files: the examples of `docs/import.md`, so the documented
/// files are the tested ones. In load order (each refers to earlier ones).
enum ImportFiles {
    static let sites = example(.sites)
    static let bins = example(.bins)
    static let suppliers = example(.suppliers)
    static let parts = example(.parts)
    static let supersessions = example(.supersessions)
    static let substitutes = example(.substitutes)
    static let fitments = example(.fitments)
    static let openingStock = example(.openingStock)
    static let vehicles = example(.vehicles)
    static let stockPolicies = example(.stockPolicies)
    static let countPolicies = example(.countPolicies)
    static let customers = example(.customers)
    static let customerVehicles = example(.customerVehicles)

    /// Every file, in load order.
    static let all: [(ImportEntity, String)] = [
        (.sites, sites), (.bins, bins), (.suppliers, suppliers), (.parts, parts), (.supersessions, supersessions),
        (.substitutes, substitutes), (.fitments, fitments), (.openingStock, openingStock), (.vehicles, vehicles),
        (.stockPolicies, stockPolicies), (.countPolicies, countPolicies), (.customers, customers),
        (.customerVehicles, customerVehicles),
    ]

    private static func example(_ entity: ImportEntity) -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = repository.appendingPathComponent("docs/import-examples/\(entity.rawValue).csv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            preconditionFailure("the example \(file.path) is missing")
        }
        return text
    }
}

extension AxleServices {
    func importFile(_ entity: ImportEntity, _ text: String, options: ImportOptions = ImportOptions(),
                    as caller: Caller = Fixtures.system) async throws -> ImportReport {
        try await ImportService(dependencies: dependencies).run(entity, file: Data(text.utf8), options: options,
                                                                as: caller)
    }

    func export(_ entity: ImportEntity, as caller: Caller = Fixtures.system) async throws -> String {
        try await ExportService(dependencies: dependencies).run(entity, as: caller)
    }

    /// Loads every file of `ImportFiles` and returns the reports.
    func importAll() async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for (entity, text) in ImportFiles.all { reports.append(try await importFile(entity, text)) }
        return reports
    }

    func part(_ number: String) async throws -> Part? {
        try await database.read { try await $0.parts.find(number: PartNumber(number)!) }
    }
}

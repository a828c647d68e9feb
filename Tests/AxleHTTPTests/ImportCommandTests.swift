import AxleTestSupport
import Foundation
import Testing

/// `axle import` and `axle export` run as an operator runs them, child processes on a database:
/// the summary and every problem on standard output, a non-zero exit when a row is rejected,
/// the rejected rows written back with their errors, and export writing what import reads.
@Suite("axle import and export")
struct ImportCommandTests {
    @Test(arguments: TestBackend.available)
    func importPrintsASummaryRejectsWithRowAndColumnAndExportWritesTheSameColumns(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let options = ["--database", database, "--log-level", "warning"]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("axle-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let parts = Self.example("parts")
        let loaded = try await AxleProcess.run(["import", "parts", parts.path] + options)
        #expect(loaded.status == 0, "\(loaded.output)\n\(loaded.log)")
        #expect(loaded.output.hasPrefix("parts: 5 rows: 5 created, 0 updated, 0 unchanged, 0 rejected (imported; import "),
                "\(loaded.output)")

        let changed = directory.appendingPathComponent("changed.csv")
        try Data("""
            number,description,brand,category,unit,cost,listPrice
            OF-1,"Oil filter, spin-on",Mann,filters,each,4.10,10.50
            NEW-1,New part,Mann,filters,each,abc,1.00

            """.utf8).write(to: changed)
        let rejectedFile = directory.appendingPathComponent("rejected.csv")
        let partial = try await AxleProcess.run(["import", "parts", changed.path, "--valid-only", "--rejected",
                                                 rejectedFile.path] + options)
        #expect(partial.status != 0)
        let problem = #"row 3, column cost ("abc"): 'abc' is not an amount in "#
        #expect(partial.output.hasPrefix(problem), "\(partial.output)\n\(partial.log)")
        #expect(partial.output.contains("parts: 2 rows: 0 created, 1 updated, 0 unchanged, 1 rejected (imported; import "),
                "\(partial.output)")
        let rejected = try String(contentsOf: rejectedFile, encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 2)
        #expect(rejected.first == "number,description,brand,category,unit,cost,listPrice,error")
        #expect(rejected.last?.hasPrefix(#"NEW-1,New part,Mann,filters,each,abc,1.00,"row 3, column cost (""abc""): 'abc' is not"#) == true,
                "\(rejected)")

        let exported = directory.appendingPathComponent("parts.csv")
        let export = try await AxleProcess.run(["export", "parts", "--output", exported.path] + options)
        #expect(export.status == 0, "\(export.log)")
        let expected = try String(contentsOf: parts, encoding: .utf8)
            .replacingOccurrences(of: "4.10,9.95", with: "4.10,10.50")
            .replacingOccurrences(of: "box=10;case=50,4.60,10.95,,,,,", with: "box=10;case=50,4.60,10.95,routine,active,none,false,")
        let lines = { (text: String) in text.split(separator: "\n").sorted() }
        #expect(lines(try String(contentsOf: exported, encoding: .utf8)) == lines(expected))
    }

    static func example(_ entity: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/import-examples/\(entity).csv")
    }
}

import AxleApplication
import AxleAudit
import AxleDemo
import AxleDomain
import AxleStoreSQL
import ArgumentParser
import Foundation
import Logging
import Synchronization

/// `axle simulate`: the demo's business simulated through the use cases on a new database, with
/// the independent auditor run as it goes. A finding stops the run and names the seed and the
/// simulated day; the same options reproduce it, since the run depends on them alone.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate the demo dealer group's business day by day on a new database, auditing it as it goes; "
            + "exit non-zero, naming the seed and the day, on any finding.")

    @Option(help: "Random seed: the same options give the same run.")
    var seed: UInt64 = 42

    @Option(help: "Days of business to simulate.")
    var days = 60

    @Option(help: "Multiply the catalogue, suppliers and vehicles by N.")
    var scale = 1

    @Option(help: "The simulated business ends the day before this date (YYYY-MM-DD), whatever today is.")
    var until = "2026-07-01"

    @Option(help: "Run the auditor after every N simulated days (and always after the last).")
    var auditEvery = 7

    @Option(name: .long, help: "An empty database to simulate in (default: a new SQLite file, removed when the run is clean).")
    var database: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical")
    var logLevel: Logger.Level = .warning

    func validate() throws {
        guard DemoDataset.scales.contains(scale) else { throw ValidationError("--scale must be from 1 to 100") }
        guard DemoDataset.simulatedDays.contains(days) else {
            throw ValidationError("--days must be from 1 to \(DemoDataset.simulatedDays.upperBound)")
        }
        guard CalendarDate(until) != nil else { throw ValidationError("--until must be a date, YYYY-MM-DD") }
        guard auditEvery >= 1 else { throw ValidationError("--audit-every must be at least 1") }
    }

    func run() async throws {
        let scratch = database == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("axle-simulate-\(seed)-\(UUID()).sqlite").path
            : nil
        var options = DatabaseOptions()
        options.database = database ?? "sqlite:\(scratch!)"
        options.logLevel = logLevel
        let url = try options.url()
        let logger = options.logger("axle.simulate")
        let opened = try await options.services()
        // The run's "now" is fixed, so the calendar, and with it every seasonal draw, follows from the options.
        let now = Instant(microseconds: (CalendarDate(until)!.daysSinceEpoch * 86_400 + 43_200) * 1_000_000)
        let services = AxleServices(dependencies: Dependencies(database: opened.database, clock: Clock { now }))
        let simulated = Mutex(0)
        let every = auditEvery, total = days, seed = seed
        let started = Date()
        do {
            _ = try await DemoDataset(seed: seed, scale: scale, days: days).load(into: services, progress: { step in
                FileHandle.standardError.write(Data("  \(step)\n".utf8))
            }, afterDay: { date in
                let day = simulated.withLock { count in
                    count += 1
                    return count
                }
                guard day % every == 0 || day == total else { return }
                let report = try await Auditor.audit(url, logger: logger)
                guard report.isClean else { throw SimulationFailure(seed: seed, day: day, date: date, report: report) }
                FileHandle.standardError.write(Data("  audit clean after day \(day) (\(date))\n".utf8))
            })
            let problems = try await services.inventory.verify(as: Caller(principal: .system, requestID: nil))
            guard problems.isEmpty else {
                for problem in problems { print(problem) }
                throw ExitCode(1)
            }
            let report = try await Auditor.audit(url, logger: logger)
            guard report.isClean else { throw SimulationFailure(seed: seed, day: total, date: nil, report: report) }
            print("checked: " + report.counts.map { "\($0.count) \($0.what)" }.joined(separator: ", "))
        } catch let failure as SimulationFailure {
            try? await opened.close()
            for finding in failure.report.findings.prefix(50) { print(finding) }
            print(failure.summary(days: days, scale: scale, until: until, database: options.database ?? ""))
            throw ExitCode(1)
        } catch {
            try? await opened.close()
            throw error
        }
        try await opened.close()
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
        print(String(format: "simulated %d days (seed %llu, scale %d) in %.1f s: ledger verified, audit clean",
                     days, seed, scale, Date().timeIntervalSince(started)))
    }
}

/// The auditor's findings after a simulated day, with what reproduces them.
struct SimulationFailure: Error {
    let seed: UInt64
    let day: Int
    let date: CalendarDate?
    let report: AuditReport

    func summary(days: Int, scale: Int, until: String, database: String) -> String {
        let when = date.map { "after simulated day \(day) (\($0))" } ?? "at the end of the run"
        return "simulation FAILED \(when), seed \(seed): \(report.findings.count) finding(s); database kept at "
            + "\(database). Reproduce: axle simulate --seed \(seed) --days \(days) --scale \(scale) --until \(until) "
            + "--audit-every 1"
    }
}

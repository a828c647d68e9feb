import ArgumentParser

/// `axle bench`: measurements on a real database, for `docs/benchmarks.md`.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Axle on a database that holds the demo dataset (`axle demo`).",
        subcommands: [BenchLedger.self, BenchSlots.self, BenchSearch.self])
}

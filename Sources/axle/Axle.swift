import ArgumentParser

/// `axle`: the server and its operator's tools.
@main
struct Axle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Axle: ERP for automotive parts and service operations.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Token.self, Verify.self, Audit.self, Simulate.self, Import.self, Export.self,
                      Bench.self])
}

import AxleApplication
import AxleDemo
import AxleDomain
import ArgumentParser
import Foundation

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with a demo dealer group and print its users' tokens.")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Multiply every size by N (for benchmarks).")
    var scale = 1

    @Option(help: "Random seed: the same seed gives the same data.")
    var seed: UInt64 = 42

    func validate() throws {
        guard (1...100).contains(scale) else { throw ValidationError("--scale must be from 1 to 100") }
    }

    func run() async throws {
        let services = try await options.services()
        let started = Date()
        let summary = try await DemoDataset(seed: seed, scale: scale).load(into: services) { step in
            FileHandle.standardError.write(Data("  \(step)\n".utf8))
        }
        try await services.close()
        for (entity, count) in summary.counts { print("\(entity): \(count)") }
        print(String(format: "generated in %.1f s", Date().timeIntervalSince(started)))
        print("\ndemo users (role, sites, token):")
        for user in summary.users {
            let sites = user.sites.isEmpty ? "all" : user.sites.map(\.rawValue).joined(separator: ",")
            print("  \(user.name)\t\(user.role.rawValue)\t\(sites)\t\(user.token)")
        }
    }
}

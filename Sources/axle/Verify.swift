import AxleApplication
import AxleDomain
import ArgumentParser

struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute every balance from the ledger; exit non-zero on any mismatch or broken invariant.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let services = try await options.services()
        let problems = try await services.inventory.verify(as: Caller(principal: .system, requestID: nil))
        try await services.close()
        guard problems.isEmpty else {
            for problem in problems { print(problem) }
            print("ledger verification FAILED: \(problems.count) problem(s)")
            throw ExitCode(1)
        }
        print("ledger verified: every balance equals its movements, nothing over-committed or negative, every movement audited")
    }
}

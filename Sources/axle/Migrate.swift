import AxleApplication
import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        // Opening the services migrates; the log names each migration applied.
        let services = try await options.services()
        try await services.close()
        print("database is up to date: \(try options.url())")
    }
}

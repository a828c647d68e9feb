import AxleApplication
import AxleServer
import ArgumentParser
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API (migrates the database first).")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    func run() async throws {
        let logger = options.logger("axle")
        let services = try await options.services()
        let configuration = ServerConfiguration(host: host, port: port, database: try options.url(),
                                                logLevel: options.logLevel)
        let app = AxleServer.application(services: services, configuration: configuration, logger: logger)
        try await app.runService()
        try await services.close()
    }
}

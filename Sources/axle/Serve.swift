import AxleApplication
import AxleServer
import ArgumentParser
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API (migrates the database first).")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Seconds a connection may send nothing (between requests, or within one) before it is closed.")
    var idleTimeout = Int(ConnectionLimits.defaultIdleTimeout.components.seconds)

    @Option(help: "Seconds a request's body may take to arrive after its headers before the connection is closed.")
    var requestReadTimeout = Int(ConnectionLimits.defaultRequestReadTimeout.components.seconds)

    @Option(help: "Connections open at once; at the limit the longest-idle one is closed. Keep it below ulimit -n.")
    var maxConnections = ConnectionLimits.defaultMaximumConnections

    func validate() throws {
        guard idleTimeout > 0, requestReadTimeout > 0 else {
            throw ValidationError("--idle-timeout and --request-read-timeout must be at least 1 second")
        }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1") }
    }

    func run() async throws {
        let logger = options.logger("axle")
        let services = try await options.services()
        // Jobs a stopped server left queued or running will never finish: say so.
        for job in try await services.importJobs.failAbandoned() {
            logger.warning("import job of a stopped server marked failed", metadata: ["job": "\(job)"])
        }
        let limits = ConnectionLimits(idleTimeout: .seconds(idleTimeout),
                                      requestReadTimeout: .seconds(requestReadTimeout),
                                      maximumConnections: maxConnections)
        let configuration = ServerConfiguration(host: host, port: port, database: try options.url(),
                                                logLevel: options.logLevel, connections: limits)
        let app = AxleServer.application(services: services, configuration: configuration, logger: logger)
        try await app.runService()
        try await services.close()
    }
}

import AxleApplication
import AxleServer
import AxleStoreSQL
public import ArgumentParser
import Foundation
public import Logging

/// `--database URL`, else `AXLE_DATABASE_URL`, else `sqlite:axle.sqlite` in the working directory.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://user:password@host:port/database (default: $AXLE_DATABASE_URL, else sqlite:axle.sqlite)")
    var database: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical")
    var logLevel: Logger.Level = .info

    func url() throws -> DatabaseURL {
        guard let text = database ?? ProcessInfo.processInfo.environment["AXLE_DATABASE_URL"] else {
            return .defaultURL
        }
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    /// Logs go to standard error, so standard output stays for what scripts read.
    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }

    /// Opens and migrates the database and returns the application over it.
    func services() async throws -> AxleServices {
        try await AxleServer.services(try url(), logger: logger("axle"))
    }

    /// Opens the services, runs `body` with them and closes them, whether `body` throws or not.
    func withServices(_ body: (AxleServices) async throws -> Void) async throws {
        let services = try await services()
        do {
            try await body(services)
        } catch {
            try? await services.close()
            throw error
        }
        try await services.close()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

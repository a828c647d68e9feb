public import AxleApplication
import AxleHTTP
import AxleStore
public import AxleStoreSQL
public import Hummingbird
public import Logging

/// The composition root: opens the database, migrates it and wires the application.
public enum AxleServer {
    /// Opens and migrates the configured database and returns the services over it.
    public static func services(_ database: DatabaseURL, logger: Logger) async throws -> AxleServices {
        let store = try await DatabaseFactory.open(database, logger: logger)
        let applied = try await store.migrate()
        for name in applied { logger.info("migration applied", metadata: ["migration": "\(name)"]) }
        return AxleServices(dependencies: Dependencies(database: store))
    }

    /// The HTTP application over already-built services (tests pass their own).
    public static func application(
        services: AxleServices, configuration: ServerConfiguration, logger: Logger
    ) -> some ApplicationProtocol {
        let (router, _) = APIRouter.build(services: services)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "axle"),
            onServerRunning: { channel in
                logger.info("axle is listening", metadata: ["http.address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
    }
}

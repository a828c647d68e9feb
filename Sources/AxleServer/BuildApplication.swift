public import AxleApplication
import AxleHTTP
import AxleStore
public import AxleStoreSQL
public import Hummingbird
import HummingbirdCore
import NIOCore
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
    /// `onListening` receives the port once the server listens (tests bind port 0).
    public static func application(
        services: AxleServices, configuration: ServerConfiguration, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let (router, _) = APIRouter.build(services: services)
        let limits = configuration.connections
        let registry = ConnectionRegistry()
        return Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: ConnectionHandlers.make(requestReadTimeout: limits.requestReadTimeout,
                                                                   registry: registry),
                idleTimeout: TimeAmount(limits.idleTimeout))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "axle",
                backlog: limits.backlog,
                availableConnectionsDelegate: IdleDrainingConnectionLimit(maximum: limits.maximumConnections,
                                                                          registry: registry)),
            onServerRunning: { channel in
                logger.info("axle is listening", metadata: ["http.address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
                if let port = channel.localAddress?.port { await onListening(port) }
            },
            logger: logger)
    }
}

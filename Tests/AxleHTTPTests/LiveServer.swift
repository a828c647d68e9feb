import AxleServer
import AxleTestSupport
import Logging
import ServiceLifecycle
import Testing

/// The application as `axle serve` runs it (its own connection handling included, which
/// Hummingbird's live test client would replace), for tests that need raw sockets.
enum LiveServer {
    /// Runs `body` with the port of the server, listening on a free loopback port with `limits`.
    static func run(_ limits: ConnectionLimits = ConnectionLimits(), _ body: @escaping @Sendable (Int) async throws -> Void)
        async throws
    {
        try await TestBackend.sqlite.withServices { services in
            var logger = Logger(label: "axle.test.connections")
            logger.logLevel = .warning
            let (ports, listening) = AsyncStream.makeStream(of: Int.self)
            let app = AxleServer.application(
                services: services, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, connections: limits),
                logger: logger, onListening: { port in
                    listening.yield(port)
                    listening.finish()
                })
            let server = ServiceGroup(configuration: .init(services: [app], logger: logger))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                do {
                    try await body(port)
                } catch {
                    await server.triggerGracefulShutdown()
                    throw error
                }
                await server.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }
}

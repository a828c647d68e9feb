import AsyncHTTPClient
import AxleApplication
import AxleDomain
import AxleServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP API served in this process on a free loopback port, with an administrator's
/// token and a client whose pool holds one connection per concurrent caller.
///
/// The client (the load generator) has an event loop thread of its own, so the CPU time it
/// takes can be told apart from the server's (`clientCPUTime`).
struct BenchServer: Sendable {
    let baseURL: String
    let token: String
    private let client: HTTPClient
    private let clientLoop: MultiThreadedEventLoopGroup
    private let serviceGroup: ServiceGroup
    private let running: Task<Void, any Error>

    static let readinessAttempts = 200
    static let requestTimeout = TimeAmount.seconds(30)

    static func start(services: AxleServices, connections: Int, logger: Logger) async throws -> BenchServer {
        let issued = try await services.commands.run(
            IssueToken(name: "bench", role: .admin, siteCodes: [], validForSeconds: 86_400),
            as: BenchFixture.operatorCaller)
        let port = try await freeLoopbackPort()
        let app = AxleServer.application(services: services, configuration: ServerConfiguration(host: "127.0.0.1", port: port),
                                         logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let clientLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroupProvider: .shared(clientLoop), configuration: configuration)
        let bench = BenchServer(baseURL: "http://127.0.0.1:\(port)", token: issued.secret, client: client,
                                clientLoop: clientLoop, serviceGroup: group, running: running)
        do {
            try await bench.waitUntilReady()
        } catch {
            try? await bench.stop()
            throw error
        }
        return bench
    }

    /// Polls `/health` a bounded number of times.
    private func waitUntilReady() async throws {
        for _ in 0..<Self.readinessAttempts {
            if let (status, _) = try? await send(.GET, "/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("the in-process server did not answer /health")
    }

    /// Sends one request with the token; returns the status and the body.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> (status: UInt, body: ByteBuffer) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await client.execute(request, timeout: Self.requestTimeout)
        let body = try await response.body.collect(upTo: 1 << 24)
        return (response.status.code, body)
    }

    /// CPU time used so far by the client's event loop thread.
    func clientCPUTime() async throws -> Duration {
        try await clientLoop.next().submit { CPUTime.thread() }.get()
    }

    /// Closes the client, then lets the server finish what it is doing and stop.
    func stop() async throws {
        try await client.shutdown()
        try await clientLoop.shutdownGracefully()
        await serviceGroup.triggerGracefulShutdown()
        try await running.value
    }

    /// A port nobody listens on: the kernel picks one for a socket that is closed at once.
    private static func freeLoopbackPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw BenchError("no free loopback port") }
        return port
    }
}

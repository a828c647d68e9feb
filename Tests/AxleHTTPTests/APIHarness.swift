import AxleApplication
import AxleDomain
import AxleServer
import AxleTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The real application on a fresh database, driven through Hummingbird's test client
/// (`run`) or over real sockets to a live server (`runLive`).
struct APIHarness {
    /// How requests reach the application.
    enum Transport: Sendable {
        /// Straight into the router, without a socket.
        case router(any TestClientProtocol)
        /// Over TCP to the application running as a server.
        case socket(SocketClient)
    }

    let transport: Transport
    let fixtures: Fixtures
    let clock: TestClock
    /// An administrator's bearer token.
    let adminToken: String

    var services: AxleServices { fixtures.services }

    static func run(_ backend: TestBackend, _ test: @escaping @Sendable (APIHarness) async throws -> Void)
        async throws
    {
        try await withApplication(backend) { app, fixtures, clock, adminToken in
            try await app.test(.router) { client in
                try await test(APIHarness(transport: .router(client), fixtures: fixtures, clock: clock,
                                          adminToken: adminToken))
            }
        }
    }

    /// The application as a real server on a free loopback port, driven over TCP by a client
    /// that keeps up to `connections` connections open at once.
    static func runLive(_ backend: TestBackend, connections: Int = 64,
                        _ test: @escaping @Sendable (APIHarness) async throws -> Void) async throws {
        try await withApplication(backend) { app, fixtures, clock, adminToken in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await SocketClient.with(port: port, connections: connections) { socket in
                    try await test(APIHarness(transport: .socket(socket), fixtures: fixtures, clock: clock,
                                              adminToken: adminToken))
                }
            }
        }
    }

    private static func withApplication(
        _ backend: TestBackend,
        _ body: @escaping @Sendable (any ApplicationProtocol, Fixtures, TestClock, String) async throws -> Void
    ) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let (_, adminToken) = try await fixtures.user("ada-admin", role: .admin)
            var logger = Logger(label: "axle.test.http")
            logger.logLevel = .warning
            let app = AxleServer.application(services: services, configuration: ServerConfiguration(), logger: logger)
            try await body(app, fixtures, clock, adminToken)
        }
    }

    /// Sends a request; a string body is sent as JSON.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
              headers: HTTPFields = [:]) async throws -> APIResponse {
        var fields = headers
        if let token = token ?? adminToken as String?, !token.isEmpty { fields[.authorization] = "Bearer \(token)" }
        if json != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        let body = json.map { ByteBuffer(string: $0) }
        switch transport {
        case .router(let client):
            let response = try await client.executeRequest(uri: uri, method: method, headers: fields, body: body)
            return APIResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
        case .socket(let socket):
            return try await socket.send(method, uri, headers: fields, body: body)
        }
    }

    /// A request without any token.
    func sendAnonymously(_ method: HTTPRequest.Method, _ uri: String) async throws -> APIResponse {
        try await send(method, uri, token: "")
    }
}

struct APIResponse: CustomStringConvertible {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// The `error.code` of an error response, nil when the body is not the error shape.
    var errorCode: String? {
        guard let error = json["error"] as? [String: Any], error["message"] is String else { return nil }
        return error["code"] as? String
    }

    func string(_ key: String) -> String? { json[key] as? String }

    var description: String { "\(status.code) \(body)" }
}

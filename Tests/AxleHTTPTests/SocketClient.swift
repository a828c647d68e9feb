import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// An HTTP client over real sockets (AsyncHTTPClient) to a server on this machine, with a
/// connection pool as wide as the concurrency a test needs.
struct SocketClient: Sendable {
    let http: HTTPClient
    /// `http://HOST:PORT`, without a trailing slash.
    let baseURL: String
    /// How long one request may take before it fails instead of hanging the test.
    static let requestTimeout = TimeAmount.seconds(30)

    /// Runs `body` with a client whose pool keeps up to `connections` connections open, and
    /// shuts the client down afterwards, also when `body` throws.
    static func with<Result: Sendable>(
        host: String = "localhost", port: Int, connections: Int, _ body: (SocketClient) async throws -> Result
    ) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(5))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let client = SocketClient(http: http, baseURL: "http://\(host):\(port)")
        do {
            let result = try await body(client)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Sends a request; a string body is sent as JSON.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil,
              headers: HTTPFields = [:]) async throws -> APIResponse {
        var fields = headers
        if let token, !token.isEmpty { fields[.authorization] = "Bearer \(token)" }
        if json != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await send(method, uri, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: ByteBuffer?) async throws
        -> APIResponse
    {
        var request = HTTPClientRequest(url: baseURL + uri)
        request.method = HTTPMethod(rawValue: method.rawValue)
        for field in headers { request.headers.add(name: field.name.rawName, value: field.value) }
        request.body = body.map { .bytes($0) }
        let response = try await http.execute(request, timeout: Self.requestTimeout)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        var responseFields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { responseFields.append(HTTPField(name: name, value: value)) }
        }
        return APIResponse(status: HTTPResponse.Status(code: Int(response.status.code)), headers: responseFields,
                           body: String(buffer: bytes))
    }
}

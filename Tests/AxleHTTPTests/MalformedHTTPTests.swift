import AxleServer
import Foundation
import Testing

/// Requests HTTP/1.1 itself cannot parse get a 400 in the API's error shape, like every
/// other error, and their connection is closed. Sent byte for byte over a real socket.
@Suite("Requests HTTP cannot parse")
struct MalformedHTTPTests {
    static let requests: [(name: String, bytes: [UInt8])] = [
        ("a 100 kB header", Array("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n".utf8)),
        ("a 100,000-character cursor",
         Array("GET /api/v1/parts?cursor=\(String(repeating: "A", count: 100_000)) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)),
        ("Transfer-Encoding with Content-Length",
         Array("POST /api/v1/parts HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n".utf8)),
        ("a 0xFF byte in the path", Array("GET /api/v1/".utf8) + [0xFF] + Array(" HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)),
    ]

    @Test func getTheErrorShapeAndTheConnectionIsClosed() async throws {
        try await LiveServer.run { port in
            for request in Self.requests {
                let connection = try await RawConnection.open(port: port)
                try await connection.send(request.bytes)
                let response = try await connection.response()
                #expect(response.statusCode == 400, "\(request.name): \(response.head)")
                #expect(response.errorCode == "request.malformed_http", "\(request.name): \(response.body)")
                #expect(response.head.lowercased().contains("content-type: application/json"), "\(request.name)")
                try await connection.closedByServer()
            }
            let health = try await RawConnection.open(port: port)
            try await health.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try await health.response().statusCode == 200)
            await health.close()
        }
    }
}

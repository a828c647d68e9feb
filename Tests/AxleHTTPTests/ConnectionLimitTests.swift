import AxleServer
import AxleTestSupport
import Foundation
import NIOCore
import Testing

/// The server bounds its connections: idle and half-sent ones are closed after short
/// timeouts, and at the connection limit further connections wait until one closes, so a
/// flood of idle connections cannot keep `/health` from answering. Real sockets, a real
/// server, timeouts of a second so the tests are quick.
@Suite("Connection limits")
struct ConnectionLimitTests {
    static let health = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"

    @Test func idleAndHalfSentConnectionsAreClosedAndHealthAnswersWhileTheLimitIsFull() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(1), requestReadTimeout: .seconds(1), maximumConnections: 4)
        try await LiveServer.run(limits) { port in
            let silent = try await RawConnection.open(port: port)
            let unfinishedHeaders = try await RawConnection.open(port: port)
            try await unfinishedHeaders.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            let partialBody = try await RawConnection.open(port: port)
            try await partialBody.send("POST /api/v1/parts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                       + "Content-Length: 100\r\n\r\n{\"number\": ")
            let keptAlive = try await RawConnection.open(port: port)
            try await keptAlive.send(Self.health)
            #expect(try await keptAlive.response().statusCode == 200)
            // The limit is reached: this one waits until the server closes one of the four.
            let waiting = try await RawConnection.open(port: port)
            try await waiting.send(Self.health)

            let answer = try await waiting.response()
            #expect(answer.statusCode == 200)
            #expect(answer.body == #"{"status":"ok"}"#)
            for connection in [silent, unfinishedHeaders, partialBody, keptAlive] {
                try await connection.closedByServer()
            }
            await waiting.close()
        }
    }

    @Test func aConnectionBeyondTheLimitIsServedWhenAnotherCloses() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(60), requestReadTimeout: .seconds(60), maximumConnections: 2)
        try await LiveServer.run(limits) { port in
            var open: [RawConnection] = []
            for _ in 0..<2 {
                let connection = try await RawConnection.open(port: port)
                try await connection.send(Self.health)
                #expect(try await connection.response().statusCode == 200)
                open.append(connection)
            }
            let third = try await RawConnection.open(port: port)
            try await third.send(Self.health)
            // Not accepted while two connections are open (a slow machine could only make this pass wrongly, never fail).
            await #expect(throws: RawConnection.TimedOut.self) { try await third.response(within: .milliseconds(500)) }

            await open[0].close()
            #expect(try await third.response().statusCode == 200)
            await open[1].close()
            await third.close()
        }
    }

    @Test func aBodyTricklingInIsCutOffAtTheReadTimeout() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(1), requestReadTimeout: .seconds(2), maximumConnections: 8)
        try await LiveServer.run(limits) { port in
            let connection = try await RawConnection.open(port: port)
            try await connection.send("POST /api/v1/parts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                      + "Content-Length: 1000\r\n\r\n")
            // One byte every 300 ms never leaves the connection idle for a second; 1,000 bytes would take 300 s.
            var sent = 0
            while connection.channel.isActive, sent < 1_000 {
                try? await connection.send(" ")
                sent += 1
                try await Task.sleep(for: .milliseconds(300))
            }
            try await connection.closedByServer()
            #expect(sent < 30, "closed after \(sent) bytes")
        }
    }
}

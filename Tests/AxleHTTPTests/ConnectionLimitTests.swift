import AxleServer
import AxleTestSupport
import Foundation
import NIOCore
import Testing

/// The server bounds its connections: idle and half-sent ones are closed after short
/// timeouts, and at the connection limit the longest-idle one makes room (only when none is
/// idle does a new connection wait until one closes), so a flood of idle connections cannot
/// keep `/health` from answering. Real sockets, a real server, timeouts of a second so the
/// tests are quick.
@Suite("Connection limits")
struct ConnectionLimitTests {
    static let health = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
    /// A write's head and the start of the 100 bytes of body it announces.
    static let halfSentBody = "POST /api/v1/parts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"number\": "

    @Test func idleAndHalfSentConnectionsAreClosedAndHealthAnswersWhileTheLimitIsFull() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(1), requestReadTimeout: .seconds(1), maximumConnections: 4)
        try await LiveServer.run(limits) { port in
            let silent = try await RawConnection.open(port: port)
            let unfinishedHeaders = try await RawConnection.open(port: port)
            try await unfinishedHeaders.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            let partialBody = try await RawConnection.open(port: port)
            try await partialBody.send(Self.halfSentBody)
            let keptAlive = try await RawConnection.open(port: port)
            try await keptAlive.send(Self.health)
            #expect(try await keptAlive.response().statusCode == 200)
            // The limit is reached: this one is let in by closing the longest-idle connection.
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

    @Test func atTheLimitTheLongestIdleConnectionMakesRoomAndOneInARequestDoesNot() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(60), requestReadTimeout: .seconds(60), maximumConnections: 2)
        try await LiveServer.run(limits) { port in
            let idle = try await RawConnection.open(port: port)
            try await idle.send(Self.health)
            #expect(try await idle.response().statusCode == 200)
            let inARequest = try await RawConnection.open(port: port)
            try await inARequest.send(Self.halfSentBody)
            // Its head has reached the server: it is answered (401, no token) while its body is still owed.
            #expect(try await inARequest.response().statusCode == 401)

            let newcomer = try await RawConnection.open(port: port)
            try await newcomer.send(Self.health)
            #expect(try await newcomer.response().statusCode == 200)
            try await idle.closedByServer()
            #expect(inARequest.channel.isActive)
            await inARequest.close()
            await newcomer.close()
        }
    }

    @Test func whenNoConnectionIsIdleANewOneWaitsUntilOneCloses() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(60), requestReadTimeout: .seconds(60), maximumConnections: 2)
        try await LiveServer.run(limits) { port in
            var busy: [RawConnection] = []
            for _ in 0..<2 {
                let connection = try await RawConnection.open(port: port)
                try await connection.send(Self.halfSentBody)
                #expect(try await connection.response().statusCode == 401)
                busy.append(connection)
            }
            let waiting = try await RawConnection.open(port: port)
            try await waiting.send(Self.health)
            // Not accepted while both are in a request (a slow machine could only make this pass wrongly, never fail).
            await #expect(throws: RawConnection.TimedOut.self) { try await waiting.response(within: .milliseconds(500)) }

            await busy[0].close()
            #expect(try await waiting.response().statusCode == 200)
            await busy[1].close()
            await waiting.close()
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

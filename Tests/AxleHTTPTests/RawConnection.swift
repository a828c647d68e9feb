import Foundation
import NIOCore
import NIOPosix

/// A bare TCP connection to a server on this machine, for sending exactly the bytes a test
/// needs (nothing, half a request, bytes HTTP forbids) and seeing what comes back and when
/// the server closes it.
struct RawConnection: Sendable {
    struct Closed: Error {}
    struct TimedOut: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// One HTTP response as it arrived.
    struct Response: Sendable {
        let statusCode: Int
        let head: String
        let body: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }

        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    }

    let channel: any Channel
    private let collector: ResponseCollector

    static func open(port: Int) async throws -> RawConnection {
        let collector = ResponseCollector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, collector: collector)
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    /// The next complete response (framed by `Content-Length`); throws `Closed` when the
    /// server closes the connection first, `TimedOut` after `limit`.
    func response(within limit: Duration = .seconds(10)) async throws -> Response {
        let collector = self.collector
        let loop = channel.eventLoop
        return try await Self.within(limit, "a response", loop.flatSubmit { collector.nextResponse(on: loop) })
    }

    /// Waits until the server has closed the connection; `TimedOut` after `limit`.
    func closedByServer(within limit: Duration = .seconds(10)) async throws {
        try await Self.within(limit, "the server to close the connection", channel.closeFuture)
    }

    func close() async {
        try? await channel.close()
    }

    /// The future's result, or `TimedOut` after `limit`: a guard against a hanging test, not
    /// a stand-in for waiting on an event.
    private static func within<Value: Sendable>(_ limit: Duration, _ what: String, _ future: EventLoopFuture<Value>)
        async throws -> Value
    {
        let loop = future.eventLoop
        let promise = loop.makePromise(of: Value.self)
        let settled = Settled()
        let timer = loop.scheduleTask(in: .init(limit)) {
            guard !settled.value else { return }
            settled.value = true
            promise.fail(TimedOut(what: what))
        }
        future.whenComplete { result in
            guard !settled.value else { return }
            settled.value = true
            timer.cancel()
            promise.completeWith(result)
        }
        return try await promise.futureResult.get()
    }
}

/// Whether a promise raced by a timer is settled; touched only on one event loop.
private final class Settled: @unchecked Sendable {
    var value = false
}

/// Collects what the server sends and cuts it into responses. Touched only on its channel's
/// event loop, hence `@unchecked Sendable`.
private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var received: [UInt8] = []
    private var waiting: EventLoopPromise<RawConnection.Response>?
    private var isClosed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += Array(buffer: unwrapInboundIn(data))
        deliver()
    }

    func channelInactive(context: ChannelHandlerContext) {
        isClosed = true
        deliver()
        context.fireChannelInactive()
    }

    func nextResponse(on loop: any EventLoop) -> EventLoopFuture<RawConnection.Response> {
        let promise = loop.makePromise(of: RawConnection.Response.self)
        // A wait that timed out is over; its promise must still be completed.
        waiting?.fail(RawConnection.TimedOut(what: "a response"))
        waiting = promise
        deliver()
        return promise.futureResult
    }

    private func deliver() {
        guard let promise = waiting else { return }
        if let response = takeResponse() {
            waiting = nil
            promise.succeed(response)
        } else if isClosed {
            waiting = nil
            promise.fail(RawConnection.Closed())
        }
    }

    private func takeResponse() -> RawConnection.Response? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = received.indices.first(where: { received[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: received[..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        let bodyStart = end + separator.count
        guard received.count >= bodyStart + length else { return nil }
        let body = String(decoding: received[bodyStart..<(bodyStart + length)], as: UTF8.self)
        received.removeFirst(bodyStart + length)
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        return RawConnection.Response(statusCode: status, head: head, body: body)
    }
}

import NIOCore
import NIOHTTPTypes

/// Keeps `ConnectionRegistry` told whether its connection is idle: busy from a request's
/// head until both its body has arrived and its response has ended (a response may end
/// first, a 401 to a body still being sent), idle otherwise.
final class IdleTracker: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private var readingRequest = false
    /// Requests whose head has arrived and whose response has not ended yet.
    private var responsesOwed = 0
    private var idle = true

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        registry.opened(context.channel)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        registry.closed(context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        registry.closed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
            responsesOwed += 1
        case .body:
            break
        case .end:
            readingRequest = false
        }
        update(context)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responsesOwed -= 1
            update(context)
        }
        context.write(data, promise: promise)
    }

    private func update(_ context: ChannelHandlerContext) {
        let nowIdle = !readingRequest && responsesOwed == 0
        guard nowIdle != idle else { return }
        idle = nowIdle
        registry.setIdle(context.channel, nowIdle)
    }
}

import AxleDomain
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP/1.1 parser refuses (an oversized header, a byte that is not
/// allowed in the path, `Transfer-Encoding` together with `Content-Length`…) with a 400 in
/// the API's error shape, then closes the connection, as nothing after such a request can
/// be framed. Without it Hummingbird answers these with an empty 400.
///
/// A parse error while an earlier request on the connection is still being answered is
/// left to Hummingbird: writing now would interleave with that response.
final class MalformedRequestResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose head has arrived and whose response has not ended yet.
    private var unanswered = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { unanswered += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, unanswered == 0 else {
            context.fireErrorCaught(error)
            return
        }
        let json = JSONResponse.errorJSON(ErrorBody(HTTPRequestError.malformedHTTP(Self.reason(parserError)),
                                                    path: ""))
        let body = context.channel.allocator.buffer(string: json)
        let head = HTTPResponse(status: .badRequest, headerFields: [
            .contentType: JSONResponse.contentType, .contentLength: "\(body.readableBytes)", .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    private static func reason(_ error: HTTPParserError) -> String {
        switch error {
        case .headerOverflow: "the headers are too large"
        case .invalidURL, .invalidPath, .invalidCharactersUsed: "the request line holds characters HTTP does not allow"
        case .unexpectedContentLength, .invalidContentLength:
            "the body's length is given in conflicting or invalid ways"
        default: "\(error)"
        }
    }
}

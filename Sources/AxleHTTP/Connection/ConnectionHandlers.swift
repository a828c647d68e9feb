public import NIOCore

/// The channel handlers every HTTP/1.1 connection gets, after Hummingbird's own.
public enum ConnectionHandlers {
    public static func make(requestReadTimeout: Duration, registry: ConnectionRegistry)
        -> [any RemovableChannelHandler]
    {
        [IdleTracker(registry: registry), MalformedRequestResponder(),
         RequestReadTimeoutHandler(timeout: .init(requestReadTimeout))]
    }
}

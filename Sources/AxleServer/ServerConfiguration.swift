public import AxleStoreSQL
public import Logging

/// How to run the server: where it listens, which database it uses and how long it keeps connections.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseURL
    public var logLevel: Logger.Level
    public var connections: ConnectionLimits

    public init(host: String = "127.0.0.1", port: Int = 8080, database: DatabaseURL = .defaultURL,
                logLevel: Logger.Level = .info, connections: ConnectionLimits = ConnectionLimits()) {
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.connections = connections
    }
}

/// What bounds the connections one server process holds, so that idle or half-sent
/// connections cannot use up its open files.
///
/// At `maximumConnections` the server closes the connection idle the longest to let a new
/// one in. When none is idle (all are in a request), new connections wait in the operating
/// system's listen queue (`backlog`) until one ends — a stalled one within `idleTimeout`,
/// a trickling one within `requestReadTimeout`; when that queue is full too, the operating
/// system refuses them.
public struct ConnectionLimits: Sendable, Equatable {
    /// A connection that sends nothing for this long, between requests or within one
    /// (unfinished headers, a stalled body), is closed.
    public var idleTimeout: Duration
    /// A request whose body has not fully arrived this long after its headers is dropped and
    /// its connection closed, however slowly the client keeps sending.
    public var requestReadTimeout: Duration
    /// Connections open at once; keep it well below the process's open-file limit (`ulimit -n`).
    public var maximumConnections: Int
    /// Connections the operating system queues while the server is at `maximumConnections`.
    public var backlog: Int

    public static let defaultIdleTimeout = Duration.seconds(30)
    public static let defaultRequestReadTimeout = Duration.seconds(30)
    public static let defaultMaximumConnections = 4_096
    public static let defaultBacklog = 256

    public init(idleTimeout: Duration = Self.defaultIdleTimeout,
                requestReadTimeout: Duration = Self.defaultRequestReadTimeout,
                maximumConnections: Int = Self.defaultMaximumConnections, backlog: Int = Self.defaultBacklog) {
        self.idleTimeout = idleTimeout
        self.requestReadTimeout = requestReadTimeout
        self.maximumConnections = maximumConnections
        self.backlog = backlog
    }
}

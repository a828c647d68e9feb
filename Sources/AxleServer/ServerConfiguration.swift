public import AxleStoreSQL
public import Logging

/// How to run the server: where it listens and which database it uses.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseURL
    public var logLevel: Logger.Level

    public init(host: String = "127.0.0.1", port: Int = 8080, database: DatabaseURL = .defaultURL,
                logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
    }
}

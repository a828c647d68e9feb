public import AxleApplication
import AxleServer
public import AxleStoreSQL
import Foundation
import Logging

/// The backends every storage test runs on. PostgreSQL comes from `AXLE_TEST_POSTGRES_URL`,
/// which `scripts/test` sets after starting a throwaway server.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The backends this run tests on. Without a PostgreSQL URL only SQLite runs, and when
    /// `AXLE_REQUIRE_POSTGRES` is set (as the test script does) that is a failure, not a skip.
    public static let available: [TestBackend] = {
        if ProcessInfo.processInfo.environment["AXLE_TEST_POSTGRES_URL"] != nil { return [.sqlite, .postgres] }
        precondition(ProcessInfo.processInfo.environment["AXLE_REQUIRE_POSTGRES"] == nil,
                     "AXLE_REQUIRE_POSTGRES is set but AXLE_TEST_POSTGRES_URL is not")
        return [.sqlite]
    }()

    /// A URL for a database nobody else uses: a new SQLite file, or a new PostgreSQL schema.
    public func freshDatabaseURL() throws -> DatabaseURL {
        try DatabaseURL(parsing: freshDatabaseURLText())
    }

    /// `freshDatabaseURL()` as text, password included, for `axle --database` in a child process.
    public func freshDatabaseURLText() -> String {
        let name = "axle_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        switch self {
        case .sqlite:
            return "sqlite:" + FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
        case .postgres:
            guard let base = ProcessInfo.processInfo.environment["AXLE_TEST_POSTGRES_URL"] else {
                preconditionFailure("no AXLE_TEST_POSTGRES_URL")
            }
            let separator = base.contains("?") ? "&" : "?"
            return base + separator + "schema=\(name)&pool=8"
        }
    }
}

extension TestBackend {
    /// Migrated services on a fresh database, with the given clock and sequential identifiers.
    public func freshServices(clock: TestClock = TestClock()) async throws -> AxleServices {
        let url = try freshDatabaseURL()
        var logger = Logger(label: "axle.test")
        logger.logLevel = .warning
        let migrated = try await AxleServer.services(url, logger: logger)
        return AxleServices(dependencies: Dependencies(database: migrated.database, clock: clock.clock,
                                                       ids: .sequential()))
    }
}

extension TestBackend {
    /// Runs `body` on fresh services and closes them afterwards, also when `body` throws
    /// (an unclosed SQLite connection is a crash, not a test failure).
    public func withServices(clock: TestClock = TestClock(), _ body: (AxleServices) async throws -> Void) async throws {
        try await withDatabase(clock: clock) { services, _ in try await body(services) }
    }

    /// Like `withServices`, also giving the database's URL (to reach it behind Axle's back).
    public func withDatabase(clock: TestClock = TestClock(),
                             _ body: (AxleServices, DatabaseURL) async throws -> Void) async throws {
        let url = try freshDatabaseURL()
        var logger = Logger(label: "axle.test")
        logger.logLevel = .warning
        let migrated = try await AxleServer.services(url, logger: logger)
        let services = AxleServices(dependencies: Dependencies(database: migrated.database, clock: clock.clock,
                                                               ids: .sequential()))
        do {
            try await body(services, url)
        } catch {
            try await services.close()
            Self.remove(url)
            throw error
        }
        try await services.close()
        Self.remove(url)
    }

    /// `remove(_:)` for a database URL as text (`freshDatabaseURLText()`), once no process uses it.
    public static func remove(_ text: String) {
        if let url = try? DatabaseURL(parsing: text) { remove(url) }
    }

    /// Deletes a closed SQLite test database with its journal files, so runs leave nothing in
    /// the temporary directory. (PostgreSQL test schemas go with the throwaway cluster.)
    public static func remove(_ url: DatabaseURL) {
        guard case .sqlite(let path) = url else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

import AxleApplication
import AxleServer
import AxleStoreSQL
import AxleTestSupport
import Foundation
import HTTPTypes
import Logging
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `axle serve` process, killed with SIGKILL in the middle of a load run: whatever it
/// acknowledged is in the ledger after a restart, and `axle verify` passes.
@Suite("Crash recovery")
struct CrashRecoveryTests {
    static let clients = 32
    /// The kill comes after this many acknowledged reservations, with the other clients' requests in flight.
    static let killAfter = 150
    /// A bound on the run, far above what is sent before the kill.
    static let maximumRequests = 5_000

    @Test(arguments: TestBackend.available)
    func everyReservationAcknowledgedBeforeASIGKILLIsInTheLedgerAfterRestart(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let issued = try await AxleProcess.run(["token", "create", "--database", database, "--name", "crash-admin",
                                                "--role", "admin", "--log-level", "warning"])
        try #require(issued.status == 0, "axle token create failed:\n\(issued.log)")
        let token = issued.output.trimmingCharacters(in: .whitespacesAndNewlines)
        try await Self.expectDurableCommits(backend, database: database)

        let first = try await AxleServerProcess.start(database: database)
        let load: CrashLoad
        do {
            let shelf = try await Self.stockedShelf(on: first, token: token)
            load = try await Self.reserveUntilKilled(first, token: token, json: shelf)
        } catch {
            await first.crash()
            throw error
        }
        #expect(load.acknowledged.count >= Self.killAfter)
        #expect(load.interrupted > 0, "no request was in flight when the server was killed")

        let second = try await AxleServerProcess.start(database: database)
        do {
            try await SocketClient.with(host: "127.0.0.1", port: second.port, connections: 8) { client in
                for id in load.acknowledged {
                    let found = try await client.send(.get, "/api/v1/reservations/\(id)", token: token)
                    #expect(found.status == .ok, "acknowledged reservation \(id) is gone: \(found)")
                    if found.status == .ok {
                        let reservation = try ReservationJSON(reservation: found)
                        #expect(reservation.status == "open" && reservation.reserved == 1, "\(found)")
                    }
                }
            }
        } catch {
            await second.crash()
            throw error
        }
        await second.stop()

        let verified = try await AxleProcess.run(["verify", "--database", database, "--log-level", "warning"])
        #expect(verified.status == 0, "axle verify failed:\n\(verified.output)\n\(verified.log)")
    }

    /// What makes an acknowledged commit survive the kill, on the database opened as `axle serve`
    /// opens it: SQLite in WAL mode with `synchronous=FULL` on every connection (the writer and
    /// each reader), PostgreSQL with `synchronous_commit=on` set by Axle's own session.
    static func expectDurableCommits(_ backend: TestBackend, database: String) async throws {
        var logger = Logger(label: "axle.test.crash")
        logger.logLevel = .warning
        let services = try await AxleServer.services(try DatabaseURL(parsing: database), logger: logger)
        do {
            switch backend {
            case .sqlite:
                let sqlite = try #require(services.dependencies.database as? SQLiteStoreDatabase)
                let connections = try await sqlite.durability()
                #expect(connections.count == 5, "the writer and four readers")
                #expect(connections.allSatisfy { $0 == SQLiteDurability(journalMode: "wal", synchronous: 2) },
                        "\(connections)")
            case .postgres:
                let postgres = try #require(services.dependencies.database as? PostgresStoreDatabase)
                #expect(try await postgres.durability() == PostgresDurability(synchronousCommit: "on", source: "client"))
            }
        } catch {
            try await services.close()
            throw error
        }
        try await services.close()
    }

    /// Creates a site, a bin and a part over HTTP and receives plenty of stock; returns the
    /// body of a one-unit reservation of it.
    static func stockedShelf(on server: AxleServerProcess, token: String) async throws -> String {
        try await SocketClient.with(host: "127.0.0.1", port: server.port, connections: 1) { client in
            let site = try await client.send(.post, "/api/v1/sites", token: token, json: """
                {"code": "DLR-CRASH", "name": "Crash test dealership", "kind": "dealership",
                 "location": {"latitude": 41.88, "longitude": -87.63}, "timeZone": "America/Chicago"}
                """)
            let siteID = try #require(site.string("id"), "\(site)")
            let bin = try await client.send(.post, "/api/v1/sites/\(siteID)/bins", token: token,
                                            json: #"{"code": "A-01"}"#)
            let binID = try #require(bin.string("id"), "\(bin)")
            let part = try await client.send(.post, "/api/v1/parts", token: token, json: PartJSON.oilFilter)
            let partID = try #require(part.string("id"), "\(part)")
            let receipt = try await client.send(.post, "/api/v1/receipts", token: token, json: """
                {"siteId": "\(siteID)", "binId": "\(binID)", "partId": "\(partID)", "quantity": 100000}
                """)
            try #require(receipt.status == .created, "\(receipt)")
            return """
                {"partId": "\(partID)", "siteId": "\(siteID)", "quantity": 1,
                 "demand": {"kind": "repairOrder", "reference": "RO-CRASH"}, "priority": "scheduledService",
                 "needBy": "2026-03-10"}
                """
        }
    }

    /// Concurrent clients reserve one unit at a time; after `killAfter` acknowledgements the
    /// server is killed while the others wait for answers. Returns what was acknowledged.
    static func reserveUntilKilled(_ server: AxleServerProcess, token: String, json: String) async throws -> CrashLoad {
        let tickets = Tickets(count: maximumRequests)
        let recorder = CrashRecorder()
        try await SocketClient.with(host: "127.0.0.1", port: server.port, connections: clients) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        while tickets.next() != nil {
                            let sentBeforeKill = !recorder.killed
                            let response: APIResponse
                            do {
                                response = try await client.send(.post, "/api/v1/reservations", token: token, json: json)
                            } catch where recorder.killed {
                                if sentBeforeKill { recorder.interrupted() }
                                return
                            }
                            try #require(response.status == .created, "\(response)")
                            let id = try ReservationJSON(outcome: response).id
                            if recorder.acknowledge(id, killAfter: killAfter) {
                                await server.crash()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        try #require(recorder.killed, "the run ended before \(killAfter) reservations were acknowledged")
        return recorder.load
    }
}

/// What a crash run saw: the reservations answered 201, and how many requests sent before the
/// kill never got an answer (in flight when the server died; every request sent after it fails).
struct CrashLoad: Sendable {
    var acknowledged: [String] = []
    var interrupted = 0
}

/// Records acknowledgements from concurrent clients and decides, once, when to kill.
final class CrashRecorder: Sendable {
    private let state = Mutex((load: CrashLoad(), killed: false))

    var killed: Bool { state.withLock { $0.killed } }
    var load: CrashLoad { state.withLock { $0.load } }

    /// Records an acknowledged reservation; true for the one caller that should now kill the server.
    func acknowledge(_ id: String, killAfter: Int) -> Bool {
        state.withLock { state in
            state.load.acknowledged.append(id)
            guard !state.killed, state.load.acknowledged.count >= killAfter else { return false }
            state.killed = true
            return true
        }
    }

    func interrupted() {
        state.withLock { $0.load.interrupted += 1 }
    }
}

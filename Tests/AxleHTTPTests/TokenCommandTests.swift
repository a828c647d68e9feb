import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// `axle token create|list|revoke` run as child processes, as an operator runs them.
@Suite("axle token")
struct TokenCommandTests {
    @Test(arguments: TestBackend.available)
    func aTokenThatWouldExpireAtOnceIsRefused(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        for days in ["0", "-1", "-30", "36501"] {
            let refused = try await AxleProcess.run(["token", "create", "--database", database, "--name", "ops",
                                                     "--role", "admin", "--expires-in-days", days])
            #expect(refused.status != 0, "--expires-in-days \(days) was accepted")
            #expect(refused.output.isEmpty)
            #expect(refused.log.contains("--expires-in-days must be from 1 to 36500"), "\(refused.log)")
        }
        let listed = try await Self.list(database)
        #expect(listed.count == 1, "only the header: \(listed)")
    }

    @Test(arguments: TestBackend.available)
    func createReportsTheIdThatListShowsAndRevokeTakes(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let created = try await AxleProcess.run(["token", "create", "--database", database, "--name", "ops",
                                                 "--role", "admin", "--expires-in-days", "30", "--log-level", "warning"])
        try #require(created.status == 0, "\(created.log)")
        let secret = try #require(created.output.split(separator: "\n").first.map(String.init))
        #expect(created.output == secret + "\n", "the secret alone on standard output")
        #expect(secret.hasPrefix("axle_"))
        let id = try #require(Self.issuedID(in: created.log), "no token id on standard error: \(created.log)")

        let listed = try await Self.list(database)
        #expect(listed[0].starts(with: ["ID", "NAME", "ROLE", "SITES", "CREATED", "EXPIRES", "LAST"]))
        try #require(listed.count == 2, "\(listed)")
        let row = listed[1]
        #expect(row[0] == id && row[1] == "ops" && row[2] == "admin" && row[3] == "all", "\(row)")
        #expect(row.last == "-", "not revoked: \(row)")
        #expect(row[5] != "never" && row[6] == "never", "expires, never used: \(row)")
        #expect(!listed.joined().joined().contains(secret.dropFirst(5).prefix(12)))

        let revoked = try await AxleProcess.run(["token", "revoke", id, "--database", database, "--log-level", "warning"])
        #expect(revoked.status == 0, "\(revoked.log)")
        #expect(revoked.output == "revoked \(id)\n")
        let after = try await Self.list(database)
        #expect(after.count == 2 && after[1][0] == id && after[1].last != "-", "revocation time shown: \(after)")
    }

    @Test(arguments: TestBackend.available)
    func aTokenUsedOnARunningServerShowsItsLastUse(_ backend: TestBackend) async throws {
        let database = backend.freshDatabaseURLText()
        defer { TestBackend.remove(database) }
        let created = try await AxleProcess.run(["token", "create", "--database", database, "--name", "ops",
                                                 "--role", "admin", "--log-level", "warning"])
        try #require(created.status == 0, "\(created.log)")
        let secret = created.output.trimmingCharacters(in: .whitespacesAndNewlines)

        let server = try await AxleServerProcess.start(database: database)
        do {
            try await SocketClient.with(host: "127.0.0.1", port: server.port, connections: 1) { client in
                let sites = try await client.send(.get, "/api/v1/sites", token: secret)
                #expect(sites.status == .ok, "\(sites)")
            }
        } catch {
            await server.crash()
            throw error
        }
        await server.stop()

        let listed = try await Self.list(database)
        try #require(listed.count == 2, "\(listed)")
        #expect(listed[1][6] != "never" && listed[1][6] >= listed[1][4], "last use at or after creation: \(listed[1])")
    }

    /// `axle token list`, split into words, one array a line (the header first).
    static func list(_ database: String) async throws -> [[String]] {
        let listed = try await AxleProcess.run(["token", "list", "--database", database, "--log-level", "warning"])
        try #require(listed.status == 0, "\(listed.log)")
        return listed.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    /// The id in `issued token ID to NAME`, as `token create` writes it on standard error.
    static func issuedID(in log: String) -> String? {
        let words = log.split(whereSeparator: \.isWhitespace)
        guard let index = words.firstIndex(of: "issued"), index + 2 < words.count, words[index + 1] == "token" else {
            return nil
        }
        return String(words[index + 2])
    }
}

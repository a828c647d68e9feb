import Foundation
import HTTPTypes
import NIOCore
import NIOPosix
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `axle` executable run as a child process, as an operator would run it.
final class AxleProcess: @unchecked Sendable {
    // `Process` is not Sendable; it is only touched in `init`, `start` and `signal`, and its
    // exit is published through `exitStatus`.
    private let process = Process()
    /// Held apart from `self`, so the termination handler does not keep this object (and its log) alive.
    private let exitStatus = ExitStatus()
    /// Where the child's standard error goes, to show when something fails.
    let logURL: URL

    /// The executable next to the test bundle (`swift build --product axle` puts it there; `scripts/test` does).
    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("axle"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/axle"),
        ].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProcessFailure("no axle executable at \(candidates.map(\.path)); run `swift build --product axle` first")
        }
        return found
    }

    init(_ arguments: [String]) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("axle-child-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardError = try FileHandle(forWritingTo: logURL)
    }

    deinit {
        try? FileManager.default.removeItem(at: logURL)
    }

    var pid: Int32 { process.processIdentifier }

    /// Starts the child; `exit()` then waits for it to end.
    func start(standardOutput: FileHandle? = nil) throws {
        if let standardOutput { process.standardOutput = standardOutput }
        let exitStatus = exitStatus
        process.terminationHandler = { ended in exitStatus.record(ended.terminationStatus) }
        try process.run()
    }

    var isRunning: Bool { exitStatus.state.withLock { $0.status == nil } }

    /// Sends a signal unless the child has already ended.
    func signal(_ signal: Int32) {
        guard isRunning else { return }
        _ = kill(pid, signal)
    }

    /// Waits for the child to end and returns its exit status (the signal number when killed).
    func exit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let ended = exitStatus.state.withLock { state -> Int32? in
                if let status = state.status { return status }
                state.waiters.append(continuation)
                return nil
            }
            if let ended { continuation.resume(returning: ended) }
        }
    }

    /// The end of what the child wrote to standard error.
    var logTail: String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return String(text.suffix(2_000))
    }

    /// Runs `axle ARGUMENTS` to its end and returns its exit status and standard output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, log: String) {
        let child = try AxleProcess(arguments)
        // A file, not a pipe: a child that prints a lot never blocks on a reader.
        let outputURL = child.logURL.appendingPathExtension("out")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        try child.start(standardOutput: try FileHandle(forWritingTo: outputURL))
        let status = await child.exit()
        return (status, try String(contentsOf: outputURL, encoding: .utf8), child.logTail)
    }
}

/// A child's exit status once it has ended, and the tasks waiting for it.
final class ExitStatus: Sendable {
    let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))

    func record(_ status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }
}

/// `axle serve` on a free loopback port, ready when `/health` answers.
struct AxleServerProcess: Sendable {
    let process: AxleProcess
    let port: Int

    static let readinessAttempts = 600
    static let readinessPause = Duration.milliseconds(50)

    /// Starts the server on `database` and waits (a bounded number of polls) until it answers.
    static func start(database: String) async throws -> AxleServerProcess {
        let port = try await freeLoopbackPort()
        let process = try AxleProcess(["serve", "--database", database, "--host", "127.0.0.1", "--port", "\(port)",
                                       "--log-level", "warning"])
        try process.start()
        let server = AxleServerProcess(process: process, port: port)
        do {
            try await server.waitUntilReady()
        } catch {
            await server.stop()
            throw error
        }
        return server
    }

    private func waitUntilReady() async throws {
        try await SocketClient.with(host: "127.0.0.1", port: port, connections: 1) { client in
            for _ in 0..<Self.readinessAttempts {
                guard process.isRunning else { throw ProcessFailure("axle serve exited:\n\(process.logTail)") }
                if let health = try? await client.send(.get, "/health", token: nil), health.status == .ok { return }
                try await Task.sleep(for: Self.readinessPause)
            }
            throw ProcessFailure("axle serve did not answer /health after \(Self.readinessAttempts) polls:\n\(process.logTail)")
        }
    }

    /// Kills the server at once, as a power cut or the OOM killer would, and waits until it is gone.
    func crash() async {
        process.signal(SIGKILL)
        _ = await process.exit()
    }

    /// Asks the server to shut down, and kills it if it has not ended in a few seconds.
    func stop() async {
        process.signal(SIGTERM)
        let process = self.process
        let watchdog = Task {
            try await Task.sleep(for: .seconds(10))
            process.signal(SIGKILL)
        }
        _ = await process.exit()
        watchdog.cancel()
    }

    /// A port nobody listens on: the kernel picks one for a socket that is closed at once.
    private static func freeLoopbackPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw ProcessFailure("no free loopback port") }
        return port
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

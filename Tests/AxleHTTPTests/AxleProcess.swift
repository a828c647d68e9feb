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
///
/// Spawned with `posix_spawn`, not Foundation's `Process`: in Swift 6.3.1 `Process.run()` reads
/// past a buffer while it lists `/proc/self/fd` and crashes now and then in a test process with
/// many sockets open (swift-corelibs-foundation pull request 5472).
final class AxleProcess: Sendable {
    private let arguments: [String]
    private let executable: URL
    private let spawned = Mutex<pid_t>(0)
    /// Held apart from `self`, so the waiting thread does not keep this object (and its log) alive.
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
        executable = try Self.executable()
        self.arguments = arguments
    }

    deinit {
        try? FileManager.default.removeItem(at: logURL)
    }

    var pid: Int32 { spawned.withLock { $0 } }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
            unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }

    /// Starts the child, its standard error to `logURL` and its standard output to
    /// `standardOutput` (a path) or nowhere; `exit()` then waits for it to end.
    func start(standardOutput: URL? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput?.path ?? "/dev/null", O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, 2, logURL.path, O_WRONLY | O_TRUNC, 0)
        // The child gets none of the test process's other descriptors (its listening sockets among them).
        guard let closeFrom = Self.closeFrom, closeFrom(&actions, 3) == 0 else {
            throw ProcessFailure("this C library cannot close a spawned child's descriptors (posix_spawn_file_actions_addclosefrom_np)")
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable.path, &actions, nil, argv, environ)
        guard result == 0 else { throw ProcessFailure("posix_spawn failed: \(String(cString: strerror(result)))") }
        let pid = child
        spawned.withLock { $0 = pid }
        let exitStatus = exitStatus
        // A blocking wait belongs on a thread of its own, never on the cooperative pool.
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let signalled = status & 0x7f
            exitStatus.record(signalled == 0 ? (status >> 8) & 0xff : signalled)
        }
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

    /// The end of what the child wrote to standard error; after a crash, its first lines,
    /// which say why (the backtrace that follows is long).
    var logTail: String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        if let crash = text.range(of: "Fatal error") ?? text.range(of: "Crash") {
            return String(text[crash.lowerBound...].prefix(4_000))
        }
        return String(text.suffix(2_000))
    }

    /// Runs `axle ARGUMENTS` to its end and returns its exit status and standard output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, log: String) {
        let child = try AxleProcess(arguments)
        // A file, not a pipe: a child that prints a lot never blocks on a reader.
        let outputURL = child.logURL.appendingPathExtension("out")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        try child.start(standardOutput: outputURL)
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
    /// A port found free can be taken before the child binds it (other tests' outgoing
    /// connections draw from the same range): then the start is tried again on another port.
    static func start(database: String) async throws -> AxleServerProcess {
        for attempt in 1...Self.bindAttempts {
            let port = try await freeLoopbackPort()
            let process = try AxleProcess(["serve", "--database", database, "--host", "127.0.0.1", "--port", "\(port)",
                                           "--log-level", "warning"])
            try process.start()
            let server = AxleServerProcess(process: process, port: port)
            do {
                try await server.waitUntilReady()
                return server
            } catch {
                await server.stop()
                guard attempt < Self.bindAttempts, process.logTail.contains("Address already in use") else { throw error }
            }
        }
        throw ProcessFailure("no loopback port could be bound")
    }

    static let bindAttempts = 5

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

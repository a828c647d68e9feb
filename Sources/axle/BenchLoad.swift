import AxleDomain
import NIOHTTP1
import Synchronization

/// Reservations through the HTTP API from concurrent clients, and single stock lookups.
enum BenchLoad {
    struct Outcome: Sendable {
        var created = 0
        var refused = 0
        var failed = 0
        var latencies = Latencies()
        var elapsed = Duration.zero
        /// CPU time of the whole process during the run, and of the client's event loop within it.
        var processCPU = Duration.zero
        var clientCPU = Duration.zero

        var perSecond: Double { Double(created) / elapsed.seconds }
        /// Process CPU time per request, in microseconds.
        var cpuPerRequest: Double { processCPU.seconds * 1e6 / Double(max(created + refused + failed, 1)) }
        var clientCPUPerRequest: Double { clientCPU.seconds * 1e6 / Double(max(created + refused + failed, 1)) }

        mutating func merge(_ other: Outcome) {
            created += other.created
            refused += other.refused
            failed += other.failed
            latencies.merge(other.latencies)
        }
    }

    /// `clients` tasks each send one-unit reservations, one at a time, spread over every
    /// sampled part and site, until `duration` has passed or `maximum` requests were sent.
    static func reservations(_ server: BenchServer, fixture: BenchFixture, clients: Int, duration: Duration,
                             maximum: Int) async throws -> Outcome {
        let tickets = Counter(limit: maximum)
        let clock = ContinuousClock()
        let clientCPUBefore = try await server.clientCPUTime()
        let processCPUBefore = CPUTime.process()
        let started = clock.now
        let deadline = started + duration
        var outcome = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var mine = Outcome()
                    while clock.now < deadline, let ticket = tickets.next() {
                        let (part, shelf) = fixture.cell(ticket)
                        let json = """
                            {"partId": "\(part.id)", "siteId": "\(shelf.site.id)", "quantity": 1, \
                            "demand": {"kind": "repairOrder", "reference": "BENCH-\(ticket)"}, \
                            "priority": "scheduledService", "needBy": "2026-12-31"}
                            """
                        let sent = clock.now
                        let (status, _) = try await server.send(.POST, "/api/v1/reservations", json: json)
                        mine.latencies.record(clock.now - sent)
                        switch status {
                        case 201: mine.created += 1
                        case 409: mine.refused += 1
                        default: mine.failed += 1
                        }
                    }
                    return mine
                }
            }
            return try await group.reduce(into: Outcome()) { $0.merge($1) }
        }
        outcome.elapsed = clock.now - started
        outcome.processCPU = CPUTime.process() - processCPUBefore
        outcome.clientCPU = try await server.clientCPUTime() - clientCPUBefore
        return outcome
    }

    /// `count` sequential `GET /api/v1/stock?part=&site=` requests over the sampled cells, after
    /// `warmUp` unmeasured ones.
    static func httpLookups(_ server: BenchServer, fixture: BenchFixture, count: Int, warmUp: Int) async throws
        -> Latencies
    {
        try await measure(count: count, warmUp: warmUp) { index in
            let (part, shelf) = fixture.cell(index * 7_919)
            let (status, _) = try await server.send(.GET, "/api/v1/stock?part=\(part.id)&site=\(shelf.site.id)")
            guard status == 200 else { throw BenchError("GET /api/v1/stock answered \(status)") }
        }
    }

    /// Runs `operation` `warmUp` times unmeasured, then `count` times measured, one after another.
    static func measure(count: Int, warmUp: Int, _ operation: (Int) async throws -> Void) async throws -> Latencies {
        for index in 0..<warmUp { try await operation(index) }
        let clock = ContinuousClock()
        var latencies = Latencies()
        for index in 0..<count {
            let started = clock.now
            try await operation(warmUp + index)
            latencies.record(clock.now - started)
        }
        return latencies
    }
}

/// Numbers 0, 1, 2, … handed out once each to concurrent tasks, up to a limit.
final class Counter: Sendable {
    private let issued = Mutex(0)
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func next() -> Int? {
        issued.withLock { issued in
            guard issued < limit else { return nil }
            issued += 1
            return issued - 1
        }
    }
}

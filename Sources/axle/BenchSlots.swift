import AxleApplication
import AxleDomain
import ArgumentParser
import Foundation
import Logging
import NIOHTTP1

/// `axle bench slots`: how long a slot search takes at a busy workshop, through the use case
/// and over HTTP.
struct BenchSlots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: "Slot-search latency for a 14-day horizon at a workshop whose next two weeks are mostly booked.",
        discussion: """
            It creates a workshop of its own on the database (a new site each run, with technicians, bays, \
            operations with parts kits and a customer, through the use cases), books appointments at random \
            times through the search and booking use cases until the share of the technicians' time asked for \
            is taken, then measures searches from now, each asking for one or two random operations.
            """)

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Technicians at the workshop.")
    var technicians = 10

    @Option(help: "Bays at the workshop (one alignment rig, one EV bay, one heavy-duty lift, the rest lifts).")
    var bays = 8

    @Option(help: "Share of the technicians' time in the horizon to book first, in percent.")
    var booked = 60

    @Option(help: "Days each search looks ahead.")
    var days = 14

    @Option(help: "Searches measured through the use case, and again over HTTP (after 50 unmeasured ones each).")
    var searches = 1_000

    @Option(help: "Append the figures as a row of a markdown table to this file.")
    var markdown: String?

    func validate() throws {
        guard (1...50).contains(technicians), (3...50).contains(bays) else {
            throw ValidationError("--technicians must be from 1 to 50, --bays from 3 to 50")
        }
        guard (0...95).contains(booked) else { throw ValidationError("--booked must be from 0 to 95") }
        guard (1...SlotSearch.maximumDays).contains(days) else { throw ValidationError("--days must be from 1 to 60") }
        guard (1...100_000).contains(searches) else { throw ValidationError("--searches must be from 1 to 100000") }
    }

    func run() async throws {
        var logger = options.logger("axle.bench")
        logger.logLevel = max(logger.logLevel, .warning)
        try await options.withServices { try await measure($0, logger: logger) }
    }

    private func measure(_ services: AxleServices, logger: Logger) async throws {
        let clock = ContinuousClock()
        let database = try options.url()
        print("database          \(database)")
        var started = clock.now
        let workshop = try await BenchSlotsWorkshop.create(through: services, technicians: technicians, bays: bays)
        let now = services.dependencies.clock.now()
        let horizon = Period(start: now, end: now.adding(seconds: Int64(days) * 86_400))
        let capacity = workshop.capacity(over: horizon)
        let filled = try await book(workshop, share: Double(booked) / 100, of: capacity, services: services)
        let setUp = Figure.decimal((clock.now - started).seconds, 1)
        let hours = Figure.count(Int(capacity / 60)), share = Figure.decimal(filled.share * 100, 1)
        print("workshop          \(workshop.site.code): \(technicians) technicians, \(bays) bays, "
              + "\(Figure.count(filled.appointments)) appointments booking \(share) % of \(hours) technician hours "
              + "in the next \(days) days (set up in \(setUp) s)")

        started = clock.now
        let useCase = try await BenchLoad.measure(count: searches, warmUp: 50) { index in
            _ = try await services.service.slots(input(workshop, index), as: BenchSlotsWorkshop.caller)
        }
        let server = try await BenchServer.start(services: services, connections: 1, logger: logger)
        let http: Latencies
        do {
            let encoder = APIJSON.encoder()
            http = try await BenchLoad.measure(count: searches, warmUp: 50) { index in
                let body = String(decoding: try encoder.encode(input(workshop, index)), as: UTF8.self)
                let (status, _) = try await server.send(.POST, "/api/v1/appointments/search", json: body)
                guard status == 200 else { throw BenchError("POST /api/v1/appointments/search answered \(status)") }
            }
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        print("slot search       use case p50 \(Figure.decimal(useCase.percentile(50))) ms, p99 "
              + "\(Figure.decimal(useCase.percentile(99))) ms; POST /api/v1/appointments/search p50 "
              + "\(Figure.decimal(http.percentile(50))) ms, p99 \(Figure.decimal(http.percentile(99))) ms "
              + "(\(Figure.count(searches)) sequential searches each, \(days)-day horizon, "
              + "\(Figure.decimal((clock.now - started).seconds, 1)) s)")
        if let markdown {
            let row = "| \(Date().formatted(.iso8601.year().month().day())) | \(database.backendName) | "
                + "\(technicians) / \(bays) | \(Figure.decimal(filled.share * 100, 0)) % | "
                + "\(Figure.decimal(useCase.percentile(50))) / \(Figure.decimal(useCase.percentile(99))) | "
                + "\(Figure.decimal(http.percentile(50))) / \(Figure.decimal(http.percentile(99))) |\n"
            try Self.append(row, to: markdown)
        }
    }

    /// One or two of the workshop's operations, searched from now.
    private func input(_ workshop: BenchSlotsWorkshop, _ index: Int) -> SearchSlots.Input {
        let operations = workshop.operations
        var chosen = [operations[index % operations.count].id]
        if index % 3 == 0 { chosen.append(operations[(index / 3 + 1) % operations.count].id) }
        if chosen.count == 2, chosen[0] == chosen[1] { chosen.removeLast() }
        return SearchSlots.Input(siteId: workshop.site.id, vehicleId: workshop.vehicle.id, operationIds: chosen,
                                 days: days)
    }

    /// Books the earliest slot after a random moment in the horizon, through the search and
    /// booking use cases, until `share` of `capacity` minutes is booked or slots run out.
    private func book(_ workshop: BenchSlotsWorkshop, share: Double, of capacity: Int64, services: AxleServices)
        async throws -> (appointments: Int, share: Double)
    {
        var generator = SystemRandomNumberGenerator()
        let now = services.dependencies.clock.now()
        var minutes: Int64 = 0, appointments = 0, misses = 0
        while Double(minutes) < share * Double(capacity), misses < 200 {
            var search = input(workshop, Int.random(in: 0...1_000, using: &generator))
            search.from = now.adding(seconds: Int64.random(in: 0...Int64(days - 1) * 86_400, using: &generator))
            search.days = days
            search.limit = 1
            let result = try await services.service.slots(search, as: BenchSlotsWorkshop.caller)
            guard let slot = result.slots.first, let start = Instant(iso8601: slot.start),
                  let end = Instant(iso8601: slot.end), end <= now.adding(seconds: Int64(days) * 86_400) else {
                misses += 1
                continue
            }
            _ = try await services.commands.run(BookAppointment(.init(
                siteId: workshop.site.id, customerId: workshop.customer.id, vehicleId: workshop.vehicle.id,
                operationIds: search.operationIds, start: start, technicianId: slot.technicianId, bayId: slot.bayId,
                concern: "Bench booking")), as: BenchSlotsWorkshop.caller)
            minutes += result.minutes
            appointments += 1
        }
        return (appointments, Double(minutes) / Double(max(capacity, 1)))
    }

    static let markdownHeader = """
        | date | backend | technicians / bays | booked | use case p50 / p99 ms | HTTP p50 / p99 ms |
        |---|---|---|---|---|---|

        """

    private static func append(_ row: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: Data(markdownHeader.utf8))
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data(row.utf8))
    }
}

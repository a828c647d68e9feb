import AxleApplication
import AxleDemo
import AxleDomain
import AxleServer
import AxleStore
import AxleStoreSQL
import AxleTestSupport
import Foundation
import Logging
import Testing

/// `axle demo`: a realistic dealer group, the same for the same seed, never mixed with real data.
/// A load takes seconds, so the dataset is loaded twice in one test and checked from several sides.
/// Both loads see the same fixed clock (2026-03-02), so their clock-dependent rows agree too.
@Suite("Demo dataset")
struct DemoDatasetTests {
    @Test("the same seed loads the same dealer group twice, with everything the demo promises")
    func loadsTheSameDealerGroupTwice() async throws {
        try await withDemoDatabase { first in
            let summary = try await DemoDataset(seed: 42, scale: 1).load(into: first) { _ in }
            let ledger = try await stockLedger(in: first)
            try await withDemoDatabase { second in
                _ = try await DemoDataset(seed: 42, scale: 1).load(into: second) { _ in }
                #expect(try await allParts(in: first) == allParts(in: second))
                #expect(try await allVehicles(in: first) == allVehicles(in: second))
                let again = try await stockLedger(in: second)
                #expect(again.count == ledger.count)
                #expect(again == ledger, "the same stock history, movement for movement")
            }
            try checkCounts(summary)
            try await checkSites(first)
            try await checkSupersessions(first)
            try await checkVehicles(first)
            try await checkUsers(summary, in: first)
            try await checkFitting(first)
            try await checkAudit(first)
            try await checkStockHistory(first, ledger: ledger, summary: summary)
            try await checkLedgerOverHTTP(first, ledger: ledger, summary: summary)
            try await checkTransfers(first, ledger: ledger, summary: summary)
            try await checkCounts(first, ledger: ledger, summary: summary)
            try await checkService(first, summary: summary)
        }
    }

    @Test("a database that already has a site is refused, and nothing is written")
    func refusesADatabaseWithData() async throws {
        try await withDemoDatabase { services in
            _ = try await services.commands.run(CreateSite(.init(
                code: Code("HQ")!, name: "Head office", kind: .branch,
                location: GeoPoint(latitude: 52.52, longitude: 13.40)!, timeZone: "Europe/Berlin")),
                as: Caller(principal: .system, requestID: nil))
            await #expect(throws: DemoError.databaseNotEmpty(found: ["sites"])) {
                try await DemoDataset(seed: 42, scale: 1).load(into: services) { _ in }
            }
            let sites = try await services.database.read { try await $0.sites.all() }
            #expect(sites.map(\.code.rawValue) == ["HQ"])
            #expect(DemoError.databaseNotEmpty(found: ["sites"]).code == "demo.database_not_empty")
            #expect(DemoError.databaseNotEmpty(found: ["sites"]).category == .conflict)
        }
    }

    @Test("a scale outside 1–100 is refused before anything is written")
    func refusesAScaleOutOfRange() async throws {
        try await withDemoDatabase { services in
            await #expect(throws: DemoError.scaleOutOfRange(0)) {
                try await DemoDataset(seed: 1, scale: 0).load(into: services) { _ in }
            }
            let sites = try await services.database.read { try await $0.sites.all() }
            #expect(sites.isEmpty)
        }
    }

    // MARK: - Checks of a loaded demo

    private func checkCounts(_ summary: DemoSummary) throws {
        let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.entity, $0.count) })
        #expect(counts["sites"] == 5)
        #expect(counts["parts"] == 20_000)
        #expect(counts["suppliers"] == 30)
        #expect(counts["vehicles"] == 5_000)
        // Thousands of items at five sites, a year of receipts and issues, a few still waiting.
        #expect((5_000...8_000).contains(try #require(counts["stocked items (part × site)"])))
        #expect(try #require(counts["reservations"]) > 20_000)
        #expect(try #require(counts["receipts"]) > 10_000)
        #expect((1...200).contains(try #require(counts["open backorders"])))
        #expect((20...400).contains(try #require(counts["adjustments"])))
        // Transfers between the sites, a few received short, over or damaged; a year of cycle counts.
        #expect((200...3_000).contains(try #require(counts["transfers"])))
        #expect((5...200).contains(try #require(counts["exception items"])))
        #expect((1...50).contains(try #require(counts["open exception items"])))
        #expect((10_000...60_000).contains(try #require(counts["count tasks"])))
        #expect((50...2_000).contains(try #require(counts["count adjustments"])))
        #expect(counts["users"] == 14)
        #expect(try #require(counts["bins"]) >= 5 * 20)
        // Several hundred chains of 2–4 links, a few thousand substitutes, 1–5 fitments for most parts.
        #expect((300...3_000).contains(try #require(counts["supersessions"])))
        #expect((1_000...9_000).contains(try #require(counts["substitutes"])))
        #expect(try #require(counts["fitments"]) > 20_000)
        #expect(try #require(counts["superseded parts"]) > 0)
        #expect(try #require(counts["obsolete parts"]) > 0)
    }

    private func checkSites(_ services: AxleServices) async throws {
        let sites = try await services.database.read { try await $0.sites.all() }
        #expect(sites.count == 5)
        #expect(sites.filter { $0.kind == .dealership }.count == 2)
        for kind in [Site.Kind.distributionCenter, .workshop, .mobileVan] {
            #expect(sites.filter { $0.kind == kind }.count == 1, "one \(kind.rawValue)")
        }
        #expect(sites.allSatisfy { TimeZone(identifier: $0.timeZone) != nil })
        for site in sites {
            let bins = try await services.database.read { stores in
                try await stores.bins.list(site: site.id, PageRequest(after: nil, limit: 500))
            }
            #expect((20...200).contains(bins.count), "\(site.code) has \(bins.count) bins")
        }
        let company = try await services.database.read { try await $0.company.get() }
        #expect(company.name == "Northwind Motor Group")
    }

    /// A part is superseded exactly when its link has taken effect, and a lookup of the oldest
    /// number of a chain resolves to a newer part.
    private func checkSupersessions(_ services: AxleServices) async throws {
        let parts = try await allParts(in: services)
        let links = try await services.database.read { try await $0.supersessions.chains(from: parts.map(\.id)) }
        let today = CalendarDate(utcOf: services.dependencies.clock.now())
        let lifecycles = Dictionary(uniqueKeysWithValues: parts.map { ($0.id, $0.lifecycle) })
        let effective = Set(links.filter { $0.effectiveOn <= today }.map(\.partID))
        #expect(links.contains { $0.effectiveOn > today }, "some links are announced for the coming months")
        #expect(Set(parts.filter { $0.lifecycle == .superseded }.map(\.id)) == effective)
        #expect(links.allSatisfy { lifecycles[$0.partID] != .obsolete && lifecycles[$0.replacementID] != nil })

        let replaced = Set(links.map(\.replacementID))
        let oldest = try #require(links.first { !replaced.contains($0.partID) && effective.contains($0.partID) })
        let number = try #require(parts.first { $0.id == oldest.partID }).number
        let lookup = try await services.catalog.lookup(number: number, as: Caller(principal: .system, requestID: nil))
        #expect(lookup.chain.first?.supersession == oldest)
        #expect(lookup.current.id != oldest.partID)
    }

    /// Every VIN is valid with a correct check digit, names the vehicle's make, and decodes to its model year.
    private func checkVehicles(_ services: AxleServices) async throws {
        let vehicles = try await allVehicles(in: services)
        #expect(vehicles.count == 5_000)
        #expect(Set(vehicles.map(\.vin)).count == vehicles.count)
        // One expectation for all 5,000: a failure names the VINs.
        let wrong = try vehicles.filter { vehicle in
            let vin = try VIN(validating: vehicle.vin.rawValue)
            let year = vin.region == .northAmerica ? vin.modelYear : vin.modelYear(referenceYear: vehicle.modelYear)
            return vin.checkDigitStatus != .valid || vin.decoded.make != vehicle.make || year != vehicle.modelYear
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.vin))")
    }

    private func checkUsers(_ summary: DemoSummary, in services: AxleServices) async throws {
        #expect(Set(summary.users.map(\.role)) == Set(Role.allCases))
        for user in summary.users {
            let principal = try await services.authenticator.principal(forSecret: user.token)
            #expect(principal.name == user.name)
            #expect(principal.role == user.role)
            #expect(principal.sites.count == user.sites.count)
        }
    }

    /// A demo vehicle's VIN finds parts whose fitment covers that vehicle.
    private func checkFitting(_ services: AxleServices) async throws {
        let admin = try await services.database.read { try await $0.principals.find(name: "demo-admin") }
        let caller = Caller(principal: try #require(admin), requestID: nil)
        let vehicles = try await services.vehicles.vehicles(PageRequest(after: nil, limit: 1), as: caller)
        let vehicle = try #require(vehicles.first)
        let fitting = try await services.vehicles.partsFitting(vehicle.vin, PageRequest(after: nil, limit: 10),
                                                               as: caller)
        #expect(fitting.vehicle == vehicle)
        let part = try #require(fitting.parts.first)
        let fitments = try await services.database.read { try await $0.fitments.list(for: part.id) }
        #expect(fitments.contains {
            $0.fits(make: vehicle.make, model: vehicle.model, year: vehicle.modelYear, engine: vehicle.engine)
        })
    }

    /// Each created row has its audit record, written by the system operator.
    private func checkAudit(_ services: AxleServices) async throws {
        let part = try #require(try await services.database.read { stores in
            try await stores.parts.search(PartQuery(), PageRequest(after: nil, limit: 1)).first?.part
        })
        let records = try await services.database.read { stores in
            try await stores.audit.list(AuditQuery(entityType: "part", entityID: part.id.description),
                                        PageRequest(after: nil, limit: 10))
        }
        #expect(records.map(\.action) == ["part.create"])
        #expect(records.first?.actorName == "system")
        #expect(records.first?.after?.contains("\"number\":\"\(part.number.rawValue)\"") == true)
    }

    // MARK: - Reading a whole demo

    private func allParts(in services: AxleServices) async throws -> [Part] {
        var parts: [Part] = []
        var after: PartSearchKey?
        while true {
            let page = try await services.database.read { [after] stores in
                try await stores.parts.search(PartQuery(), PageRequest(after: after, limit: 500))
            }
            parts += page.map(\.part)
            guard let last = page.last else { return parts }
            after = last.key
        }
    }

    private func allVehicles(in services: AxleServices) async throws -> [Vehicle] {
        var vehicles: [Vehicle] = []
        var after: String?
        while true {
            let page = try await services.database.read { [after] stores in
                try await stores.vehicles.list(PageRequest(after: after, limit: 500))
            }
            vehicles += page
            guard let last = page.last else { return vehicles }
            after = last.vin.rawValue
        }
    }

    /// Migrated services on a new SQLite file, with the test clock, removed afterwards.
    private func withDemoDatabase(_ body: (AxleServices) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("axle-demo-\(UUID()).sqlite").path
        var logger = Logger(label: "axle.test.demo")
        logger.logLevel = .warning
        let migrated = try await AxleServer.services(.sqlite(path: path), logger: logger)
        let services = AxleServices(dependencies: Dependencies(database: migrated.database, clock: TestClock().clock))
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            try await body(services)
        } catch {
            try await services.close()
            throw error
        }
        try await services.close()
    }
}

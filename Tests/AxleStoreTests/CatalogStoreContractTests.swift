import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// The store contract: every backend behaves the same for the same calls.
@Suite("Catalogue stores")
struct CatalogStoreContractTests {
    let usd = Currency(code: "USD")!

    func part(_ number: String, _ id: Int, description: String = "Brake pad set, front", hazardous: Bool = false,
              coreCharge: Int64? = nil) -> Part {
        Part(id: Identifier(UUID.stub(id)), number: PartNumber(number)!, description: description, brand: "ATE",
             category: .brakes, unit: .set, packs: [PackConversion(name: "box", quantity: Quantity(milli: 2500))],
             cost: Money(minorUnits: 2_150, currency: usd), listPrice: Money(minorUnits: 4_999, currency: usd),
             hazardous: hazardous, coreCharge: coreCharge.map { Money(minorUnits: $0, currency: usd) })
    }

    @Test(arguments: TestBackend.available)
    func partsRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let stored = part("BP-100", 1, hazardous: true, coreCharge: 3_000)
            try await database.write { try await $0.parts.insert([stored]) }
            let found = try await database.read { try await $0.parts.find(number: PartNumber("bp-100")!) }
            #expect(found == stored)
            var changed = stored
            changed.description = "Brake pad set, front, ceramic"
            changed.hazardous = false
            changed.coreCharge = nil
            changed.version = 2
            let updated = changed
            try await database.write { try await $0.parts.update(updated, replacing: 1) }
            #expect(try await database.read { try await $0.parts.find(id: stored.id) } == updated)
        }
    }

    /// The version check and the write are one statement: an update over a version that is no
    /// longer stored changes nothing and names the current version.
    @Test(arguments: TestBackend.available)
    func anUpdateOverAnOlderVersionChangesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let stored = part("BP-200", 1)
            try await database.write { try await $0.parts.insert([stored]) }
            var first = stored, second = stored
            first.description = "first writer"
            first.version = 2
            second.description = "second writer"
            second.version = 2
            try await database.write { [first] in try await $0.parts.update(first, replacing: 1) }
            await #expect(throws: RequestError.staleVersion(current: 2)) {
                try await database.write { [second] in try await $0.parts.update(second, replacing: 1) }
            }
            #expect(try await database.read { try await $0.parts.find(id: stored.id) } == first)
        }
    }

    @Test(arguments: TestBackend.available)
    func partSearchByPrefixWordsAndCursor(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            try await database.write { stores in
                try await stores.parts.insert([
                    part("OF-200", 1, description: "Oil filter, spin-on"),
                    part("OF-100", 2, description: "Oil filter cartridge"),
                    part("OF1-300", 3, description: "Air filter"),
                    part("BP-1", 4, description: "Brake pad set 100% ceramic"),
                ])
            }
            func search(_ query: PartQuery, after: String? = nil, limit: Int = 10) async throws -> [String] {
                let key = after.map { PartSearchKey(tier: 0, number: PartNumber($0)!) }
                return try await database.read { stores in
                    try await stores.parts.search(query, PageRequest(after: key, limit: limit))
                }.map(\.part.number.rawValue)
            }
            #expect(try await search(PartQuery(numberPrefix: "OF-")) == ["OF-100", "OF-200"])
            #expect(try await search(PartQuery(numberPrefix: "OF")) == ["OF-100", "OF-200", "OF1-300"])
            #expect(try await search(PartQuery(words: ["oil", "FILTER"])) == ["OF-100", "OF-200"])
            // `100%` is the word `100`: in OF-100's number first, then as a word of BP-1's description.
            #expect(try await search(PartQuery(words: ["100%"])) == ["OF-100", "BP-1"])
            #expect(try await search(PartQuery(words: ["_"])) == [])
            #expect(try await search(PartQuery(), limit: 2) == ["BP-1", "OF-100"])
            #expect(try await search(PartQuery(), after: "OF-100", limit: 2) == ["OF-200", "OF1-300"])
        }
    }

    @Test(arguments: TestBackend.available)
    func duplicatePartNumberIsAUniqueViolation(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            try await database.write { try await $0.parts.insert([part("BP-100", 1)]) }
            await #expect(throws: StoreError.self) {
                try await database.write { try await $0.parts.insert([part("BP-100", 2)]) }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aThrowingTransactionWritesNothing(_ backend: TestBackend) async throws {
        struct Abort: Error {}
        try await backend.withServices { services async throws in
            let database = services.database
            await #expect(throws: Abort.self) {
                try await database.write { stores in
                    try await stores.parts.insert([part("BP-100", 1)])
                    throw Abort()
                }
            }
            #expect(try await database.read { try await $0.parts.find(number: PartNumber("BP-100")!) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func supersessionChainsFollowEveryLink(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = (1...4).map { part("P-\($0)", $0) }
            let date = CalendarDate("2026-01-01")!
            let links = [
                Supersession(id: Identifier(UUID.stub(11)), partID: parts[0].id, replacementID: parts[1].id,
                             interchangeability: .oneWay, effectiveOn: date, useUpOldStock: true),
                Supersession(id: Identifier(UUID.stub(12)), partID: parts[1].id, replacementID: parts[2].id,
                             interchangeability: .twoWay, effectiveOn: date, useUpOldStock: false),
            ]
            try await database.write { stores in
                try await stores.parts.insert(parts)
                try await stores.supersessions.insert(links)
            }
            let chain = try await database.read { try await $0.supersessions.chains(from: [parts[0].id]) }
            #expect(Set(chain) == Set(links))
            let fromLast = try await database.read { try await $0.supersessions.chains(from: [parts[3].id]) }
            #expect(fromLast.isEmpty)
            let predecessors = try await database.read { try await $0.supersessions.predecessors(of: parts[2].id) }
            #expect(predecessors == [links[1]])
        }
    }

    @Test(arguments: TestBackend.available)
    func fitmentMatchesMakeYearModelAndEngine(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = [part("F-1", 1), part("F-2", 2), part("F-3", 3)]
            try await database.write { stores in
                try await stores.parts.insert(parts)
                try await stores.fitments.insert([
                    Fitment(id: Identifier(UUID.stub(21)), partID: parts[0].id, make: "Ford", model: "Focus",
                            years: 2012...2018, engine: nil),
                    Fitment(id: Identifier(UUID.stub(22)), partID: parts[1].id, make: "Ford", model: "Focus",
                            years: 2015...2020, engine: "2.0 EcoBoost"),
                    Fitment(id: Identifier(UUID.stub(23)), partID: parts[2].id, make: "Ford", model: "F-150",
                            years: 2015...2020, engine: nil),
                ])
            }
            func fitting(_ vehicle: VehicleDescription) async throws -> [String] {
                try await database.read { stores in
                    try await stores.fitments.partsFitting(vehicle, PageRequest(after: nil, limit: 50))
                }.map(\.number.rawValue)
            }
            #expect(try await fitting(VehicleDescription(make: "FORD", model: "focus", year: 2016, engine: "1.6")) == ["F-1"])
            #expect(try await fitting(VehicleDescription(make: "Ford", model: "Focus", year: 2016, engine: "2.0 ecoboost"))
                == ["F-1", "F-2"])
            #expect(try await fitting(VehicleDescription(make: "Ford", model: nil, year: 2019, engine: nil)) == ["F-2", "F-3"])
            #expect(try await fitting(VehicleDescription(make: "Toyota", model: nil, year: 2016, engine: nil)) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func sitesListInCodeOrderWithCursor(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let codes = ["WS-1", "DLR-B", "DC-1", "DLR-A"]
            try await database.write { stores in
                for (index, code) in codes.enumerated() {
                    try await stores.sites.insert(Site(
                        id: Identifier(UUID.stub(index + 1)), code: Code(code)!, name: code, kind: .dealership,
                        location: GeoPoint(latitude: 41.9, longitude: -87.6)!, timeZone: "America/Chicago"))
                }
            }
            let first = try await database.read { try await $0.sites.list(PageRequest(after: nil, limit: 3)) }
            #expect(first.map(\.code.rawValue) == ["DC-1", "DLR-A", "DLR-B"])
            let rest = try await database.read { try await $0.sites.list(PageRequest(after: Code("DLR-B"), limit: 3)) }
            #expect(rest.map(\.code.rawValue) == ["WS-1"])
        }
    }
}

extension UUID {
    /// A readable version-7 UUID for fixtures: …-000000000042.
    static func stub(_ value: Int) -> UUID {
        let hex = String(value, radix: 16)
        return UUID(uuidString: "00000000-0000-7000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex)!
    }
}

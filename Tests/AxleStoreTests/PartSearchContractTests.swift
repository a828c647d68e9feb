import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// Part search on the full-text index, the same on every backend (`PartQuery`, `PartSearchKey`).
@Suite("Part search")
struct PartSearchContractTests {
    let usd = Currency(code: "USD")!

    func part(_ number: String, _ id: Int, _ description: String, brand: String = "ATE") -> Part {
        Part(id: Identifier(UUID.stub(id)), number: PartNumber(number)!, description: description, brand: brand,
             category: .brakes, unit: .each, packs: [], cost: Money(minorUnits: 1_000, currency: usd),
             listPrice: Money(minorUnits: 2_000, currency: usd))
    }

    var catalogue: [Part] {
        [
            part("BP-1234", 1, "Brake pad set, front"),
            part("BP-2000", 2, "Brake pads, rear, ceramic"),
            part("PAD-9", 3, "Wear sensor"),
            part("SP-1", 4, "Padding, seat"),
            part("BAT-70", 5, "Battery, 12 V, 70 Ah", brand: "Varta"),
            part("BX-1", 6, "Fuse box"),
            part("DC-1", 7, "Brake disc, vented"),
        ]
    }

    func search(_ words: [String], in database: any Database, limit: Int = 50,
                after: PartSearchKey? = nil) async throws -> [PartMatch] {
        try await database.read { stores in
            try await stores.parts.search(PartQuery(words: words), PageRequest(after: after, limit: limit))
        }
    }

    func numbers(_ words: [String], in database: any Database) async throws -> [String] {
        try await search(words, in: database).map(\.part.number.rawValue)
    }

    @Test(arguments: TestBackend.available)
    func wordsMatchByPrefixCaseInsensitivelyAndPluralsFindTheirSingular(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = catalogue
            try await database.write { try await $0.parts.insert(parts) }
            #expect(try await numbers(["BRAKE", "Pad"], in: database) == ["BP-1234", "BP-2000"])
            #expect(try await numbers(["bra", "pa"], in: database) == ["BP-1234", "BP-2000"])
            // `pads` finds "pad" and "pads" (whole words) before "Padding" (a prefix only).
            #expect(try await numbers(["pads"], in: database) == ["PAD-9", "BP-1234", "BP-2000", "SP-1"])
            #expect(try await numbers(["batteries"], in: database) == ["BAT-70"])
            #expect(try await numbers(["boxes"], in: database) == ["BX-1"])
            #expect(try await numbers(["varta"], in: database) == ["BAT-70"])
            #expect(try await numbers(["discs", "vented"], in: database) == ["DC-1"])
            #expect(try await numbers(["ceramics"], in: database) == ["BP-2000"])
            #expect(try await numbers(["brakepad"], in: database) == [])
            #expect(try await numbers(["rotor"], in: database) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func partNumberMatchesComeFirstThenWholeWordsThenPrefixes(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = catalogue
            try await database.write { try await $0.parts.insert(parts) }
            let pad = try await search(["pad"], in: database)
            #expect(pad.map(\.part.number.rawValue) == ["PAD-9", "BP-1234", "BP-2000", "SP-1"])
            #expect(pad.map(\.key.tier) == [0, 1, 2, 2])
            #expect(try await numbers(["1234"], in: database) == ["BP-1234"])
            #expect(try await numbers(["bp-12"], in: database) == ["BP-1234"])
            #expect(try await numbers(["bp"], in: database) == ["BP-1234", "BP-2000"])
            #expect(try await numbers(["b"], in: database) == ["BAT-70", "BP-1234", "BP-2000", "BX-1", "DC-1"])
        }
    }

    @Test(arguments: TestBackend.available)
    func rankedResultsPageWithTheCursorKey(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = catalogue
            try await database.write { try await $0.parts.insert(parts) }
            let unpaged = try await search(["b"], in: database)
            #expect(unpaged.map(\.key.tier) == [0, 0, 0, 0, 2])
            var paged: [PartMatch] = []
            var after: PartSearchKey?
            while true {
                let page = try await search(["b"], in: database, limit: 2, after: after)
                paged += page
                guard page.count == 2, let last = page.last else { break }
                after = last.key
            }
            #expect(paged == unpaged)
            #expect(unpaged.map(\.key) == unpaged.map(\.key).sorted())
        }
    }

    /// A tier with more matches than `SQLPartSearch.walkFrom` is read another way on SQLite
    /// (walking the part-number index); the order and the cursor are the same.
    @Test(arguments: TestBackend.available)
    func aCommonWordPagesThroughEveryTierInOrder(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let filters = (0..<1_100).map { part(String(format: "OF-%04d", $0), 100 + $0, "Oil filter, spin-on") }
            let others = [part("FILTER-KIT", 1, "Service kit"), part("FX-1", 2, "Filtering cloth")]
            try await database.write { try await $0.parts.insert(filters + others) }
            func all(_ query: PartQuery) async throws -> [PartMatch] {
                var found: [PartMatch] = []
                var after: PartSearchKey?
                while true {
                    let page = try await database.read { [after] stores in
                        try await stores.parts.search(query, PageRequest(after: after, limit: 300))
                    }
                    found += page
                    guard page.count == 300, let last = page.last else { return found }
                    after = last.key
                }
            }
            let numbers = filters.map(\.number.rawValue)
            for category in [nil, PartCategory.brakes] {
                let found = try await all(PartQuery(words: ["filter"], category: category))
                #expect(found.map(\.part.number.rawValue) == ["FILTER-KIT"] + numbers + ["FX-1"])
                #expect(found.map(\.key.tier) == [0] + Array(repeating: 1, count: 1_100) + [2])
            }
            // No part number matches `oil`: the tiers are read without excluding number matches.
            let oil = try await all(PartQuery(words: ["oil"]))
            #expect(oil.map(\.part.number.rawValue) == numbers)
            #expect(oil.allSatisfy { $0.key.tier == 1 })
        }
    }

    @Test(arguments: TestBackend.available)
    func theIndexFollowsInsertsAndUpdates(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let original = part("HX-1", 1, "Heater hose")
            try await database.write { try await $0.parts.insert([original]) }
            #expect(try await numbers(["hose"], in: database) == ["HX-1"])
            var changed = original
            changed.description = "Radiator hose, upper"
            changed.version = 2
            let updated = changed
            try await database.write { try await $0.parts.update(updated, replacing: 1) }
            #expect(try await numbers(["heater"], in: database) == [])
            #expect(try await numbers(["radiator", "hoses"], in: database) == ["HX-1"])
        }
    }

    /// Migration 9 skips the index when an update leaves the searched text alone: the part is
    /// still found by its words afterwards, and a later change of its text still reaches the index.
    @Test(arguments: TestBackend.available)
    func anUpdateThatLeavesTheTextAloneKeepsThePartFound(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let original = part("HX-1", 1, "Heater hose")
            try await database.write { try await $0.parts.insert([original]) }
            var repriced = original
            repriced.lifecycle = .obsolete
            repriced.version = 2
            let unchangedText = repriced
            try await database.write { try await $0.parts.update(unchangedText, replacing: 1) }
            #expect(try await numbers(["heater", "hose"], in: database) == ["HX-1"])
            var renamed = unchangedText
            renamed.description = "Radiator hose"
            renamed.version = 3
            let changedText = renamed
            try await database.write { try await $0.parts.update(changedText, replacing: 2) }
            #expect(try await numbers(["heater"], in: database) == [])
            #expect(try await numbers(["radiator"], in: database) == ["HX-1"])
        }
    }

    /// Full-text query syntax in user input is text, never an operator, and never an error.
    @Test(arguments: TestBackend.available)
    func hostileCharactersAreSeparatorsNotSyntax(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let parts = catalogue
            try await database.write { try await $0.parts.insert(parts) }
            let hostile = [
                "\"", "\"brake", "pad\"", "'", "'pad':*", "pad*", "*", ":", "number:pad", "{number}:pad", "(", ")",
                "brake)", "AND", "OR", "NOT", "NEAR", "NEAR(brake", "^pad", "-pad", "+pad", "brake&pad", "!pad",
                "pad|x", "<->", "pad:*A", "\\", "\\'", "%", "_", "\u{0}", "pad\u{0}", "';--", "\u{FFFD}", "💥",
            ]
            for word in hostile {
                _ = try await search([word], in: database)
            }
            _ = try await search(hostile, in: database)
            #expect(try await numbers(["\"brake", "pad\""], in: database) == ["BP-1234", "BP-2000"])
            #expect(try await numbers(["'pad':*"], in: database) == ["PAD-9", "BP-1234", "BP-2000", "SP-1"])
            #expect(try await numbers(["number:1234"], in: database) == [])
            #expect(try await numbers(["NOT"], in: database) == [])
            #expect(try await numbers(["*", ":", "\u{0}"], in: database) == [])
        }
    }
}

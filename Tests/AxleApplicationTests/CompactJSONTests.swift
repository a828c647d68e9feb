import AxleApplication
import AxleDomain
import Foundation
import Testing

@Suite("Responses and audit snapshots are the API's JSON, written quickly")
struct CompactJSONTests {
    private static func foundation(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
    }

    @Test func aReservationIsWrittenExactlyAsFoundationWritesIt() throws {
        for (reserved, backordered) in [(Quantity(units: 3), Quantity.zero), (Quantity(milli: 1_500), Quantity(milli: -1))] {
            let reservation = Reservation(
                id: .init(UUID()), partID: .init(UUID()), siteID: .init(UUID()),
                demand: Demand(kind: .repairOrder, reference: "RO-10442/3 \"rush\"\n"), priority: .vehicleOffRoad,
                needBy: CalendarDate(year: 2026, month: 12, day: 31)!, requested: Quantity(units: 5), reserved: reserved,
                backordered: backordered, createdAt: Instant(microseconds: 1_772_442_000_123_456))
            #expect(try CompactJSON.encode(reservation) == Self.foundation(reservation))
            #expect(try CompactJSON.encode(["items": [reservation]]) == Self.foundation(["items": [reservation]]))
        }
    }

    @Test func keysAreRenamedSortedAndEscapedAsFoundationDoes() throws {
        struct Sample: Encodable {
            let partID = 1
            let operationIDs = ["a", "b"]
            let text = "tab\t, quote \", backslash \\, slash /, control \u{1} \u{1f}, delete \u{7f}, é, \u{2028}"
            let missing: String? = nil
            let present: String? = "here"
            let flags = [true, false]
            let byName = ["siteID": 1, "b": 2]
            let byNumber = [10: "ten", 5: "five"]
            let nested: [[Int]] = [[1, 2], []]
        }
        #expect(try CompactJSON.encode(Sample()) == Self.foundation(Sample()))
    }

    @Test func whatItDoesNotWriteItselfFoundationWrites() throws {
        struct Located: Encodable {
            let distanceKm = 12.5
            let at = Date(timeIntervalSince1970: 1_000)
        }
        #expect(try CompactJSON.encode(Located()) == Self.foundation(Located()))
        #expect(try CompactJSON.encode([0.1, 2]) == Self.foundation([0.1, 2]))
    }
}

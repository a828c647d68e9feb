import AxleDomain
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: [
        (0, "1970-01-01"), (951_782_400, "2000-02-29"), (1_772_442_000, "2026-03-02"), (-86_400, "1969-12-31"),
    ] as [(Int64, String)])
    func theUTCDateOfAnInstant(_ seconds: Int64, _ expected: String) {
        #expect(CalendarDate(utcOf: Instant(microseconds: seconds * 1_000_000)).description == expected)
    }

    @Test(arguments: [0, 59, 10_957, 20_514, -1, -25_567, 47_482])
    func daysSinceEpochInvertTheUTCDate(_ days: Int64) {
        let date = CalendarDate(utcOf: Instant(microseconds: days * 86_400_000_000))
        #expect(date.daysSinceEpoch == days)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", "2026-04-31", "x"])
    func impossibleDatesAreRefused(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func codesAreNormalisedAndValidated() {
        #expect(PartNumber(" of-100/a ")?.rawValue == "OF-100/A")
        #expect(PartNumber("OF 100") == nil)
        #expect(Code("dlr_north")?.rawValue == "DLR_NORTH")
        #expect(Code("") == nil)
        #expect(Code(String(repeating: "A", count: 21)) == nil)
    }
}

@Suite("Instants")
struct InstantTests {
    @Test func instantsAreISO8601WithTheirOffsetAndRoundTrip() throws {
        let instant = Instant(microseconds: 1_772_442_000_123_000)
        #expect(instant.description == "2026-03-02T09:00:00.123Z")
        #expect(Instant(iso8601: instant.description) == instant)
        #expect(Instant(iso8601: "2026-03-02T10:00:00+01:00") == Instant(microseconds: 1_772_442_000_000_000))
        #expect(Instant(iso8601: "2026-03-02 10:00") == nil)
        #expect(Instant(iso8601: "2026-03-02T10:00:00") == nil)
        #expect(Instant(microseconds: 1_000_001).description == "1970-01-01T00:00:01.000001Z")
        #expect(Instant(iso8601: "1970-01-01T00:00:01.000001Z") == Instant(microseconds: 1_000_001))
        #expect(Instant(microseconds: -1_000).description == "1969-12-31T23:59:59.999Z")
    }
}

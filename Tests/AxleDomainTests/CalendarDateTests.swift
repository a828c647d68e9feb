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
    }
}

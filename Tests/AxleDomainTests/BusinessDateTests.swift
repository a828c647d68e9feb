import AxleDomain
import Foundation
import Testing

@Suite("Business dates in the site's time zone")
struct BusinessDateTests {
    let chicago = Site(id: Identifier(UUID()), code: Code("DLR-CHI")!, name: "Chicago", kind: .dealership,
                       location: GeoPoint(latitude: 41.88, longitude: -87.63)!, timeZone: "America/Chicago")

    func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    @Test func sevenInTheEveningInChicagoOnTheLastDayOfAMonthIsStillThatDay() throws {
        // 19:00 CDT on 31 March is already 1 April in UTC.
        let evening = at("2026-04-01T00:00:00Z")
        #expect(try BusinessDate.at(chicago, on: evening) == CalendarDate("2026-03-31"))
        #expect(BusinessDate.companyWide(evening) == CalendarDate("2026-04-01"))
        #expect(try BusinessDate.at(chicago, on: at("2026-04-01T05:00:00Z")) == CalendarDate("2026-04-01"))
    }

    @Test func theAutumnChangeMakesTheFirstOfNovemberTwentyFiveHoursLong() throws {
        // Clocks go back from 02:00 CDT to 01:00 CST on 1 November 2026.
        #expect(try BusinessDate.at(chicago, on: at("2026-11-01T04:59:59Z")) == CalendarDate("2026-10-31"))
        #expect(try BusinessDate.at(chicago, on: at("2026-11-01T05:00:00Z")) == CalendarDate("2026-11-01"))
        #expect(try BusinessDate.at(chicago, on: at("2026-11-02T05:30:00Z")) == CalendarDate("2026-11-01"))
        #expect(try BusinessDate.at(chicago, on: at("2026-11-02T06:00:00Z")) == CalendarDate("2026-11-02"))
        let day = try DayPeriod(from: CalendarDate("2026-11-01")!, until: CalendarDate("2026-11-01")!)
            .instants(at: chicago)
        #expect(day.start == at("2026-11-01T05:00:00Z"))
        #expect(day.minutes == 25 * 60)
    }

    @Test func aSiteInUTCKeepsTheUTCDate() throws {
        var utc = chicago
        utc.timeZone = "UTC"
        #expect(try BusinessDate.at(utc, on: at("2026-04-01T00:00:00Z")) == CalendarDate("2026-04-01"))
    }
}

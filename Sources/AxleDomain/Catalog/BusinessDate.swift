/// Business dates: ATP days, need-by dates, ship and arrival dates, count plans and the day a
/// supersession takes effect are the dates a site's clocks show, not UTC dates (Chicago at
/// 19:00 is still today there, though UTC is already in tomorrow). Every use case that needs
/// "today" asks here.
public enum BusinessDate {
    /// The date at `site` at `instant`, in the site's time zone.
    public static func at(_ site: Site, on instant: Instant) throws(ServiceError) -> CalendarDate {
        try SiteCalendar(timeZoneIdentifier: site.timeZone).local(instant).date
    }

    /// The instant `date` begins at `site`: its local midnight.
    public static func start(of date: CalendarDate, at site: Site) throws(ServiceError) -> Instant {
        try SiteCalendar(timeZoneIdentifier: site.timeZone).instant(on: date, at: TimeOfDay(minutes: 0)!)
    }

    /// For rules that belong to no one site (recording a supersession, a catalogue lookup that
    /// names no site, a VIN's model year): the UTC date, the same for every site.
    public static func companyWide(_ instant: Instant) -> CalendarDate {
        CalendarDate(utcOf: instant)
    }
}

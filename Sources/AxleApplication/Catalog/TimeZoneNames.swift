import Foundation

/// IANA time zone names as the system's time zone database knows them.
enum TimeZoneNames {
    static func isKnown(_ name: String) -> Bool {
        name == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(name)
    }
}

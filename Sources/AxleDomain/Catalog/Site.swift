/// A place that holds stock or does work: a dealership, a warehouse, a workshop, a van.
public struct Site: Hashable, Sendable, Codable, Versioned {
    public typealias ID = Identifier<Site>

    public enum Kind: String, ClosedSet {
        case dealership, branch, distributionCenter, plant, workshop, mobileVan
    }

    public let id: ID
    public var code: Code
    public var name: String
    public var kind: Kind
    public var location: GeoPoint
    /// IANA time zone (`Europe/Berlin`); service slots are computed in the site's local time.
    public var timeZone: String
    public var version: Int64

    public init(id: ID, code: Code, name: String, kind: Kind, location: GeoPoint,
                timeZone: String, version: Int64 = 1) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.location = location
        self.timeZone = timeZone
        self.version = version
    }
}

/// A storage location inside a site (`A-01-03`: aisle, shelf, level).
public struct Bin: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Bin>

    public let id: ID
    public let siteID: Site.ID
    public var code: Code
    public var description: String

    public init(id: ID, siteID: Site.ID, code: Code, description: String) {
        self.id = id
        self.siteID = siteID
        self.code = code
        self.description = description
    }
}

/// The sites nearest to a point first; ties broken by code so the order is stable.
public func sitesByDistance(_ sites: [Site], from origin: GeoPoint) -> [(site: Site, kilometres: Double)] {
    sites.map { ($0, origin.distanceKilometres(to: $0.location)) }
        .sorted { ($0.1, $0.0.code) < ($1.1, $1.0.code) }
}

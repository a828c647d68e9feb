public import AxleDomain
import AxleStore

/// Adds a site to the company.
public struct CreateSite: Command {
    public struct Input: Sendable, Codable {
        public var code: Code
        public var name: String
        public var kind: Site.Kind
        public var location: GeoPoint
        public var timeZone: String?

        public init(code: Code, name: String, kind: Site.Kind, location: GeoPoint, timeZone: String? = nil) {
            self.code = code
            self.name = name
            self.kind = kind
            self.location = location
            self.timeZone = timeZone
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSites)
    }

    public func execute(in scope: WriteScope) async throws -> Site {
        let site = Site(id: scope.newID(), code: input.code, name: try Validate.text(input.name, field: "name"),
                        kind: input.kind, location: input.location,
                        timeZone: try SiteRules.timeZone(input.timeZone ?? "UTC"))
        if try await scope.stores.sites.find(code: site.code) != nil { throw CatalogError.siteCodeTaken(site.code) }
        try await scope.stores.sites.insert(site)
        try await scope.audit(.siteCreate, entityID: site.id.description,
                              before: Site?.none, after: site)
        return site
    }
}

/// Renames or relocates a site; its code stays.
public struct UpdateSite: Command {
    public struct Input: Sendable, Codable {
        public var name: String?
        public var kind: Site.Kind?
        public var location: GeoPoint?
        public var timeZone: String?

        public init(name: String? = nil, kind: Site.Kind? = nil, location: GeoPoint? = nil, timeZone: String? = nil) {
            self.name = name
            self.kind = kind
            self.location = location
            self.timeZone = timeZone
        }
    }

    public let siteID: Site.ID
    public let expectedVersion: Int64
    public let input: Input

    public init(siteID: Site.ID, expectedVersion: Int64, input: Input) {
        self.siteID = siteID
        self.expectedVersion = expectedVersion
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSites, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> Site {
        guard let before = try await scope.stores.sites.find(id: siteID) else {
            throw CatalogError.siteNotFound(siteID.description)
        }
        let version = try before.nextVersion(expecting: expectedVersion)
        var site = try input.applied(to: before)
        site.version = version
        try await scope.stores.sites.update(site, replacing: before.version)
        try await scope.audit(.siteUpdate, entityID: site.id.description,
                              before: before, after: site)
        return site
    }
}

extension UpdateSite.Input {
    /// The site with the fields present changed, each through its rule; the version is the caller's.
    func applied(to before: Site) throws -> Site {
        var site = before
        if let value = name { site.name = try Validate.text(value, field: "name") }
        if let value = kind { site.kind = value }
        if let value = location { site.location = value }
        if let value = timeZone { site.timeZone = try SiteRules.timeZone(value) }
        return site
    }
}

/// Adds a storage bin at a site in the caller's scope.
public struct CreateBin: Command {
    public struct Input: Sendable, Codable {
        public var code: Code
        public var description: String?

        public init(code: Code, description: String? = nil) {
            self.code = code
            self.description = description
        }
    }

    public let siteID: Site.ID
    public let input: Input

    public init(siteID: Site.ID, input: Input) {
        self.siteID = siteID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editBins, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> Bin {
        guard let site = try await scope.stores.sites.find(id: siteID) else {
            throw CatalogError.siteNotFound(siteID.description)
        }
        if try await scope.stores.bins.find(site: siteID, code: input.code) != nil {
            throw CatalogError.binCodeTaken(input.code, site: site.code)
        }
        let bin = Bin(id: scope.newID(), siteID: siteID, code: input.code,
                      description: try Validate.optionalText(input.description, field: "description") ?? "")
        try await scope.stores.bins.insert([bin])
        try await scope.audit(.binCreate, entityID: bin.id.description,
                              before: Bin?.none, after: bin)
        return bin
    }
}

enum SiteRules {
    /// Accepts IANA zone names the system knows (`Europe/Berlin`, `America/Chicago`, `UTC`).
    static func timeZone(_ name: String) throws -> String {
        guard TimeZoneNames.isKnown(name) else {
            throw ValidationError(field: "timeZone", reason: "'\(name)' is not an IANA time zone such as Europe/Berlin")
        }
        return name
    }
}

/// A technician: where they work, what they are certified for and when they work.
/// A mobile technician belongs to a van site and works at the customer's place.
public struct Technician: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Technician>

    public let id: ID
    public var siteID: Site.ID
    public var name: String
    public var skills: Set<Skill>
    /// The weekly working pattern, in the site's local time.
    public var shifts: [WorkingWindow]
    /// The user who clocks on as this technician, when they have one.
    public var principalID: Principal.ID?

    public init(id: ID, siteID: Site.ID, name: String, skills: Set<Skill>, shifts: [WorkingWindow],
                principalID: Principal.ID? = nil) {
        self.id = id
        self.siteID = siteID
        self.name = name
        self.skills = skills
        self.shifts = shifts
        self.principalID = principalID
    }

    public func has(_ required: Set<Skill>) -> Bool { required.isSubset(of: skills) }
}

/// Time a technician does not work although their shift says so: leave, training, sickness.
public struct Absence: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Absence>

    public let id: ID
    public let technicianID: Technician.ID
    public let period: Period
    public let reason: String

    public init(id: ID, technicianID: Technician.ID, period: Period, reason: String) {
        self.id = id
        self.technicianID = technicianID
        self.period = period
        self.reason = reason
    }
}

/// A workshop bay and the hours it is open, in the site's local time.
public struct Bay: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Bay>

    public let id: ID
    public let siteID: Site.ID
    public var code: Code
    public var type: BayType
    public var hours: [WorkingWindow]

    public init(id: ID, siteID: Site.ID, code: Code, type: BayType, hours: [WorkingWindow]) {
        self.id = id
        self.siteID = siteID
        self.code = code
        self.type = type
        self.hours = hours
    }
}

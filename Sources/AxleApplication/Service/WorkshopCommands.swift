public import AxleDomain
import AxleStore

/// Adds a technician to a site's workshop.
public struct CreateTechnician: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var name: String
        public var skills: Set<Skill>
        public var shifts: [WorkingWindow]
        /// The user who clocks time as this technician.
        public var principalId: Principal.ID?

        public init(siteId: Site.ID, name: String, skills: Set<Skill>, shifts: [WorkingWindow],
                    principalId: Principal.ID? = nil) {
            self.siteId = siteId
            self.name = name
            self.skills = skills
            self.shifts = shifts
            self.principalId = principalId
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureService, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Technician {
        let stores = scope.stores
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        guard !input.skills.isEmpty else { throw ValidationError(field: "skills", reason: "name at least one skill") }
        if let principal = input.principalId {
            guard try await stores.principals.find(id: principal) != nil else {
                throw ValidationError(field: "principalId", reason: "no user \(principal)")
            }
        }
        let technician = Technician(
            id: scope.newID(), siteID: site.id, name: try Validate.text(input.name, field: "name"), skills: input.skills,
            shifts: try WorkingHours.validated(input.shifts, field: "shifts"), principalID: input.principalId)
        try await stores.workshop.insert([technician])
        try await scope.audit(.technicianCreate, entityID: technician.id.description,
                              before: Technician?.none, after: technician)
        return technician
    }
}

/// Records time a technician is away (leave, training): no work is booked then.
public struct RecordAbsence: Command {
    public struct Input: Sendable, Codable {
        public var start: Instant
        public var end: Instant
        public var reason: String

        public init(start: Instant, end: Instant, reason: String) {
            self.start = start
            self.end = end
            self.reason = reason
        }
    }

    public let technicianID: Technician.ID
    public let input: Input

    public init(technicianID: Technician.ID, input: Input) {
        self.technicianID = technicianID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureService)
    }

    public func execute(in scope: WriteScope) async throws -> Absence {
        let technician = try await ServiceLookup.technician(technicianID, in: scope.stores)
        try scope.caller.principal.authorize(.configureService, at: technician.siteID)
        guard input.start < input.end else { throw ValidationError(field: "end", reason: "must be after start") }
        let absence = Absence(id: scope.newID(), technicianID: technician.id,
                              period: Period(start: input.start, end: input.end),
                              reason: try Validate.text(input.reason, field: "reason"))
        try await scope.stores.workshop.insert([absence])
        try await scope.audit(.technicianAbsence, entityID: technician.id.description,
                              before: Absence?.none, after: absence)
        return absence
    }
}

/// Adds a bay to a site's workshop.
public struct CreateBay: Command {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        public var code: Code
        public var type: BayType
        public var hours: [WorkingWindow]

        public init(siteId: Site.ID, code: Code, type: BayType, hours: [WorkingWindow]) {
            self.siteId = siteId
            self.code = code
            self.type = type
            self.hours = hours
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureService, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Bay {
        let stores = scope.stores
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let bay = Bay(id: scope.newID(), siteID: site.id, code: input.code, type: input.type,
                      hours: try WorkingHours.validated(input.hours, field: "hours"))
        if try await stores.workshop.bays(site: site.id).contains(where: { $0.code == bay.code }) {
            throw ServiceError.codeTaken(.bay, bay.code)
        }
        try await stores.workshop.insert([bay])
        try await scope.audit(.bayCreate, entityID: bay.id.description, before: Bay?.none, after: bay)
        return bay
    }
}

/// Checks of weekly working patterns (shifts, opening hours).
enum WorkingHours {
    /// Each window starts before it ends; windows of one weekday do not overlap.
    static func validated(_ windows: [WorkingWindow], field: String) throws -> [WorkingWindow] {
        guard !windows.isEmpty else { throw ValidationError(field: field, reason: "name at least one window") }
        for (index, window) in windows.enumerated() {
            guard window.start < window.end else {
                throw ValidationError(field: "\(field)[\(index)]", reason: "starts at or after its end")
            }
            let clash = windows[..<index].contains {
                $0.weekday == window.weekday && $0.start < window.end && window.start < $0.end
            }
            guard !clash else { throw ValidationError(field: "\(field)[\(index)]", reason: "overlaps another window") }
        }
        return windows
    }
}

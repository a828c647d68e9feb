public import AxleDomain
import AxleStore

/// The earliest slots for a vehicle's work at a site, or at any site within a distance:
/// each where a technician with the skills, a bay that can host the work and the parts
/// coincide, and why it is the earliest.
public struct SearchSlots: Sendable {
    public struct Input: Sendable, Codable {
        public var siteId: Site.ID
        /// Also search every other site within this many kilometres of `siteId`.
        public var withinKm: Int?
        public var vehicleId: Vehicle.ID
        public var operationIds: [LaborOperation.ID]
        /// Earliest start wanted; default now.
        public var from: Instant?
        /// Days to look ahead; default 14.
        public var days: Int?
        /// Slots to offer; default 5.
        public var limit: Int?

        public init(siteId: Site.ID, withinKm: Int? = nil, vehicleId: Vehicle.ID, operationIds: [LaborOperation.ID],
                    from: Instant? = nil, days: Int? = nil, limit: Int? = nil) {
            self.siteId = siteId
            self.withinKm = withinKm
            self.vehicleId = vehicleId
            self.operationIds = operationIds
            self.from = from
            self.days = days
            self.limit = limit
        }
    }

    public struct Slot: Sendable, Encodable {
        public let siteId: Site.ID
        public let siteCode: Code
        public let technicianId: Technician.ID
        public let technicianName: String
        public let bayId: Bay.ID
        public let bayCode: Code
        /// In the site's local time, with its offset.
        public let start: String
        public let end: String
        public let earliestBecause: SlotSearch.Constraint
        /// Why this is the earliest, and where the parts come from, in words.
        public let reasons: [String]
    }

    /// One searched site: its parts readiness, and why it offers nothing when it does not.
    public struct SiteResult: Sendable, Encodable {
        public let siteId: Site.ID
        public let siteCode: Code
        public let parts: PartsReadiness
        public let unavailable: String?
    }

    public struct Result: Sendable, Encodable {
        public let minutes: Int64
        public let kit: PartsKit
        public let slots: [Slot]
        public let sites: [SiteResult]
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    /// Searches the sites `principal` may book at.
    func run(in stores: any StoreTransaction, now: Instant, for principal: Principal) async throws -> Result {
        let days = try Validate.range(input.days ?? 14, 1...SlotSearch.maximumDays, field: "days")
        let limit = try Validate.range(input.limit ?? 5, 1...50, field: "limit")
        let home = try await CatalogLookup.site(input.siteId, in: stores)
        var sites = [home]
        if let within = input.withinKm {
            let radius = try Validate.range(within, 1...1000, field: "withinKm")
            sites += sitesByDistance(try await stores.sites.all(), from: home.location)
                .filter { $0.site.id != home.id && $0.kilometres <= Double(radius) }.map(\.site)
                .filter { (try? principal.authorize(.bookAppointments, at: $0.id)) != nil }
        }
        let vehicle = try await ServiceLookup.vehicle(input.vehicleId, in: stores)
        let operations = try await ServiceLookup.operations(input.operationIds, in: stores, field: "operationIds")
        let requirement = try WorkshopCalendar.requirement(of: operations)
        // One kit for every searched site, resolved as of the home site's business date.
        let kit = try await PartsKit.resolve(operations, for: vehicle, at: home, now: now, in: stores)
        let from = max(input.from ?? now, now)
        var slots: [(Instant, Slot)] = []
        var results: [SiteResult] = []
        for site in sites {
            let horizon = Period(start: from, end: from.adding(seconds: Int64(days + 1) * 86_400))
            let search = try await WorkshopCalendar.search(at: site, over: horizon, in: stores)
            let readiness = try await PartsReadiness.assess(kit, at: site.id, calendar: search.calendar, now: from,
                                                            in: stores)
            var found: [SlotSearch.Slot] = []
            if let readyAt = readiness.readyAt {
                found = search.slots(for: requirement, from: from, partsReadyAt: readyAt, days: days, limit: limit)
            }
            let names = SlotNames(search: search)
            slots += found.map { slot in
                (slot.period.start, Slot(
                    siteId: site.id, siteCode: site.code, technicianId: slot.technicianID,
                    technicianName: names.technician(slot.technicianID), bayId: slot.bayID, bayCode: names.bay(slot.bayID),
                    start: search.calendar.text(slot.period.start), end: search.calendar.text(slot.period.end),
                    earliestBecause: slot.earliestBecause,
                    reasons: SlotReasons.explain(slot, requirement: requirement, readiness: readiness, names: names)))
            }
            results.append(SiteResult(
                siteId: site.id, siteCode: site.code, parts: readiness,
                unavailable: found.isEmpty ? Self.whyNone(search, requirement, readiness, days: days) : nil))
        }
        let earliest = slots.sorted { $0.0 < $1.0 }.prefix(limit).map(\.1)
        return Result(minutes: requirement.minutes, kit: kit, slots: Array(earliest), sites: results)
    }

    private static func whyNone(_ search: SlotSearch, _ requirement: SlotSearch.Requirement,
                                _ readiness: PartsReadiness, days: Int) -> String {
        if !search.technicians.contains(where: { $0.technician.has(requirement.skills) }) {
            return ServiceError.noQualifiedTechnician(skills: requirement.skills.sorted { $0.rawValue < $1.rawValue })
                .message
        }
        if !search.bays.contains(where: { $0.bay.type.canHost(requirement.bayTypes) }) {
            return ServiceError.noSuitableBay(types: requirement.bayTypes.sorted { $0.rawValue < $1.rawValue }).message
        }
        if readiness.readyAt == nil {
            let short = readiness.lines.filter { $0.source == .short }.map(\.number.description)
            return "parts are short and nothing on its way covers them: " + short.joined(separator: ", ")
        }
        return "no technician and bay are free together for \(requirement.minutes) minutes in the next \(days) days"
    }
}

/// Names of the technicians and bays a search saw, for people.
struct SlotNames {
    private let technicians: [Technician.ID: String]
    private let bays: [Bay.ID: Code]

    init(search: SlotSearch) {
        technicians = Dictionary(uniqueKeysWithValues: search.technicians.map { ($0.technician.id, $0.technician.name) })
        bays = Dictionary(uniqueKeysWithValues: search.bays.map { ($0.bay.id, $0.bay.code) })
    }

    func technician(_ id: Technician.ID) -> String { technicians[id] ?? id.description }
    func bay(_ id: Bay.ID) -> Code { bays[id] ?? Code("?")! }
}

/// Sentences that say why a slot is the earliest and where its parts come from.
enum SlotReasons {
    static func explain(_ slot: SlotSearch.Slot, requirement: SlotSearch.Requirement, readiness: PartsReadiness,
                        names: SlotNames) -> [String] {
        let skills = requirement.skills.map(\.rawValue).sorted().joined(separator: ", ")
        let bayTypes = requirement.bayTypes.map(\.rawValue).sorted().joined(separator: ", ")
        var reasons: [String]
        switch slot.earliestBecause {
        case .searchStart: reasons = ["the earliest time asked for"]
        case .parts: reasons = ["the earliest time the parts are at the site"]
        case .technician: reasons = ["no technician with \(skills) is free earlier"]
        case .bay: reasons = ["no bay for \(bayTypes) work is free earlier"]
        case .technicianAndBay: reasons = ["no technician with \(skills) and no bay for \(bayTypes) work are free earlier"]
        case .spacing: reasons = ["the next time after the slot before"]
        }
        reasons.append("\(names.technician(slot.technicianID)) (\(skills)) in bay \(names.bay(slot.bayID))")
        for line in readiness.lines {
            switch line.source {
            case .stock: reasons.append("\(line.quantity) × \(line.number) in stock at the site")
            case .inbound:
                reasons.append("\(line.quantity) × \(line.number) arrives by transfer, expected \(line.expected!)")
            case .short: reasons.append("\(line.quantity) × \(line.number) is short")
            }
        }
        return reasons
    }
}

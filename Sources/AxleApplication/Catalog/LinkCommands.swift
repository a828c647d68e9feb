public import AxleDomain
import AxleStore

/// Records that a part is replaced by another from a date: one link of a supersession chain.
public struct RecordSupersession: Command {
    public struct Input: Sendable, Codable {
        public var replacementId: Part.ID
        public var interchangeability: Supersession.Interchangeability
        /// Defaults to today.
        public var effectiveOn: CalendarDate?
        public var useUpOldStock: Bool?

        public init(replacementId: Part.ID, interchangeability: Supersession.Interchangeability, effectiveOn: CalendarDate? = nil, useUpOldStock: Bool? = nil) {
            self.replacementId = replacementId
            self.interchangeability = interchangeability
            self.effectiveOn = effectiveOn
            self.useUpOldStock = useUpOldStock
        }
    }

    public let partID: Part.ID
    public let input: Input

    public init(partID: Part.ID, input: Input) {
        self.partID = partID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editCatalog)
    }

    public func execute(in scope: WriteScope) async throws -> Supersession {
        let stores = scope.stores
        try await stores.supersessions.lockChains()
        let old = try await CatalogLookup.part(partID, in: stores)
        let new = try await CatalogLookup.part(input.replacementId, in: stores, field: "replacementId")
        let graph = SupersessionGraph(try await stores.supersessions.chains(from: [old.id, new.id]))
        try graph.validateNewLink(from: old, to: new)
        let today = BusinessDate.companyWide(scope.now)
        let link = Supersession(id: scope.newID(), partID: old.id, replacementID: new.id,
                                interchangeability: input.interchangeability,
                                effectiveOn: input.effectiveOn ?? today, useUpOldStock: input.useUpOldStock ?? true)
        try await stores.supersessions.insert([link])
        try await scope.audit(.supersessionRecord, entityID: link.id.description,
                              before: Supersession?.none, after: link)
        if link.effectiveOn <= today, old.lifecycle == .active {
            var superseded = old
            superseded.lifecycle = .superseded
            superseded.version += 1
            do {
                try await stores.parts.update(superseded, replacing: old.version)
            } catch RequestError.staleVersion {
                // An edit of the part committed after it was read here; the caller named no version,
                // so the whole command runs again on the edited part (the runner retries conflicts).
                throw StoreError.serializationFailure
            }
            try await scope.audit(.partSupersede, entityID: old.id.description,
                                  before: old, after: superseded)
        }
        return link
    }
}

/// Approves another part as a substitute for a part.
public struct ApproveSubstitute: Command {
    public struct Input: Sendable, Codable {
        public var substituteId: Part.ID
        public var rule: Substitute.Rule
        public var note: String?

        public init(substituteId: Part.ID, rule: Substitute.Rule, note: String? = nil) {
            self.substituteId = substituteId
            self.rule = rule
            self.note = note
        }
    }

    public let partID: Part.ID
    public let input: Input

    public init(partID: Part.ID, input: Input) {
        self.partID = partID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editCatalog)
    }

    public func execute(in scope: WriteScope) async throws -> Substitute {
        let part = try await CatalogLookup.part(partID, in: scope.stores)
        let substitute = try await CatalogLookup.part(input.substituteId, in: scope.stores, field: "substituteId")
        guard part.id != substitute.id else { throw CatalogError.substituteOfItself(part.number) }
        let existing = try await scope.stores.substitutes.list(for: part.id)
        guard !existing.contains(where: { $0.substituteID == substitute.id }) else {
            throw CatalogError.substituteAlreadyApproved(part.number, substitute: substitute.number)
        }
        let approval = Substitute(id: scope.newID(), partID: part.id, substituteID: substitute.id, rule: input.rule,
                                  note: try Validate.optionalText(input.note, field: "note", maximumLength: 500) ?? "")
        try await scope.stores.substitutes.insert([approval])
        try await scope.audit(.substituteApprove, entityID: approval.id.description,
                              before: Substitute?.none, after: approval)
        return approval
    }
}

/// Records a vehicle range a part fits.
public struct RecordFitment: Command {
    public struct Input: Sendable, Codable {
        public var make: String
        public var model: String
        public var yearFrom: Int
        public var yearTo: Int
        public var engine: String?

        public init(make: String, model: String, yearFrom: Int, yearTo: Int, engine: String? = nil) {
            self.make = make
            self.model = model
            self.yearFrom = yearFrom
            self.yearTo = yearTo
            self.engine = engine
        }
    }

    public let partID: Part.ID
    public let input: Input

    public init(partID: Part.ID, input: Input) {
        self.partID = partID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editCatalog)
    }

    public func execute(in scope: WriteScope) async throws -> Fitment {
        let part = try await CatalogLookup.part(partID, in: scope.stores)
        let from = try Validate.range(input.yearFrom, Fitment.modelYears, field: "yearFrom")
        let to = try Validate.range(input.yearTo, Fitment.modelYears, field: "yearTo")
        guard from <= to else { throw ValidationError(field: "yearTo", reason: "must not be before yearFrom") }
        let fitment = Fitment(id: scope.newID(), partID: part.id,
                              make: try Validate.text(input.make, field: "make", maximumLength: 60),
                              model: try Validate.text(input.model, field: "model", maximumLength: 60),
                              years: from...to,
                              engine: try Validate.optionalText(input.engine, field: "engine", maximumLength: 60))
        let existing = try await scope.stores.fitments.list(for: part.id)
        guard !existing.contains(where: { $0.sameCoverage(as: fitment) }) else {
            throw CatalogError.fitmentAlreadyRecorded(part.number)
        }
        try await scope.stores.fitments.insert([fitment])
        try await scope.audit(.fitmentRecord, entityID: fitment.id.description,
                              before: Fitment?.none, after: fitment)
        return fitment
    }
}

extension Fitment {
    func sameCoverage(as other: Fitment) -> Bool {
        make.lowercased() == other.make.lowercased() && model.lowercased() == other.model.lowercased()
            && years == other.years && engine?.lowercased() == other.engine?.lowercased()
    }
}

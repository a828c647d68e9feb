public import AxleApplication
public import AxleDomain
public import AxleStore

/// Business objects tests build on, created through the real use cases.
public struct Fixtures: Sendable {
    public let services: AxleServices

    public init(services: AxleServices) {
        self.services = services
    }

    /// The command-line operator: an administrator without a token.
    public static let system = Caller(principal: .system, requestID: "test")

    /// A user and a working bearer token for it.
    public func user(_ name: String, role: Role, sites: [Code] = []) async throws -> (caller: Caller, token: String) {
        let issued = try await services.commands.run(
            IssueToken(name: name, role: role, siteCodes: sites, validForSeconds: nil), as: Self.system)
        return (Caller(principal: issued.principal, requestID: "test"), issued.secret)
    }

    public func site(_ code: String, kind: Site.Kind = .dealership, latitude: Double = 41.88,
                     longitude: Double = -87.63) async throws -> Site {
        try await services.commands.run(CreateSite(.init(
            code: Code(code)!, name: "Site \(code)", kind: kind,
            location: GeoPoint(latitude: latitude, longitude: longitude)!, timeZone: "America/Chicago")),
            as: Self.system)
    }

    public func part(_ number: String, description: String = "Oil filter, spin-on", category: PartCategory = .filters,
                     cost: String = "4.10", listPrice: String = "9.95") async throws -> Part {
        try await services.commands.run(CreatePart(.init(
            number: PartNumber(number)!, description: description, brand: "Mann-Filter", category: category,
            unit: .each, cost: cost, listPrice: listPrice)), as: Self.system)
    }

    public func supersede(_ old: Part, by new: Part, _ interchangeability: Supersession.Interchangeability = .oneWay,
                          effectiveOn: CalendarDate? = nil, useUpOldStock: Bool = true) async throws -> Supersession {
        try await services.commands.run(RecordSupersession(partID: old.id, input: .init(
            replacementId: new.id, interchangeability: interchangeability, effectiveOn: effectiveOn,
            useUpOldStock: useUpOldStock)), as: Self.system)
    }

    /// Every audit record, oldest first.
    public func auditTrail() async throws -> [AuditRecord] {
        try await services.database.read { stores in
            try await stores.audit.list(AuditQuery(), PageRequest(after: nil, limit: PageRequest<Int64>.maximumLimit))
        }
    }
}

extension Fixtures {
    public func bin(_ code: String, at site: Site) async throws -> Bin {
        try await services.commands.run(CreateBin(siteID: site.id, input: .init(code: Code(code)!, description: nil)),
                                        as: Self.system)
    }

    /// Receives `quantity` units into a bin, unrestricted unless told otherwise.
    @discardableResult
    public func receive(_ quantity: Int64, of part: Part, into bin: Bin, status: StockStatus? = nil,
                        unitCost: String? = nil, as caller: Caller = Fixtures.system) async throws -> ReceiveStock.Receipt {
        try await services.commands.run(ReceiveStock(.init(
            siteId: bin.siteID, binId: bin.id, partId: part.id, quantity: Quantity(units: quantity), status: status,
            unitCost: unitCost)), as: caller)
    }

    public func reserve(_ quantity: Int64, of part: Part, at site: Site, priority: PriorityClass = .scheduledService,
                        needBy: String = "2026-03-10", reference: String = "RO-1", allowPartial: Bool = false,
                        backorder: Bool = false, as caller: Caller = Fixtures.system) async throws -> Reserve.Outcome {
        try await services.commands.run(Reserve(.init(
            partId: part.id, siteId: site.id, quantity: Quantity(units: quantity),
            demand: Demand(kind: .repairOrder, reference: reference), priority: priority,
            needBy: CalendarDate(needBy)!, allowPartial: allowPartial, backorderRemainder: backorder)), as: caller)
    }

    public func siteStock(_ part: Part, at site: Site) async throws -> SiteStock {
        try await services.database.read { try await $0.stock.siteStock(part: part.id, site: site.id, forUpdate: false) }
    }

    /// The ledger's problems; empty when every invariant holds.
    public func verify() async throws -> [String] {
        try await services.inventory.verify(as: Self.system)
    }
}

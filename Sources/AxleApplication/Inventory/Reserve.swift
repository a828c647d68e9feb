public import AxleDomain
import AxleStore

/// Commits unrestricted stock at a site to a demand. A superseded number is served by the
/// supersession rule: old stock that may still be used first, then the current part; each
/// number used gets a reservation of its own, all for the same demand. When the site is short,
/// what cannot be reserved may be backordered, always on the current part.
public struct Reserve: Command {
    public struct Input: Sendable, Codable {
        /// The part by identifier, or by number (`partNumber`); one of the two.
        public var partId: Part.ID?
        public var partNumber: PartNumber?
        public var siteId: Site.ID
        public var quantity: Quantity
        public var demand: Demand
        public var priority: PriorityClass
        public var needBy: CalendarDate
        /// Reserve what is available when it is less than asked.
        public var allowPartial: Bool?
        /// Backorder what cannot be reserved now; without `allowPartial` the whole quantity waits.
        public var backorderRemainder: Bool?

        public init(partId: Part.ID? = nil, partNumber: PartNumber? = nil, siteId: Site.ID, quantity: Quantity,
                    demand: Demand, priority: PriorityClass, needBy: CalendarDate, allowPartial: Bool? = nil,
                    backorderRemainder: Bool? = nil) {
            self.partId = partId
            self.partNumber = partNumber
            self.siteId = siteId
            self.quantity = quantity
            self.demand = demand
            self.priority = priority
            self.needBy = needBy
            self.allowPartial = allowPartial
            self.backorderRemainder = backorderRemainder
        }
    }

    /// One part number's share of the demand.
    public struct PartShare: Sendable, Encodable {
        public let partId: Part.ID
        public let number: PartNumber
        public let reservationId: Reservation.ID
        public let reserved: Quantity
        public let backordered: Quantity
    }

    public struct Outcome: Sendable, Encodable {
        /// The part asked for.
        public let requestedPart: PartNumber
        /// One reservation per part number that serves the demand, in the order its stock is used.
        public let reservations: [Reservation]
        /// How much of which number was reserved and backordered, in the same order.
        public let parts: [PartShare]
        /// Neither reserved nor backordered.
        public let notReserved: Quantity
        /// Alternatives, when the site could not cover the demand from stock.
        public let proposals: ShortageProposals?
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.reserveStock, at: input.siteId)
    }

    public func execute(in scope: WriteScope) async throws -> Outcome {
        let stores = scope.stores
        let quantity = try StockRules.positive(input.quantity)
        let reference = try Validate.text(input.demand.reference, field: "demand.reference", maximumLength: 80)
        let site = try await CatalogLookup.site(input.siteId, in: stores)
        let requested = try await requestedPart(in: stores)
        let supply = try await PartSupply.parts(for: requested, at: site, now: scope.now, in: stores)
        let commitment = try await Self.commit(
            quantity, from: supply, at: site, to: Demand(kind: input.demand.kind, reference: reference),
            priority: input.priority, needBy: input.needBy, allowPartial: input.allowPartial ?? false,
            backorder: input.backorderRemainder ?? false, in: scope)
        let proposals = commitment.available < quantity
            ? try await ShortageProposals.find(for: commitment.current, at: site, in: stores) : nil
        guard !commitment.shares.isEmpty else {
            throw ReservationRefused(available: commitment.available, requested: quantity, proposals: proposals!)
        }
        return Outcome(
            requestedPart: requested.number, reservations: commitment.shares.map { $0.reservation },
            parts: commitment.shares.map { share in
                PartShare(partId: share.part.id, number: share.part.number, reservationId: share.reservation.id,
                          reserved: share.reservation.reserved, backordered: share.reservation.backordered)
            },
            notReserved: try quantity - commitment.reserved - commitment.backordered, proposals: proposals)
    }

    /// One part number's reservation for a demand.
    struct Share {
        let part: Part
        let reservation: Reservation
    }

    /// What a demand got at a site.
    struct Commitment {
        /// One reservation per part number used, in the order the stock is used.
        let shares: [Share]
        /// What the site had free of every number that may serve the demand, together.
        let available: Quantity
        /// The part the demand resolves to today, which carries any backorder.
        let current: Part

        var reserved: Quantity { get throws { try shares.reduce(.zero) { try $0 + $1.reservation.reserved } } }
        var backordered: Quantity { get throws { try shares.reduce(.zero) { try $0 + $1.reservation.backordered } } }
    }

    /// Locks the totals at the site of every part in `supply` (old numbers that may be used
    /// first, the current part last), then commits `quantity` to the demand from their stock in
    /// that order: all of it when available; when short, what `allowPartial` allows now and,
    /// with `backorder`, the rest later on the current part. No share is made when nothing could
    /// be reserved or backordered. Shared by every use case that reserves stock.
    static func commit(
        _ quantity: Quantity, from supply: [Part], at site: Site, to demand: Demand, priority: PriorityClass,
        needBy: CalendarDate, allowPartial: Bool, backorder: Bool, in scope: WriteScope
    ) async throws -> Commitment {
        let stores = scope.stores
        let current = supply[supply.count - 1]
        let totals = try await lock(supply, at: site, in: stores)
        let free = try totals.mapValues { max(try $0.available, .zero) }
        let available = try supply.reduce(Quantity.zero) { try $0 + (free[$1.id] ?? .zero) }
        // Short without allowPartial: all or nothing now (and, with a backorder, all of it waits).
        var toReserve = available >= quantity ? quantity : allowPartial ? available : .zero
        let backordered = backorder ? try quantity - toReserve : .zero
        guard (try (totals[current.id]?.backordered ?? .zero) + backordered).isWithinLimit else {
            throw InventoryError.siteStockLimit(what: "backorders", limit: .maximum)
        }
        var shares: [Share] = []
        for part in supply {
            let reserved = min(toReserve, free[part.id] ?? .zero)
            toReserve = try toReserve - reserved
            let waiting = part.id == current.id ? backordered : .zero
            guard reserved.isPositive || waiting.isPositive else { continue }
            let reservation = Reservation(
                id: scope.newID(), partID: part.id, siteID: site.id, demand: demand, priority: priority,
                needBy: needBy, requested: try reserved + waiting, reserved: reserved, backordered: waiting,
                createdAt: scope.now)
            try await stores.reservations.insert(reservation)
            try await stores.stock.commit(part: part.id, site: site.id, reserved: reserved, backordered: waiting)
            try await scope.audit(.reservationCreate, entityID: reservation.id.description, before: Reservation?.none, after: reservation)
            shares.append(Share(part: part, reservation: reservation))
        }
        return Commitment(shares: shares, available: available, current: current)
    }

    /// Locks the totals at `site` of `parts` in one global order (by part), so that demands
    /// sharing numbers cannot deadlock; a use case that reserves several parts in one
    /// transaction locks them all here first. Returns the locked totals.
    @discardableResult
    static func lock(_ parts: [Part], at site: Site, in stores: any StoreTransaction) async throws
        -> [Part.ID: SiteStock]
    {
        var totals: [Part.ID: SiteStock] = [:]
        for part in parts.sorted(by: { $0.id.description < $1.id.description }) where totals[part.id] == nil {
            totals[part.id] = try await stores.stock.siteStock(part: part.id, site: site.id, forUpdate: true)
        }
        return totals
    }

    /// The part asked for, by identifier or by number.
    private func requestedPart(in stores: any StoreTransaction) async throws -> Part {
        if let id = input.partId {
            return try await CatalogLookup.part(id, in: stores, field: "partId")
        }
        guard let number = input.partNumber else {
            throw ValidationError(field: "partId", reason: "send partId or partNumber")
        }
        guard let part = try await stores.parts.find(number: number) else {
            throw ValidationError(field: "partNumber", reason: "no part \(number)")
        }
        return part
    }
}

/// Ends a reservation without issuing: its stock becomes available again and its backorder is dropped.
public struct ReleaseReservation: Command {
    public let reservationID: Reservation.ID

    public init(reservationID: Reservation.ID) {
        self.reservationID = reservationID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.reserveStock)
    }

    public func execute(in scope: WriteScope) async throws -> Reservation {
        let reservation = try await ReservationLookup.find(reservationID, in: scope.stores)
        try scope.caller.principal.authorize(.reserveStock, at: reservation.siteID)
        return try await Self.release(reservation, in: scope)
    }

    /// Releases an open reservation: its stock goes to the site's backorders first, then is free.
    /// `reservation` may have been read without a lock; it is read again under one.
    static func release(_ reservation: Reservation, in scope: WriteScope) async throws -> Reservation {
        let stores = scope.stores
        let before = try await ReservationLookup.lockedOpen(reservation, in: stores)
        let release = try before.release(at: scope.now)
        try await stores.reservations.update(release.reservation)
        try await stores.stock.commit(part: before.partID, site: before.siteID, reserved: release.reservedChange,
                                      backordered: release.backorderedChange)
        try await scope.audit(.reservationRelease, entityID: before.id.description,
                              before: before, after: release.reservation)
        _ = try await BackorderAllocation.run(part: before.partID, site: before.siteID, in: scope)
        return release.reservation
    }
}

enum ReservationLookup {
    static func find(_ id: Reservation.ID, in stores: any StoreTransaction) async throws -> Reservation {
        guard let reservation = try await stores.reservations.find(id: id) else {
            throw InventoryError.reservationNotFound(id.description)
        }
        return reservation
    }

    /// The reservation as it stands once its part's totals at its site are locked (until the
    /// transaction ends), refused unless still open. Every change of a reservation's quantities
    /// happens under that lock, so what was read earlier (and unlocked) is checked again here:
    /// two requests cannot both issue or release the same stock.
    static func lockedOpen(_ reservation: Reservation, in stores: any StoreTransaction) async throws -> Reservation {
        _ = try await stores.stock.siteStock(part: reservation.partID, site: reservation.siteID, forUpdate: true)
        let current = try await find(reservation.id, in: stores)
        guard current.status.isOpen else { throw InventoryError.reservationNotOpen(current.status) }
        return current
    }
}

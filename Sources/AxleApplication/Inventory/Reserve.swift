public import AxleDomain
import AxleStore

/// Commits unrestricted stock at a site to a demand. A superseded part number resolves to
/// its current part. When the site is short, what cannot be reserved may be backordered.
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

    public struct Outcome: Sendable, Encodable {
        public let reservation: Reservation
        /// The part asked for, when supersession resolved it to another.
        public let requestedPart: PartNumber?
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
        let (requested, part) = try await resolvePart(in: stores, today: CalendarDate(utcOf: scope.now))
        let commitment = try await Self.commit(
            quantity, of: part, at: site, to: Demand(kind: input.demand.kind, reference: reference),
            priority: input.priority, needBy: input.needBy, allowPartial: input.allowPartial ?? false,
            backorder: input.backorderRemainder ?? false, in: scope)
        let proposals = commitment.available < quantity
            ? try await ShortageProposals.find(for: part, at: site, in: stores) : nil
        guard let reservation = commitment.reservation else {
            throw ReservationRefused(available: commitment.available, requested: quantity, proposals: proposals!)
        }
        return Outcome(reservation: reservation, requestedPart: requested.id == part.id ? nil : requested.number,
                       notReserved: quantity - reservation.reserved - reservation.backordered, proposals: proposals)
    }

    /// Locks the part's totals at the site, then commits `quantity` to the demand: all of it when
    /// available; when short, what `allowPartial` allows now and, with `backorder`, the rest later.
    /// The reservation is nil when nothing could be reserved or backordered; `available` is what
    /// the site had free. Shared by every use case that reserves stock.
    static func commit(
        _ quantity: Quantity, of part: Part, at site: Site, to demand: Demand, priority: PriorityClass,
        needBy: CalendarDate, allowPartial: Bool, backorder: Bool, in scope: WriteScope
    ) async throws -> (reservation: Reservation?, available: Quantity) {
        let stores = scope.stores
        let totals = try await stores.stock.siteStock(part: part.id, site: site.id, forUpdate: true)
        let available = max(totals.available, .zero)
        // Short without allowPartial: all or nothing now (and, with a backorder, all of it waits).
        let reserved = available >= quantity ? quantity : allowPartial ? available : .zero
        let backordered = backorder ? quantity - reserved : .zero
        guard reserved.isPositive || backordered.isPositive else { return (nil, available) }
        let reservation = Reservation(
            id: scope.newID(), partID: part.id, siteID: site.id, demand: demand, priority: priority, needBy: needBy,
            requested: quantity, reserved: reserved, backordered: backordered, createdAt: scope.now)
        try await stores.reservations.insert(reservation)
        try await stores.stock.commit(part: part.id, site: site.id, reserved: reserved, backordered: backordered)
        try await scope.audit("reservation.create", entityType: "reservation", entityID: reservation.id.description,
                              before: Reservation?.none, after: reservation)
        return (reservation, available)
    }

    /// The part asked for and the part to reserve (the end of its supersession chain today).
    private func resolvePart(in stores: any StoreTransaction, today: CalendarDate) async throws -> (Part, Part) {
        let requested: Part
        if let id = input.partId {
            requested = try await CatalogLookup.part(id, in: stores, field: "partId")
        } else if let number = input.partNumber {
            guard let part = try await stores.parts.find(number: number) else {
                throw ValidationError(field: "partNumber", reason: "no part \(number)")
            }
            requested = part
        } else {
            throw ValidationError(field: "partId", reason: "send partId or partNumber")
        }
        let graph = SupersessionGraph(try await stores.supersessions.chains(from: [requested.id]))
        let current = graph.current(for: requested.id, asOf: today)
        guard current != requested.id else { return (requested, requested) }
        return (requested, try await CatalogLookup.part(current, in: stores))
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
        var after = before
        after.reserved = .zero
        after.backordered = .zero
        after.status = .released
        after.updatedAt = scope.now
        try await stores.reservations.update(after)
        try await stores.stock.commit(part: before.partID, site: before.siteID, reserved: Quantity.zero - before.reserved,
                                      backordered: Quantity.zero - before.backordered)
        try await scope.audit("reservation.release", entityType: "reservation", entityID: before.id.description,
                              before: before, after: after)
        _ = try await BackorderAllocation.run(part: before.partID, site: before.siteID, in: scope)
        return after
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

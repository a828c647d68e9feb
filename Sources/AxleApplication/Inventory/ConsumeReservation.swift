public import AxleDomain
import AxleStore

/// Issues reserved stock to its demand: the stock leaves the site, taken from its bins.
public struct ConsumeReservation: Command {
    public struct Input: Sendable, Codable {
        /// Defaults to everything reserved.
        public var quantity: Quantity?

        public init(quantity: Quantity? = nil) {
            self.quantity = quantity
        }
    }

    public struct Issue: Sendable, Encodable {
        public let reservation: Reservation
        public let movements: [Movement]
    }

    public let reservationID: Reservation.ID
    public let input: Input

    public init(reservationID: Reservation.ID, input: Input) {
        self.reservationID = reservationID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.issueStock)
    }

    public func execute(in scope: WriteScope) async throws -> Issue {
        let stores = scope.stores
        let reservation = try await ReservationLookup.find(reservationID, in: stores)
        try scope.caller.principal.authorize(.issueStock, at: reservation.siteID)
        let before = try await ReservationLookup.lockedOpen(reservation, in: stores)
        return try await Self.consume(try StockRules.positive(input.quantity ?? before.reserved), of: before, in: scope)
    }

    /// Issues `quantity` of an open reservation's reserved stock to its demand: the stock leaves
    /// the site at moving-average cost. Shared by every use case that issues reserved parts.
    /// `reservation` may have been read without a lock; it is read again under one.
    static func consume(_ quantity: Quantity, of reservation: Reservation, in scope: WriteScope) async throws -> Issue {
        let stores = scope.stores
        let before = try await ReservationLookup.lockedOpen(reservation, in: stores)
        let consumption = try before.consume(quantity, at: scope.now)
        let part = try await CatalogLookup.part(before.partID, in: stores)
        // Commitment first: the schema never lets reserved exceed unrestricted stock.
        try await stores.stock.commit(part: part.id, site: before.siteID, reserved: consumption.reservedChange,
                                      backordered: consumption.backorderedChange)
        let movements = try await issue(quantity, of: part, at: before.siteID, for: before, in: scope)
        try await stores.reservations.update(consumption.reservation)
        try await scope.audit(.reservationConsume, entityID: before.id.description,
                              before: before, after: consumption.reservation)
        return Issue(reservation: consumption.reservation, movements: movements)
    }

    private static func issue(_ quantity: Quantity, of part: Part, at site: Site.ID, for reservation: Reservation,
                       in scope: WriteScope) async throws -> [Movement] {
        let stores = scope.stores
        let unitCost = try await StockRules.unitCost(of: part, in: stores)
        let movements = try await BinPicking.unrestricted(quantity, of: part.id, at: site, in: stores).map { pick in
            try Movement(
                id: scope.newID(), partID: part.id, quantity: pick.quantity, from: pick.position, to: nil, reason: .issue,
                document: DocumentReference(type: .reservation, id: reservation.id.description),
                actorID: scope.caller.principal.id, at: scope.now, unitCost: unitCost)
        }
        try await StockRules.post(movements, in: stores)
        let own = try movements.filter { $0.from?.ownership == .own }.reduce(Quantity.zero) { try $0 + $1.quantity }
        if own.isPositive, let average = try await stores.stock.averageCost(part: part.id) {
            try await stores.stock.save(try average.adjusting(by: Quantity.zero - own), part: part.id)
        }
        return movements
    }
}

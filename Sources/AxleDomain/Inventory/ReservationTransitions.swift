/// A reservation after one of its transitions, and how the transition changes the part's
/// committed totals at the reservation's site (what the use case commits in the stock store).
public struct ReservationTransition: Hashable, Sendable {
    public let reservation: Reservation
    /// Change of the site's reserved stock of the part.
    public let reservedChange: Quantity
    /// Change of the site's backorders of the part.
    public let backorderedChange: Quantity
}

/// The only ways a reservation changes once made: it is issued to its demand (consumed), gives
/// arriving stock to its backorder (allocated) or ends without issuing (released). Each is
/// refused unless the reservation is open.
extension Reservation {
    /// Issues `quantity` of the reserved stock to the demand. The reservation is consumed once
    /// nothing stays reserved or backordered.
    public func consume(_ quantity: Quantity, at instant: Instant) throws -> ReservationTransition {
        try requireOpen()
        guard quantity.isPositive else { throw InventoryError.quantityMustBePositive(field: "quantity") }
        guard quantity <= reserved else {
            throw InventoryError.insufficientAvailable(available: reserved, requested: quantity)
        }
        var after = self
        after.reserved = try reserved - quantity
        after.consumed = try consumed + quantity
        if !after.reserved.isPositive, !after.backordered.isPositive { after.status = .consumed }
        after.updatedAt = instant
        return ReservationTransition(reservation: after, reservedChange: try Quantity.zero - quantity,
                                     backorderedChange: .zero)
    }

    /// Commits `quantity` of newly available stock to the backorder.
    public func allocate(_ quantity: Quantity, at instant: Instant) throws -> ReservationTransition {
        try requireOpen()
        guard quantity.isPositive else { throw InventoryError.quantityMustBePositive(field: "quantity") }
        guard quantity <= backordered else {
            throw InventoryError.allocationBeyondBackorder(backordered: backordered, allocated: quantity)
        }
        var after = self
        after.reserved = try reserved + quantity
        after.backordered = try backordered - quantity
        after.updatedAt = instant
        return ReservationTransition(reservation: after, reservedChange: quantity,
                                     backorderedChange: try Quantity.zero - quantity)
    }

    /// Ends the reservation without issuing: its reserved stock is free again and its backorder dropped.
    public func release(at instant: Instant) throws -> ReservationTransition {
        try requireOpen()
        var after = self
        after.reserved = .zero
        after.backordered = .zero
        after.status = .released
        after.updatedAt = instant
        return ReservationTransition(reservation: after, reservedChange: try Quantity.zero - reserved,
                                     backorderedChange: try Quantity.zero - backordered)
    }

    private func requireOpen() throws(InventoryError) {
        guard status.isOpen else { throw InventoryError.reservationNotOpen(status) }
    }
}

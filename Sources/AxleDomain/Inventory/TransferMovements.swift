/// The stock movements a transfer's ship and receive transitions imply, stamped with the step
/// that recorded the transition (who, when). Where the stock is (which bins a shipment is
/// picked from, which positions it sits in while in transit) is the ledger's to say; what
/// moves where is decided here.
extension Transfer {
    /// Stock in one position: a pick from a bin, or part of a shipment in transit.
    public typealias Holding = (position: StockPosition, quantity: Quantity)

    /// Shipping: each pick of the source's unrestricted stock goes into transit at the
    /// destination, its lot and owner with it. Company-wide quantity is unchanged, so the
    /// average cost is too. Refused unless the transfer has just shipped.
    public func shipmentMovements(picks: [Holding], unitCost: Money, newID: () -> Movement.ID) throws
        -> [Movement]
    {
        guard state == .shipped, let shipped else {
            throw TransferError.illegalTransition(from: state, event: .ship, allowed: state.allowedEvents)
        }
        return try picks.map { pick in
            try Movement(
                id: newID(), partID: partID, quantity: pick.quantity, from: pick.position,
                to: StockPosition(siteID: destinationSiteID, binID: nil, status: .inTransit, lot: pick.position.lot,
                                  consignor: pick.position.consignor),
                reason: .transferShip, document: document, actorID: shipped.actorID, at: shipped.at,
                unitCost: unitCost)
        }
    }

    /// Receiving into `bin`: the receipt's legs. Legs from transit draw on what the shipment put
    /// in transit (`transit`), position by position, so lots and
    /// owners arrive as they left; units beyond the shipment arrive as own stock (of the
    /// shipment's first lot, for traced parts). Refused unless the transfer has just been received,
    /// and when `transit` holds less than the shipment.
    public func receiptMovements(into bin: Bin.ID, transit: [Holding], unitCost: Money,
                                 newID: () -> Movement.ID) throws -> [Movement] {
        guard state == .received, let received, let receipt else {
            throw TransferError.illegalTransition(from: state, event: .receive, allowed: state.allowedEvents)
        }
        func movement(_ quantity: Quantity, from: StockPosition?, to: StockPosition?, _ reason: MovementReason) throws
            -> Movement
        {
            try Movement(id: newID(), partID: partID, quantity: quantity, from: from, to: to, reason: reason,
                         document: document, actorID: received.actorID, at: received.at, unitCost: unitCost)
        }
        var transit = transit
        var movements: [Movement] = []
        for leg in try receipt.legs {
            guard leg.fromTransit else {
                let arriving = StockPosition(siteID: destinationSiteID, binID: bin, status: leg.status ?? .unrestricted,
                                             lot: transit.first?.position.lot)
                movements.append(try movement(leg.quantity, from: nil, to: arriving, leg.reason))
                continue
            }
            var remaining = leg.quantity
            for index in transit.indices where remaining.isPositive && transit[index].quantity.isPositive {
                let take = min(remaining, transit[index].quantity)
                let from = transit[index].position
                movements.append(try movement(take, from: from, to: leg.status.map { from.with(status: $0, binID: bin) },
                                              leg.reason))
                transit[index].quantity = try transit[index].quantity - take
                remaining = try remaining - take
            }
            guard !remaining.isPositive else {
                throw InventoryError.insufficientStock(available: try leg.quantity - remaining, requested: leg.quantity)
            }
        }
        return movements
    }

    /// The document every movement of a transfer belongs to.
    public var document: DocumentReference { DocumentReference(type: .transfer, id: id.description) }
}

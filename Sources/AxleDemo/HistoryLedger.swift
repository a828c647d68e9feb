import AxleApplication
import AxleDomain
import AxleStore

/// The rows of a simulated history as the use cases would have written them.
struct HistoryRows: Sendable {
    struct Commitment: Sendable {
        let part: Part.ID
        let site: Site.ID
        let reserved: Quantity
        let backordered: Quantity
    }

    var reservations: [Reservation] = []
    /// In the order they are posted: by time.
    var movements: [Movement] = []
    var adjustments: [Adjustment] = []
    /// What open reservations hold and wait for, per part and site.
    var commitments: [Commitment] = []
    var costs: [(part: Part.ID, cost: AverageCost)] = []
    /// One record per document, by time.
    var audit: [PendingAuditRecord] = []
    var receipts = 0
}

/// Turns a simulated history into rows: identifiers drawn in time order, movements valued as
/// `ReceiveStock`, `ConsumeReservation` and `RequestAdjustment` value them (a receipt at its
/// price, everything else at the part's moving-average cost, which receipts update), and one
/// audit record per receipt, reservation and adjustment, at the moment it last changed.
enum HistoryLedger {
    static func rows(of history: SimulatedHistory, sites: [HistorySite], ids: inout DemoIdentifiers) -> HistoryRows {
        var rows = HistoryRows()
        var averages = [AverageCost?](repeating: nil, count: history.parts.count)
        var reservationIDs = [Reservation.ID?](repeating: nil, count: history.reservations.count)
        var reservationOrder: [Int] = []
        var records: [PendingAuditRecord] = []

        func position(_ item: SimulatedHistory.Item, lot: String?) -> StockPosition {
            StockPosition(siteID: sites[item.site].site.id, binID: item.bin, status: .unrestricted, lot: lot)
        }

        for event in history.timeline {
            let at = Instant(microseconds: event.at)
            let part = history.parts[event.part]
            switch event.event {
            case .receipt(let index):
                let receipt = history.receipts[index]
                let receiptID: Identifier<ReceiveStock.Receipt> = ids.next()
                let quantity = Quantity(milli: receipt.quantity)
                let movement = Movement(
                    id: ids.next(), partID: part.id, quantity: quantity, from: nil,
                    to: position(history.items[receipt.item], lot: receipt.lot), reason: .receipt,
                    document: DocumentReference(type: "receipt", id: receiptID.description),
                    actorID: Principal.system.id, at: at, unitCost: receipt.unitCost)
                rows.movements.append(movement)
                rows.receipts += 1
                let average = averages[event.part] ?? AverageCost(unitCost: receipt.unitCost, quantity: .zero)
                averages[event.part] = average.receiving(quantity, at: receipt.unitCost)
                records.append(PendingAuditRecord(at: at) { audit in
                    try audit.recorded("receipt.post", entityType: "receipt", entityID: receiptID.description, at: at,
                                       before: Movement?.none, after: movement, detail: receipt.note)
                })
            case .reserve(let index):
                reservationIDs[index] = ids.next()
                reservationOrder.append(index)
            case .issue(let index, let takes):
                let reservation = history.reservations[index]
                // A reservation is made before its stock is issued.
                guard let reservationID = reservationIDs[index] else { preconditionFailure("issued before reserved") }
                let unitCost = averages[event.part]?.unitCost ?? part.cost
                for take in takes {
                    rows.movements.append(Movement(
                        id: ids.next(), partID: part.id, quantity: Quantity(milli: take.quantity),
                        from: position(history.items[reservation.item], lot: take.lot), to: nil, reason: .issue,
                        document: DocumentReference(type: "reservation", id: reservationID.description),
                        actorID: Principal.system.id, at: at, unitCost: unitCost))
                }
                let issued = takes.reduce(0) { $0 + $1.quantity }
                averages[event.part] = averages[event.part]?.adjusting(by: Quantity(milli: -issued))
            case .adjustment(let index):
                let simulated = history.adjustments[index]
                let item = history.items[simulated.item]
                let delta = Quantity(milli: simulated.delta)
                let magnitude = Quantity(milli: abs(simulated.delta))
                let unitCost = averages[event.part]?.unitCost ?? part.cost
                let value = unitCost.times(magnitude)
                precondition(Adjustment.needsApproval(value: value, threshold: sites[item.site].adjustmentThreshold)
                             == simulated.pending, "the simulation chose adjustments well inside or outside the threshold")
                let adjustment = Adjustment(
                    id: ids.next(), partID: part.id, position: position(item, lot: simulated.lot), delta: delta,
                    reason: simulated.reason, note: simulated.note, value: value,
                    state: simulated.pending ? .pendingApproval : .posted, requestedBy: Principal.system.id,
                    requestedAt: at)
                rows.adjustments.append(adjustment)
                let action = simulated.pending ? "adjustment.request" : "adjustment.post"
                records.append(PendingAuditRecord(at: at) { audit in
                    try audit.recorded(action, entityType: "adjustment", entityID: adjustment.id.description, at: at,
                                       before: Adjustment?.none, after: adjustment, detail: adjustment.note)
                })
                guard !simulated.pending else { continue }
                let adding = simulated.delta > 0
                rows.movements.append(Movement(
                    id: ids.next(), partID: part.id, quantity: magnitude, from: adding ? nil : adjustment.position,
                    to: adding ? adjustment.position : nil, reason: simulated.reason.movementReason,
                    document: DocumentReference(type: "adjustment", id: adjustment.id.description),
                    actorID: Principal.system.id, at: at, unitCost: unitCost))
                averages[event.part] = averages[event.part]?.adjusting(by: delta)
            }
        }

        for index in reservationOrder {
            guard let id = reservationIDs[index] else { continue }
            let (reservation, record) = row(history.reservations[index], id: id, history: history, sites: sites)
            rows.reservations.append(reservation)
            records.append(record)
        }
        for item in history.items where item.reserved > 0 || item.backordered > 0 {
            rows.commitments.append(HistoryRows.Commitment(
                part: history.parts[item.part].id, site: sites[item.site].site.id,
                reserved: Quantity(milli: item.reserved), backordered: Quantity(milli: item.backordered)))
        }
        for (index, average) in averages.enumerated() {
            if let average { rows.costs.append((history.parts[index].id, average)) }
        }
        rows.audit = records.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
        return rows
    }

    /// The reservation as it is now, and its one audit record: what last happened to it, from
    /// the reservation as it was made.
    private static func row(_ simulated: SimulatedHistory.Reservation, id: Reservation.ID, history: SimulatedHistory,
                            sites: [HistorySite]) -> (Reservation, PendingAuditRecord) {
        let item = history.items[simulated.item]
        let made = Reservation(
            id: id, partID: history.parts[item.part].id, siteID: sites[item.site].site.id, demand: simulated.demand,
            priority: simulated.priority, needBy: simulated.needBy, requested: Quantity(milli: simulated.requested),
            reserved: Quantity(milli: simulated.createdReserved),
            backordered: Quantity(milli: simulated.createdBackordered), createdAt: Instant(microseconds: simulated.createdAt))
        var now = made
        now.reserved = Quantity(milli: simulated.reserved)
        now.backordered = Quantity(milli: simulated.backordered)
        now.consumed = Quantity(milli: simulated.consumed)
        now.status = simulated.status
        now.updatedAt = Instant(microseconds: simulated.updatedAt)
        let action = switch simulated.lastAction {
        case .create: "reservation.create"
        case .allocate: "reservation.allocate"
        case .consume: "reservation.consume"
        case .release: "reservation.release"
        }
        let before = simulated.lastAction == .create ? nil : made, after = now
        let record = PendingAuditRecord(at: now.updatedAt) { audit in
            try audit.recorded(action, entityType: "reservation", entityID: id.description, at: after.updatedAt,
                               before: before, after: after)
        }
        return (now, record)
    }
}

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
    var transfers: [Transfer] = []
    var exceptions: [TransferException] = []
    var countTasks: [CountTask] = []
    /// What open reservations hold and wait for, per part and site.
    var commitments: [Commitment] = []
    var costs: [(part: Part.ID, cost: AverageCost)] = []
    /// The audit records of the documents, by time.
    var audit: [PendingAuditRecord] = []
    var receipts = 0
}

/// Turns a simulated history into rows: identifiers drawn in time order, movements valued as
/// `ReceiveStock`, `ConsumeReservation`, `RequestAdjustment`, the transfer steps and the count
/// postings value them (a receipt at its price, everything else at the part's moving-average
/// cost, which receipts update), and audit records at the moments the documents changed: one
/// per receipt, reservation, adjustment and count task (its last step), and one per step of
/// each transfer and exception item (see `HistoryLedger+Transfers`, `HistoryLedger+Counts`).
struct HistoryLedger {
    let history: SimulatedHistory
    let sites: [HistorySite]
    let staff: DemoStaff
    var ids: DemoIdentifiers
    var rows = HistoryRows()
    var averages: [AverageCost?]
    var reservationIDs: [Reservation.ID?]
    private var reservationOrder: [Int] = []
    var records: [PendingAuditRecord] = []
    var transferIDs: [Transfer.ID?]
    /// Each transfer's value when it was requested (quantity × the average cost then).
    var transferValues: [Money?]
    var exceptionIDs: [[TransferException.ID]]
    var countIDs: [CountTask.ID?]

    static func rows(of history: SimulatedHistory, sites: [HistorySite], staff: DemoStaff,
                     ids: inout DemoIdentifiers) throws -> HistoryRows {
        var ledger = HistoryLedger(history: history, sites: sites, staff: staff, ids: ids)
        try ledger.post()
        ids = ledger.ids
        return ledger.rows
    }

    private init(history: SimulatedHistory, sites: [HistorySite], staff: DemoStaff, ids: DemoIdentifiers) {
        self.history = history
        self.sites = sites
        self.staff = staff
        self.ids = ids
        averages = [AverageCost?](repeating: nil, count: history.parts.count)
        reservationIDs = [Reservation.ID?](repeating: nil, count: history.reservations.count)
        transferIDs = [Transfer.ID?](repeating: nil, count: history.transfers.count)
        transferValues = [Money?](repeating: nil, count: history.transfers.count)
        exceptionIDs = [[TransferException.ID]](repeating: [], count: history.transfers.count)
        countIDs = [CountTask.ID?](repeating: nil, count: history.counts.count)
    }

    private mutating func post() throws {
        for event in history.timeline {
            let at = Instant(microseconds: event.at)
            switch event.event {
            case .receipt(let index): try receipt(index, part: event.part, at: at)
            case .reserve(let index):
                reservationIDs[index] = ids.next()
                reservationOrder.append(index)
            case .issue(let index, let takes): try issue(index, takes: takes, part: event.part, at: at)
            case .adjustment(let index): try adjustment(index, part: event.part, at: at)
            case .transferRequest(let index):
                try requestTransfer(index, part: event.part, at: at)
                reservationOrder.append(history.transfers[index].reservation)
            case .transferShip(let index): try shipTransfer(index, part: event.part, at: at)
            case .transferReceive(let index): try receiveTransfer(index, part: event.part, at: at)
            case .countCreate(let index): countIDs[index] = ids.next()
            case .countPost(let index, let variance, let step):
                try postCount(index, variance: variance, step: step, part: event.part, at: at)
            }
        }
        for index in reservationOrder {
            guard let id = reservationIDs[index] else { continue }
            let (reservation, record) = row(history.reservations[index], id: id)
            rows.reservations.append(reservation)
            records.append(record)
        }
        finishTransfers()
        finishCounts()
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
    }

    /// An item's unrestricted stock of one lot in its bin.
    func position(_ item: SimulatedHistory.Item, lot: String?) -> StockPosition {
        StockPosition(siteID: sites[item.site].site.id, binID: item.bin, status: .unrestricted, lot: lot)
    }

    /// The part's moving-average cost now: what every movement but a receipt is valued at.
    func unitCost(part: Int) -> Money {
        averages[part]?.unitCost ?? history.parts[part].cost
    }

    private mutating func receipt(_ index: Int, part partIndex: Int, at: Instant) throws {
        let receipt = history.receipts[index]
        let part = history.parts[partIndex]
        let receiptID: Identifier<ReceiveStock.Receipt> = ids.next()
        let quantity = Quantity(milli: receipt.quantity)
        let movement = try Movement(
            id: ids.next(), partID: part.id, quantity: quantity, from: nil,
            to: position(history.items[receipt.item], lot: receipt.lot), reason: .receipt,
            document: DocumentReference(type: .receipt, id: receiptID.description),
            actorID: Principal.system.id, at: at, unitCost: receipt.unitCost)
        rows.movements.append(movement)
        rows.receipts += 1
        let average = averages[partIndex] ?? AverageCost(unitCost: receipt.unitCost, quantity: .zero)
        averages[partIndex] = try average.receiving(quantity, at: receipt.unitCost)
        records.append(PendingAuditRecord(at: at) { audit in
            try audit.recorded("receipt.post", entityType: "receipt", entityID: receiptID.description, at: at,
                               before: Movement?.none, after: movement, detail: receipt.note)
        })
    }

    private mutating func issue(_ index: Int, takes: [SimulatedHistory.Take], part partIndex: Int, at: Instant) throws {
        let reservation = history.reservations[index]
        // A reservation is made before its stock is issued.
        guard let reservationID = reservationIDs[index] else { preconditionFailure("issued before reserved") }
        let unitCost = unitCost(part: partIndex)
        for take in takes {
            rows.movements.append(try Movement(
                id: ids.next(), partID: history.parts[partIndex].id, quantity: Quantity(milli: take.quantity),
                from: position(history.items[reservation.item], lot: take.lot), to: nil, reason: .issue,
                document: DocumentReference(type: .reservation, id: reservationID.description),
                actorID: Principal.system.id, at: at, unitCost: unitCost))
        }
        let issued = takes.reduce(0) { $0 + $1.quantity }
        averages[partIndex] = try averages[partIndex]?.adjusting(by: Quantity(milli: -issued))
    }

    private mutating func adjustment(_ index: Int, part partIndex: Int, at: Instant) throws {
        let simulated = history.adjustments[index]
        let item = history.items[simulated.item]
        let delta = Quantity(milli: simulated.delta)
        let magnitude = Quantity(milli: abs(simulated.delta))
        let unitCost = unitCost(part: partIndex)
        let value = try unitCost.times(magnitude)
        precondition(Adjustment.needsApproval(value: value, threshold: sites[item.site].adjustmentThreshold)
                     == simulated.pending, "the simulation chose adjustments well inside or outside the threshold")
        let adjustment = Adjustment(
            id: ids.next(), partID: history.parts[partIndex].id, position: position(item, lot: simulated.lot),
            delta: delta, reason: simulated.reason, note: simulated.note, value: value,
            state: simulated.pending ? .pendingApproval : .posted, requestedBy: Principal.system.id, requestedAt: at)
        rows.adjustments.append(adjustment)
        let action = simulated.pending ? "adjustment.request" : "adjustment.post"
        records.append(PendingAuditRecord(at: at) { audit in
            try audit.recorded(action, entityType: "adjustment", entityID: adjustment.id.description, at: at,
                               before: Adjustment?.none, after: adjustment, detail: adjustment.note)
        })
        guard !simulated.pending else { return }
        let adding = simulated.delta > 0
        rows.movements.append(try Movement(
            id: ids.next(), partID: adjustment.partID, quantity: magnitude, from: adding ? nil : adjustment.position,
            to: adding ? adjustment.position : nil, reason: simulated.reason.movementReason,
            document: DocumentReference(type: .adjustment, id: adjustment.id.description),
            actorID: Principal.system.id, at: at, unitCost: unitCost))
        averages[partIndex] = try averages[partIndex]?.adjusting(by: delta)
    }

    /// The reservation as it is now, and its one audit record: what last happened to it, from
    /// the reservation as it was made. A transfer's reservation names its transfer and was made
    /// by the transfer's requester and issued by its shipper.
    private func row(_ simulated: SimulatedHistory.Reservation, id: Reservation.ID) -> (Reservation, PendingAuditRecord) {
        let item = history.items[simulated.item]
        var demand = simulated.demand
        var actor = Principal.system
        if let transfer = simulated.transfer, let transferID = transferIDs[transfer] {
            demand = Demand(kind: .transfer, reference: transferID.description)
            let simulatedTransfer = history.transfers[transfer]
            actor = simulated.lastAction == .consume
                ? staff.shipper(at: history.items[simulatedTransfer.source].site)
                : staff.manager(at: history.items[simulatedTransfer.destination].site)
        }
        let made = Reservation(
            id: id, partID: history.parts[item.part].id, siteID: sites[item.site].site.id, demand: demand,
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
        let record = PendingAuditRecord(at: now.updatedAt) { [actor] audit in
            try audit.recorded(action, entityType: "reservation", entityID: id.description, at: after.updatedAt,
                               before: before, after: after, by: actor)
        }
        return (now, record)
    }
}

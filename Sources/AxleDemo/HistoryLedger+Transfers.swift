import AxleDomain

/// Transfers as the transfer use cases write them: the reservation at the source when
/// requested, one movement per lot into transit when shipped, the receipt's legs out of transit
/// (and beyond it) when received, and an exception item for each difference. The documents are
/// built after the timeline through the domain's own steps (`Transfer.request`, `approve`,
/// `ship`, `receive`, `TransferException.resolve`), one audit record per step, by the people
/// who took them.
extension HistoryLedger {
    mutating func requestTransfer(_ index: Int, part: Int, at: Instant) throws {
        let transfer = history.transfers[index]
        transferIDs[index] = ids.next()
        reservationIDs[transfer.reservation] = ids.next()
        transferValues[index] = try unitCost(part: part).times(Quantity(milli: transfer.quantity))
    }

    /// Company-wide stock is unchanged, so the average cost is too.
    mutating func shipTransfer(_ index: Int, part: Int, at: Instant) throws {
        let transfer = history.transfers[index]
        let source = history.items[transfer.source], destination = history.items[transfer.destination]
        let document = document(index)
        let unitCost = unitCost(part: part)
        let shipper = staff.shipper(at: source.site).id
        for take in transfer.shipment {
            rows.movements.append(try Movement(
                id: ids.next(), partID: history.parts[part].id, quantity: Quantity(milli: take.quantity),
                from: position(source, lot: take.lot),
                to: StockPosition(siteID: sites[destination.site].site.id, binID: nil, status: .inTransit, lot: take.lot),
                reason: .transferShip, document: document, actorID: shipper, at: at, unitCost: unitCost))
        }
    }

    /// Short and over own stock change the quantity the average cost stands for.
    mutating func receiveTransfer(_ index: Int, part: Int, at: Instant) throws {
        let transfer = history.transfers[index]
        let destination = history.items[transfer.destination]
        let siteID = sites[destination.site].site.id
        let document = document(index)
        let unitCost = unitCost(part: part)
        let receiver = staff.receiver(at: destination.site).id
        var delta: Int64 = 0
        for arrival in try transfer.arrivals {
            let transit = StockPosition(siteID: siteID, binID: nil, status: .inTransit, lot: arrival.lot)
            let shelf = arrival.status.map {
                StockPosition(siteID: siteID, binID: destination.bin, status: $0, lot: arrival.lot)
            }
            if !arrival.fromTransit { delta += arrival.quantity }
            if arrival.status == nil { delta -= arrival.quantity }
            rows.movements.append(try Movement(
                id: ids.next(), partID: history.parts[part].id, quantity: Quantity(milli: arrival.quantity),
                from: arrival.fromTransit ? transit : nil, to: shelf, reason: arrival.reason, document: document,
                actorID: receiver, at: at, unitCost: unitCost))
        }
        if delta != 0 { averages[part] = try averages[part]?.adjusting(by: Quantity(milli: delta)) }
        exceptionIDs[index] = try transfer.receipt.discrepancies.map { _ in ids.next() }
    }

    private func document(_ index: Int) -> DocumentReference {
        guard let id = transferIDs[index] else { preconditionFailure("a transfer moves stock after its request") }
        return DocumentReference(type: .transfer, id: id.description)
    }

    /// Each transfer through its steps, and the exception items of its receipt.
    mutating func finishTransfers() {
        for (index, simulated) in history.transfers.enumerated() {
            guard let id = transferIDs[index], let value = transferValues[index],
                  let reservationID = reservationIDs[simulated.reservation] else { continue }
            let source = history.items[simulated.source], destination = history.items[simulated.destination]
            let requester = staff.manager(at: destination.site)
            var steps: [(action: String, at: Instant, by: Principal)] = []
            var transfer: Transfer
            do {
                let requested = Instant(microseconds: simulated.requestedAt)
                transfer = try Transfer.request(
                    id: id, partID: history.parts[source.part].id, quantity: Quantity(milli: simulated.quantity),
                    from: sites[source.site].site.id, to: sites[destination.site].site.id, value: value,
                    approvalThreshold: sites[source.site].transferThreshold, reservationID: reservationID,
                    by: requester.id, at: requested)
                var snapshots = [transfer]
                steps.append(("transfer.request", requested, requester))
                if transfer.approvalRequired, let approvalAt = simulated.approvalAt {
                    let approver = staff.approver(at: source.site, notBy: requester)
                    let at = Instant(microseconds: approvalAt)
                    try transfer.approve(by: approver.id, at: at)
                    snapshots.append(transfer)
                    steps.append(("transfer.approve", at, approver))
                }
                if let shippedAt = simulated.shippedAt, let arrival = simulated.expectedArrival {
                    let shipper = staff.shipper(at: source.site), at = Instant(microseconds: shippedAt)
                    try transfer.ship(by: shipper.id, at: at, arriving: arrival)
                    snapshots.append(transfer)
                    steps.append(("transfer.ship", at, shipper))
                }
                if let receivedAt = simulated.receivedAt {
                    let receiver = staff.receiver(at: destination.site), at = Instant(microseconds: receivedAt)
                    try transfer.receive(good: Quantity(milli: simulated.good), damaged: Quantity(milli: simulated.damaged),
                                         by: receiver.id, at: at)
                    snapshots.append(transfer)
                    steps.append(("transfer.receive", at, receiver))
                }
                for (step, (before, after)) in zip(steps, zip([nil] + snapshots.map(Optional.some), snapshots)) {
                    records.append(PendingAuditRecord(at: step.at) { audit in
                        try audit.recorded(step.action, entityType: "transfer", entityID: id.description, at: step.at,
                                           before: before, after: after, by: step.by)
                    })
                }
            } catch {
                // The simulation takes the steps in the only order the state machine allows.
                preconditionFailure("the simulated transfer breaks a transfer rule: \(error)")
            }
            rows.transfers.append(transfer)
            if let receipt = transfer.receipt, let receivedAt = simulated.receivedAt {
                exceptions(of: receipt, transfer: transfer, simulated: simulated, index: index,
                           at: Instant(microseconds: receivedAt))
            }
        }
    }

    /// The items a receipt opened, resolved by the destination's manager where the simulation says so.
    private mutating func exceptions(of receipt: TransferReceipt, transfer: Transfer, simulated: SimulatedHistory.Transfer,
                                     index: Int, at: Instant) {
        let manager = staff.manager(at: history.items[simulated.destination].site)
        let receiver = staff.receiver(at: history.items[simulated.destination].site)
        for (id, discrepancy) in zip(exceptionIDs[index], receipt.discrepancies) {
            let opened = TransferException(id: id, kind: discrepancy.kind, transferID: transfer.id,
                                           partID: transfer.partID, siteID: transfer.destinationSiteID,
                                           quantity: discrepancy.quantity, createdAt: at)
            records.append(PendingAuditRecord(at: at) { audit in
                try audit.recorded("exception.open", entityType: "exception", entityID: id.description, at: at,
                                   before: TransferException?.none, after: opened, by: receiver)
            })
            var exception = opened
            if let resolution = simulated.resolutions[discrepancy.kind] {
                let resolvedAt = Instant(microseconds: resolution.at)
                do {
                    try exception.resolve(resolution.resolution, note: resolution.note, reference: resolution.reference,
                                          by: manager.id, at: resolvedAt)
                } catch {
                    preconditionFailure("the simulation resolves each difference once, as its kind allows: \(error)")
                }
                let resolved = exception
                records.append(PendingAuditRecord(at: resolvedAt) { audit in
                    try audit.recorded("exception.resolve", entityType: "exception", entityID: id.description,
                                       at: resolvedAt, before: opened, after: resolved, by: manager)
                })
            }
            rows.exceptions.append(exception)
        }
    }
}

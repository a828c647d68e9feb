import AxleDomain

/// Transfers between the sites of one part. An item at its reorder point in the evening review
/// asks the nearest other site whose stock, less its commitments and the transfer, stays above
/// that site's own reorder point (a van supplies no one). The quantity is reserved there at
/// once; the source ships it on its next working day, and it arrives the working day after
/// (sometimes a day late), as `RequestTransfer`, `ShipTransfer` and `ReceiveTransfer` would
/// have it. A few receipts are short, over or damaged by one unit; the destination's manager
/// resolves most of those within a month, and some still wait when the history ends.
extension StockSimulation {
    /// Chances that a received transfer is one unit short, has one unit damaged, or one over.
    static let shortChance = 0.025
    static let damagedChance = 0.015
    static let overChance = 0.008
    /// Chance that the truck comes a working day after the expected arrival.
    static let lateTransferChance = 0.08
    /// Chance that an exception item is still open when the history ends, however old.
    static let unresolvedChance = 0.25

    /// Other sites by distance from each site, nearest first; a van supplies no one.
    static func sources(_ sites: [HistorySite]) -> [[Int]] {
        sites.indices.map { here in
            let location = sites[here].site.location
            return sites.indices.filter { $0 != here && sites[$0].site.kind != .mobileVan }.sorted { lhs, rhs in
                (location.distanceKilometres(to: sites[lhs].site.location), lhs)
                    < (location.distanceKilometres(to: sites[rhs].site.location), rhs)
            }
        }
    }

    /// The nearest other item of the part that can spare `quantity`: nobody waits there, and its
    /// stock less reservations, backorders and the transfer stays above its reorder point.
    func transferSource(for item: Int, quantity: Int64, among items: Range<Int>) -> Int? {
        for site in sources[itemSites[item]] {
            guard let source = items.first(where: { itemSites[$0] == site }) else { continue }
            let state = states[source]
            let spare = state.unrestricted - state.reserved - state.backordered - quantity
            if state.waiting.isEmpty, spare > plans[source].replenishment.reorderPoint { return source }
        }
        return nil
    }

    /// The destination's parts manager asks for the stock after closing; it is reserved at the source.
    mutating func requestTransfer(_ quantity: Int64, from source: Int, to destination: Int, day: Int) {
        let at = calendar.moment(day: day, seconds: random.int(in: 63_900...66_600))
        let index = history.transfers.count
        history.reservations.append(SimulatedHistory.Reservation(
            item: source, demand: Demand(kind: .transfer, reference: "transfer"), priority: .stockReplenishment,
            needBy: calendar.date(day, plus: 2), requested: quantity, reserved: quantity, at: at, transfer: index))
        states[source].reserved += quantity
        states[destination].inbound += quantity
        var shipDay = day + 1
        while shipDay < calendar.days.count && weight(source, day: shipDay) == 0 { shipDay += 1 }
        let ships = shipDay < calendar.days.count
        // A valuable transfer is approved by the source's manager that morning, before it ships.
        history.transfers.append(SimulatedHistory.Transfer(
            source: source, destination: destination, quantity: quantity, reservation: history.reservations.count - 1,
            requestedAt: at, approvalAt: ships ? calendar.moment(day: shipDay, seconds: random.int(in: 28_800...34_200)) : nil))
        append(.transferRequest(index), at: at, item: source)
        if ships {
            schedule(.ship(transfer: index), at: calendar.moment(day: shipDay, seconds: random.int(in: 36_000...45_000)),
                     day: shipDay, item: source)
        }
    }

    /// The reserved stock leaves the source's shelf for the road, due the destination's next working day.
    mutating func ship(_ index: Int, at: Int64, day: Int) {
        let transfer = history.transfers[index]
        states[transfer.source].reserved -= transfer.quantity
        history.transfers[index].shipment = take(transfer.quantity, item: transfer.source)
        history.reservations[transfer.reservation].reserved = 0
        history.reservations[transfer.reservation].consumed = transfer.quantity
        history.reservations[transfer.reservation].status = .consumed
        history.reservations[transfer.reservation].lastAction = .consume
        history.reservations[transfer.reservation].updatedAt = at
        let arrival = nextWorkingDay(after: day, item: transfer.destination)
        history.transfers[index].shippedAt = at
        history.transfers[index].expectedArrival = calendar.date(day, plus: arrival - day)
        append(.transferShip(index), at: at, item: transfer.source)
        let receipt = random.chance(Self.lateTransferChance)
            ? nextWorkingDay(after: arrival, item: transfer.destination) : arrival
        guard receipt < calendar.days.count else { return }
        schedule(.receive(transfer: index), at: calendar.moment(day: receipt, seconds: random.int(in: 28_800...36_000)),
                 day: receipt, item: transfer.destination)
    }

    /// The destination receives what came: now and then a unit short, damaged or over, each an
    /// exception item for its manager. Good stock serves the destination's backorders first.
    mutating func receive(transfer index: Int, at: Int64, day: Int) throws {
        let transfer = history.transfers[index]
        let unit = plans[transfer.destination].demand.unitMilli
        var good = transfer.quantity, damaged: Int64 = 0
        let draw = random.unit()
        if draw < Self.shortChance, transfer.quantity >= 2 * unit {
            good -= unit
        } else if draw < Self.shortChance + Self.damagedChance, transfer.quantity >= 2 * unit {
            good -= unit
            damaged = unit
        } else if draw >= 1 - Self.overChance {
            good += unit
        }
        history.transfers[index].good = good
        history.transfers[index].damaged = damaged
        history.transfers[index].receivedAt = at
        // Damaged units stand apart in damaged stock, which the simulation does not use again.
        for arrival in try history.transfers[index].arrivals where arrival.status == .unrestricted {
            add(arrival.quantity, to: arrival.lot, item: transfer.destination)
        }
        states[transfer.destination].inbound -= transfer.quantity
        append(.transferReceive(index), at: at, item: transfer.destination)
        for discrepancy in try history.transfers[index].receipt.discrepancies {
            // Some wait on a carrier's answer for weeks; the manager resolves the rest within a month.
            let resolved = day + random.int(in: 2...30)
            guard resolved < calendar.days.count, !random.chance(Self.unresolvedChance) else { continue }
            history.transfers[index].resolutions[discrepancy.kind] = resolution(
                of: discrepancy.kind, at: calendar.moment(day: resolved, seconds: random.int(in: 39_600...57_600)),
                day: resolved)
        }
        allocate(transfer.destination, at: at, day: day)
    }

    /// The first day after `day` on which the item's site works; past the history when none is left.
    private func nextWorkingDay(after day: Int, item: Int) -> Int {
        var next = day + 1
        while next < calendar.days.count && weight(item, day: next) == 0 { next += 1 }
        return next
    }

    /// What a parts manager makes of a difference: a missing unit is claimed from the carrier
    /// or written off, a damaged one claimed or written off (it stays in damaged stock until the
    /// carrier's inspection or its disposal), a unit too many put down to the source's picking.
    /// None of them implies a document the history does not hold.
    private mutating func resolution(of kind: TransferException.Kind, at: Int64, day: Int)
        -> SimulatedHistory.Resolution
    {
        let claim = "CLM-\(calendar.days[day].date.year)-\(random.int(in: 1_000...9_999))"
        switch kind {
        case .short:
            return random.chance(0.6)
                ? SimulatedHistory.Resolution(at: at, resolution: .claimed,
                                              note: "One unit missing from the delivery; claim filed with the carrier",
                                              reference: claim)
                : SimulatedHistory.Resolution(at: at, resolution: .writtenOff,
                                              note: "Not found at the source or on the truck; written off", reference: nil)
        case .damaged:
            return random.chance(0.6)
                ? SimulatedHistory.Resolution(
                    at: at, resolution: .claimed,
                    note: "Damaged in transit; claim filed with the carrier, unit held for its inspection",
                    reference: claim)
                : SimulatedHistory.Resolution(at: at, resolution: .writtenOff,
                                              note: "Unusable; written off, held in damaged stock for disposal",
                                              reference: nil)
        case .over:
            return SimulatedHistory.Resolution(at: at, resolution: .corrected,
                                               note: "The source picked one too many; its next count corrects its books",
                                               reference: nil)
        }
    }
}

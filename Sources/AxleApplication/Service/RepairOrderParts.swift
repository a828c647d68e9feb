public import AxleDomain
import AxleStore

/// A part line the site could not cover from stock, and what could be done about it.
public struct PartShortage: Sendable, Encodable {
    public let lineId: PartLine.ID
    public let partId: Part.ID
    public let number: PartNumber
    public let backordered: Quantity
    public let proposals: ShortageProposals
}

/// How a repair order's parts are reserved, released and issued.
enum RepairOrderParts {
    /// Reserves every approved part line that has no reservation yet; what the site cannot
    /// cover now is backordered. A line whose number is served by several numbers of its
    /// supersession chain becomes one line per number (at the line's price), each with its own
    /// reservation, so the order shows which part is fitted. Returns the shortages with their proposals.
    static func reserveApproved(_ order: inout RepairOrder, in scope: WriteScope) async throws -> [PartShortage] {
        let stores = scope.stores
        let site = try await CatalogLookup.site(order.siteID, in: stores)
        let priority: PriorityClass = order.appointmentID == nil ? .customerWaiting : .scheduledService
        let needBy = try BusinessDate.at(site, on: scope.now)
        var supplies: [PartLine.ID: [Part]] = [:]
        for line in order.partLines where line.state == .approved && line.reservationID == nil {
            let part = try await CatalogLookup.part(line.partID, in: stores)
            supplies[line.id] = try await PartSupply.parts(for: part, at: site, now: scope.now, in: stores)
        }
        try await Reserve.lock(supplies.values.flatMap { $0 }, at: site, in: stores)
        var shortages: [PartShortage] = []
        var lines: [PartLine] = []
        for line in order.partLines {
            guard let supply = supplies[line.id] else {
                lines.append(line)
                continue
            }
            let commitment = try await Reserve.commit(
                line.quantity, from: supply, at: site, to: Demand(kind: .repairOrder, reference: order.number),
                priority: priority, needBy: needBy, allowPartial: true, backorder: true, in: scope)
            for (index, share) in commitment.shares.enumerated() {
                let reservation = share.reservation
                let split = PartLine(
                    id: index == 0 ? line.id : scope.newID(), partID: share.part.id, quantity: reservation.requested,
                    unitPrice: line.unitPrice, reservationID: reservation.id, state: line.state,
                    filledAtApproval: !reservation.backordered.isPositive)
                lines.append(split)
                if reservation.backordered.isPositive {
                    shortages.append(PartShortage(
                        lineId: split.id, partId: share.part.id, number: share.part.number,
                        backordered: reservation.backordered,
                        proposals: try await ShortageProposals.find(for: share.part, at: site, in: stores)))
                }
            }
        }
        order.partLines = lines
        return shortages
    }

    /// The parts of approved lines still waiting for stock.
    static func outstanding(_ order: RepairOrder, in stores: any StoreTransaction) async throws -> [PartNumber] {
        var waiting: [PartNumber] = []
        for line in order.partLines where line.state == .approved {
            guard let id = line.reservationID, let reservation = try await stores.reservations.find(id: id) else {
                continue
            }
            if reservation.backordered.isPositive {
                waiting.append(try await CatalogLookup.part(line.partID, in: stores).number)
            }
        }
        return waiting
    }

    /// Issues every reserved part of the order to it; returns their ledger value.
    static func issueAll(_ order: RepairOrder, in scope: WriteScope) async throws -> Money {
        let currency = try await scope.stores.company.get().currency
        var cost = Money.zero(currency)
        for line in order.partLines where line.state == .approved {
            guard let id = line.reservationID, let reservation = try await scope.stores.reservations.find(id: id),
                  reservation.status == .open, reservation.reserved.isPositive else { continue }
            let issue = try await ConsumeReservation.consume(reservation.reserved, of: reservation, in: scope)
            cost = try issue.movements.reduce(cost) { try $0 + $1.value }
        }
        return cost
    }

    /// Releases every open reservation of the order's lines.
    static func releaseAll(_ order: RepairOrder, in scope: WriteScope) async throws {
        for line in order.partLines {
            guard let id = line.reservationID, let reservation = try await scope.stores.reservations.find(id: id),
                  reservation.status == .open else { continue }
            _ = try await ReleaseReservation.release(reservation, in: scope)
        }
    }
}

public import AxleDomain
import AxleStore

/// The one call that fetches a short part for a repair order: a transfer of what the order
/// still waits for, from the nearest site with that much available, at the order's priority.
public struct RequestPartTransfer: Command {
    public let orderID: RepairOrder.ID
    public let lineID: PartLine.ID

    public init(orderID: RepairOrder.ID, lineID: PartLine.ID) {
        self.orderID = orderID
        self.lineID = lineID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.requestTransfers)
    }

    public func execute(in scope: WriteScope) async throws -> Transfer {
        let stores = scope.stores
        let order = try await ServiceLookup.repairOrder(orderID, in: stores)
        try scope.caller.principal.authorize(.requestTransfers, at: order.siteID)
        guard order.status.isOpen else { throw ServiceError.orderNotOpen(order.status) }
        guard let line = order.partLines.first(where: { $0.id == lineID }) else {
            throw ServiceError.notFound(.line, lineID.description)
        }
        guard let reservationID = line.reservationID, let reservation = try await stores.reservations.find(id: reservationID),
              reservation.backordered.isPositive else {
            throw ValidationError(field: "lineId", reason: "the line is not waiting for stock")
        }
        let site = try await CatalogLookup.site(order.siteID, in: stores)
        let part = try await CatalogLookup.part(line.partID, in: stores)
        let proposals = try await ShortageProposals.find(for: part, at: site, in: stores)
        guard let source = proposals.otherSites.first(where: { $0.available >= reservation.backordered }) else {
            throw InventoryError.insufficientAvailable(available: proposals.otherSites.first?.available ?? .zero,
                                                       requested: reservation.backordered)
        }
        return try await RequestTransfer(.init(
            partId: part.id, sourceSiteId: source.site.id, destinationSiteId: site.id, quantity: reservation.backordered,
            priority: reservation.priority, needBy: reservation.needBy)).execute(in: scope)
    }
}

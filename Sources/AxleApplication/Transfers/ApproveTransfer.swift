public import AxleDomain
import AxleStore

/// Approves a transfer that waits for approval, so that it may ship. Only a manager of the
/// source site, and never the requester.
public struct ApproveTransfer: Command {
    public let transferID: Transfer.ID

    public init(transferID: Transfer.ID) {
        self.transferID = transferID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.approveTransfers)
    }

    public func execute(in scope: WriteScope) async throws -> Transfer {
        let before = try await TransferLookup.locked(transferID, in: scope.stores)
        // The source is known only now: the approver's scope is checked against it here.
        try scope.caller.principal.authorize(.approveTransfers, at: before.sourceSiteID)
        var after = before
        try after.approve(by: scope.caller.principal.id, at: scope.now)
        try await scope.stores.transfers.update(after)
        try await scope.audit(.transferApprove, entityID: after.id.description,
                              before: before, after: after)
        return after
    }
}

/// Cancels a transfer before it ships; its stock at the source is released (to waiting
/// backorders first).
public struct CancelTransfer: Command {
    public let transferID: Transfer.ID

    public init(transferID: Transfer.ID) {
        self.transferID = transferID
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.requestTransfers)
    }

    public func execute(in scope: WriteScope) async throws -> Transfer {
        let stores = scope.stores
        let before = try await TransferLookup.locked(transferID, in: stores)
        try scope.caller.principal.authorize(.requestTransfers, atEitherOf: [before.sourceSiteID, before.destinationSiteID])
        var after = before
        try after.cancel(by: scope.caller.principal.id, at: scope.now)
        // The source totals first, then the reservation: it is read as the last writer left it.
        _ = try await stores.stock.siteStock(part: before.partID, site: before.sourceSiteID, forUpdate: true)
        // A reservation someone already released through the reservations API holds nothing to give back.
        if let reservation = try await stores.reservations.find(id: before.reservationID), reservation.status.isOpen {
            _ = try await ReleaseReservation.release(reservation, in: scope)
        }
        try await stores.transfers.update(after)
        try await scope.audit(.transferCancel, entityID: after.id.description,
                              before: before, after: after)
        return after
    }
}

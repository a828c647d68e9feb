public import AxleDomain
import AxleStore

/// Approves or rejects a count waiting for approval, at a site in the approver's scope, never
/// by someone who counted it. Approval posts the variance of the recount (counted minus the
/// book quantity at that moment): movements since then changed the shelf and the books alike.
///
/// When that variance would remove stock that is reserved, approval is refused
/// (`inventory.count.takes_reserved_stock`) and the task keeps waiting: available stock never
/// goes negative, and which demand loses the missing stock is a decision for the manager, who
/// releases or reduces a reservation and approves again. Posting part of the variance instead
/// would leave the books knowingly wrong.
public struct DecideCount: Command {
    public let taskID: CountTask.ID
    public let approve: Bool

    public init(taskID: CountTask.ID, approve: Bool) {
        self.taskID = taskID
        self.approve = approve
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.approveCounts)
    }

    public func execute(in scope: WriteScope) async throws -> CountTaskView {
        let stores = scope.stores
        let before = try await CountLookup.task(taskID, forUpdate: true, in: stores)
        let site = before.position.siteID
        try scope.caller.principal.authorize(.approveCounts, at: site)
        var after = before
        try after.decide(approve: approve, by: scope.caller.principal, at: scope.now)
        let part = try await CatalogLookup.part(before.partID, in: stores)
        if after.state == .posted, let variance = after.postedVariance, variance < .zero,
           after.position.status == .unrestricted {
            let totals = try await stores.stock.siteStock(part: part.id, site: site, forUpdate: true)
            guard try totals.available + variance >= .zero else {
                throw CountError.countTakesReservedStock(available: try totals.available, variance: variance)
            }
        }
        try await stores.counts.update(after)
        try await scope.audit(approve ? .countApprove : .countReject,
                              entityID: after.id.description, before: before, after: after)
        try await CountPosting.post(after, of: part, in: scope)
        return try await CountTaskView.make(after, part: part, in: stores, for: scope.caller.principal)
    }
}

public import AxleDomain
import AxleStore

/// Records a blind count of a task's position and evaluates it against the book quantity of
/// that position at this moment.
///
/// Within tolerance, the variance posts at once as a count adjustment (reason
/// `adjustmentCount`, document `count`) and the task is posted. Outside tolerance, the first
/// count asks for a recount and posts nothing; a recount that is still outside waits for a
/// manager's approval. A variance that would take stock already reserved (leaving available
/// stock negative) is treated like one outside tolerance even when it is small: it breaks a
/// promise to a demand, so it is recounted and then decided by a manager, who must first
/// release or reduce a reservation (see `DecideCount`).
///
/// The answer never shows the book quantity or the variance to a counter.
public struct EnterCount: Command {
    public struct Input: Sendable, Codable {
        /// What is in the position, in the part's unit: zero or more, at most three decimals.
        public var quantity: Quantity

        public init(quantity: Quantity) {
            self.quantity = quantity
        }
    }

    public let taskID: CountTask.ID
    public let input: Input

    public init(taskID: CountTask.ID, input: Input) {
        self.taskID = taskID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.countStock)
    }

    public func execute(in scope: WriteScope) async throws -> CountTaskView {
        let stores = scope.stores
        guard input.quantity >= .zero else { throw ValidationError(field: "quantity", reason: "must not be negative") }
        let before = try await CountLookup.task(taskID, forUpdate: true, in: stores)
        let site = before.position.siteID
        // The site is known only now: the counter's scope is checked against it here.
        try scope.caller.principal.authorize(.countStock, at: site)
        let part = try await CatalogLookup.part(before.partID, in: stores)
        // Every posting of the part at the site updates these totals: locking them first keeps
        // the book quantity read next true until the variance is posted.
        let totals = try await stores.stock.siteStock(part: part.id, site: site, forUpdate: true)
        let book = try await stores.stock.balances(part: part.id, site: site)
            .first { $0.position == before.position }?.quantity ?? .zero
        var after = before
        try after.record(counted: input.quantity, book: book,
                         available: before.position.status == .unrestricted ? totals.available : nil,
                         by: scope.caller.principal.id, at: scope.now)
        try await stores.counts.update(after)
        try await scope.audit(.countEnter, entityID: after.id.description,
                              before: before, after: after)
        try await CountPosting.post(after, of: part, in: scope)
        return try await CountTaskView.make(after, part: part, in: stores, for: scope.caller.principal)
    }
}

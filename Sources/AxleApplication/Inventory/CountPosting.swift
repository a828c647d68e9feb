import AxleDomain
import AxleStore

enum CountLookup {
    static func task(_ id: CountTask.ID, forUpdate: Bool, in stores: any StoreTransaction) async throws -> CountTask {
        guard let task = try await stores.counts.find(id: id, forUpdate: forUpdate) else {
            throw CountError.taskNotFound(id.description)
        }
        return task
    }
}

enum CountPosting {
    /// Posts the variance of a task that has just become posted, through the adjustments'
    /// posting code; the count task is the movement's document. A zero variance moves nothing.
    static func post(_ task: CountTask, of part: Part, in scope: WriteScope) async throws {
        guard task.state == .posted, let variance = task.postedVariance, variance != .zero else { return }
        try await AdjustmentPosting.post(variance, of: part, at: task.position, reason: .adjustmentCount,
                                         document: DocumentReference(type: .count, id: task.id.description), in: scope)
    }
}

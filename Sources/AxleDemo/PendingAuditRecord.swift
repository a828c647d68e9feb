import AxleDomain
import AxleStore
import Foundation

/// An audit record whose snapshot is still to be encoded. Encoding snapshots is as much work as
/// writing the rows, so it runs alongside the writes (`encoded(for:)`).
struct PendingAuditRecord: Sendable {
    let at: Instant
    let make: @Sendable (DemoAudit) throws -> AuditEntry
}

extension [PendingAuditRecord] {
    /// The records, in order, encoded by one worker per processor but one: the last processor
    /// is left to the transaction that writes the rows meanwhile. Workers yield between chunks,
    /// so that the writer is never kept waiting for long.
    func encoded(for context: AuditContext) async throws -> [AuditEntry] {
        let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        let share = (count + workers - 1) / workers
        return try await withThrowingTaskGroup(of: (Int, [AuditEntry]).self) { group in
            for start in stride(from: 0, to: count, by: Swift.max(share, 1)) {
                let slice = Array(self[start..<Swift.min(start + share, count)])
                group.addTask {
                    let audit = DemoAudit(at: context.at, reason: context.reason)
                    var entries: [AuditEntry] = []
                    entries.reserveCapacity(slice.count)
                    for (index, record) in slice.enumerated() {
                        if index % 500 == 499 {
                            try Task.checkCancellation()
                            await Task.yield()
                        }
                        entries.append(try record.make(audit))
                    }
                    return (start, entries)
                }
            }
            var slices: [(start: Int, entries: [AuditEntry])] = []
            for try await slice in group { slices.append(slice) }
            return slices.sorted { $0.start < $1.start }.flatMap(\.entries)
        }
    }
}

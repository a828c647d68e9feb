import AxleDomain

/// Count tasks as the count use cases write them: a count adjustment (reason `adjustmentCount`,
/// document `count`) whenever a task posts a variance other than zero, by whoever posted it; the
/// tasks themselves are built after the timeline through the domain's own steps
/// (`CountTask.record`, `decide`), which must land where the simulation expected, with one
/// audit record for the last step of each.
extension HistoryLedger {
    mutating func postCount(_ index: Int, variance: Int64, step: SimulatedHistory.CountStep, part: Int, at: Instant) throws {
        let count = history.counts[index]
        let item = history.items[count.item]
        guard let id = countIDs[index] else { preconditionFailure("a task posts after it is generated") }
        let position = position(item, lot: count.lot)
        let actor = step == .decision ? staff.countApprover(at: item.site) : staff.counter(at: item.site)
        rows.movements.append(try Movement(
            id: ids.next(), partID: history.parts[part].id, quantity: Quantity(milli: abs(variance)),
            from: variance < 0 ? position : nil, to: variance > 0 ? position : nil, reason: .adjustmentCount,
            document: DocumentReference(type: .count, id: id.description), actorID: actor.id, at: at,
            unitCost: unitCost(part: part)))
        averages[part] = try averages[part]?.adjusting(by: Quantity(milli: variance))
    }

    mutating func finishCounts() {
        for (index, simulated) in history.counts.enumerated() {
            guard let id = countIDs[index] else { continue }
            let item = history.items[simulated.item]
            let counter = staff.counter(at: item.site)
            let created = CountTask(
                id: id, partID: history.parts[item.part].id, position: position(item, lot: simulated.lot),
                abcClass: simulated.abcClass, toleranceBasisPoints: simulated.toleranceBasisPoints,
                generatedOn: simulated.generatedOn, createdBy: counter.id,
                createdAt: Instant(microseconds: simulated.createdAt))
            var task = created
            var last: (action: String, at: Instant, by: Principal) = ("count.create", created.createdAt, counter)
            do {
                for entry in [simulated.first, simulated.recount].compactMap({ $0 }) {
                    let at = Instant(microseconds: entry.at)
                    try task.record(counted: Quantity(milli: entry.counted), book: Quantity(milli: entry.book),
                                    available: Quantity(milli: entry.available), by: counter.id, at: at)
                    last = ("count.enter", at, counter)
                }
                if let decision = simulated.decision {
                    let approver = staff.countApprover(at: item.site), at = Instant(microseconds: decision.at)
                    try task.decide(approve: decision.approve, by: approver, at: at)
                    last = (decision.approve ? "count.approve" : "count.reject", at, approver)
                }
            } catch {
                preconditionFailure("the simulated count breaks a count rule: \(error)")
            }
            precondition(task.state == simulated.state, "the count rules decide as the simulation expected")
            rows.countTasks.append(task)
            let before = last.action == "count.create" ? nil : created, after = task, step = last
            records.append(PendingAuditRecord(at: step.at) { audit in
                try audit.recorded(step.action, entityType: "count", entityID: id.description, at: step.at,
                                   before: before, after: after, by: step.by)
            })
        }
    }
}

public import AxleDomain
import AxleStore

/// A technician clocks on to an approved labor line of an order in progress, or off it.
/// Clocked time is productive time; a technician is on one line at a time.
public struct ClockLabor: Command {
    public enum Action: String, ClosedSet {
        case on, off
    }

    public let orderID: RepairOrder.ID
    public let lineID: LaborLine.ID
    public let action: Action

    public init(orderID: RepairOrder.ID, lineID: LaborLine.ID, action: Action) {
        self.orderID = orderID
        self.lineID = lineID
        self.action = action
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.clockLabor)
    }

    public func execute(in scope: WriteScope) async throws -> TimeEntry {
        let stores = scope.stores
        let order = try await ServiceLookup.repairOrder(orderID, in: stores)
        try scope.caller.principal.authorize(.clockLabor, at: order.siteID)
        guard let technician = try await stores.workshop.technician(principal: scope.caller.principal.id) else {
            throw ServiceError.notATechnician
        }
        guard let line = order.laborLines.first(where: { $0.id == lineID }) else {
            throw ServiceError.notFound(.line, lineID.description)
        }
        let open = try await stores.repairOrders.openEntry(technician: technician.id)
        switch action {
        case .on:
            guard order.status == .inProgress else { throw ServiceError.notInProgress(order.status) }
            guard line.state == .approved else { throw ServiceError.lineNotApproved(line.id.description, state: line.state) }
            if let open { throw ServiceError.alreadyClockedOn(open.laborLineID.description) }
            let entry = TimeEntry(id: scope.newID(), repairOrderID: order.id, laborLineID: line.id,
                                  technicianID: technician.id, start: scope.now)
            try await stores.repairOrders.insert([entry])
            try await scope.audit(.repairOrderClockOn, entityID: order.id.description,
                                  before: TimeEntry?.none, after: entry)
            return entry
        case .off:
            guard var entry = open, entry.repairOrderID == order.id, entry.laborLineID == line.id else {
                throw ServiceError.notClockedOn
            }
            let before = entry
            entry.end = scope.now
            try await stores.repairOrders.update(entry)
            try await scope.audit(.repairOrderClockOff, entityID: order.id.description,
                                  before: before, after: entry)
            return entry
        }
    }
}

public import AxleDomain
import AxleStore

/// A mobile technician's field diagnosis finds parts the van does not carry. The parts join
/// the repair order (under the same approval threshold as any diagnosis), what the van has is
/// reserved on it, the rest is requested by transfer from the nearest site with enough
/// available, and the follow-up visit is proposed at the earliest slot once those parts can
/// be with the van.
public struct AddFieldParts: Command {
    public struct Input: Sendable, Codable {
        public var parts: [PartLineInput]
        /// How far ahead to look for the follow-up visit; default 14 days.
        public var days: Int?

        public init(parts: [PartLineInput], days: Int? = nil) {
            self.parts = parts
            self.days = days
        }
    }

    public struct Plan: Sendable, Encodable {
        public let order: RepairOrderView
        /// Transfers to the van, one per part it lacks.
        public let transfers: [Transfer]
        /// When the transferred parts are planned to be with the van.
        public let partsExpected: CalendarDate?
        /// The earliest follow-up visit; nil when none is free within the horizon.
        public let followUp: SearchSlots.Slot?
    }

    /// Days a transfer between the group's sites is planned to take, until it ships with its own date.
    static let transferDays = 1

    public let orderID: RepairOrder.ID
    public let input: Input

    public init(orderID: RepairOrder.ID, input: Input) {
        self.orderID = orderID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.workRepairOrders)
    }

    public func execute(in scope: WriteScope) async throws -> Plan {
        let stores = scope.stores
        let before = try await ServiceLookup.repairOrder(orderID, in: stores)
        let van = try await CatalogLookup.site(before.siteID, in: stores)
        guard van.kind == .mobileVan else {
            throw ValidationError(field: "orderId", reason: "field visits are repair orders of a mobile van site")
        }
        let days = try Validate.range(input.days ?? 14, 1...SlotSearch.maximumDays, field: "days")
        let added = try await AddRepairOrderLines(orderID: orderID, input: .init(parts: input.parts)).execute(in: scope)
        var transfers: [Transfer] = []
        for line in added.order.partLines where !before.partLines.contains(where: { $0.id == line.id }) {
            guard let id = line.reservationID, let reservation = try await stores.reservations.find(id: id),
                  reservation.backordered.isPositive else { continue }
            let part = try await CatalogLookup.part(line.partID, in: stores)
            let proposals = try await ShortageProposals.find(for: part, at: van, in: stores)
            guard let source = proposals.otherSites.first(where: { $0.available >= reservation.backordered }) else {
                continue
            }
            transfers.append(try await RequestTransfer(.init(
                partId: part.id, sourceSiteId: source.site.id, destinationSiteId: van.id,
                quantity: reservation.backordered, priority: reservation.priority, needBy: reservation.needBy))
                .execute(in: scope))
        }
        let calendar = try await ServiceLookup.calendar(van, in: stores)
        var expected = calendar.local(scope.now).date
        for _ in 0..<(transfers.isEmpty ? 0 : Self.transferDays) { expected = expected.next }
        let followUp = try await Self.followUp(of: added.order, at: van, partsReadyAt: calendar.instant(
            on: expected, at: TimeOfDay(minutes: 0)!), days: days, in: scope)
        return Plan(order: try await RepairOrderView.make(try await ServiceLookup.repairOrder(orderID, in: stores),
                                                          in: stores),
                    transfers: transfers, partsExpected: transfers.isEmpty ? nil : expected, followUp: followUp)
    }

    /// The earliest slot at the van for the order's remaining labor, once the parts are there.
    private static func followUp(of order: RepairOrder, at van: Site, partsReadyAt: Instant, days: Int,
                                 in scope: WriteScope) async throws -> SearchSlots.Slot? {
        let labor = order.laborLines.filter { $0.state == .approved }
        guard !labor.isEmpty else { return nil }
        let hours = try labor.reduce(Quantity.zero) { try $0 + $1.hours }
        let bayTypes = Set(try await ServiceLookup.operations(Array(Set(labor.compactMap(\.operationID))), in: scope.stores,
                                                              field: "labor", allowEmpty: true).map(\.bayType))
        let requirement = SlotSearch.Requirement(skills: Set(labor.map(\.skill)),
                                                 bayTypes: bayTypes.isEmpty ? [.generalLift] : bayTypes,
                                                 minutes: LaborOperation.minutes(of: hours))
        let from = max(scope.now, partsReadyAt)
        let horizon = Period(start: from, end: from.adding(seconds: Int64(days + 1) * 86_400))
        let search = try await WorkshopCalendar.search(at: van, over: horizon, in: scope.stores)
        guard let slot = search.slots(for: requirement, from: from, partsReadyAt: partsReadyAt, days: days,
                                      limit: 1).first else { return nil }
        let names = SlotNames(search: search)
        return SearchSlots.Slot(
            siteId: van.id, siteCode: van.code, technicianId: slot.technicianID,
            technicianName: names.technician(slot.technicianID), bayId: slot.bayID, bayCode: names.bay(slot.bayID),
            start: search.calendar.text(slot.period.start), end: search.calendar.text(slot.period.end),
            earliestBecause: slot.earliestBecause,
            reasons: ["the earliest visit once the parts can be with the van"])
    }
}

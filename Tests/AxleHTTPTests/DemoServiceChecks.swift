import AxleApplication
import AxleDemo
import AxleDomain
import AxleStore
import Testing

/// The demo's service departments as a service manager would find them: a year of repair
/// orders whose KPIs look like a real workshop's, appointments for the next two weeks, a
/// morning list of jobs at risk, and repair orders that agree with the stock ledger.
extension DemoDatasetTests {
    func checkService(_ services: AxleServices, summary: DemoSummary) async throws {
        let caller = Caller(principal: .system, requestID: nil)
        let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.entity, $0.count) })
        #expect(counts["labor operations"].map { (25...40).contains($0) } == true)
        #expect(try #require(counts["repair orders"]) > 10_000)
        #expect(try #require(counts["appointments booked ahead"]) > 100)
        let workshops = try await services.database.read { try await $0.sites.all() }
            .filter { ["DLR-NORTH", "DLR-WEST", "WS-OAKPARK"].contains($0.code.rawValue) }
        #expect(workshops.count == 3)
        let now = services.dependencies.clock.now()
        var atRisk = 0
        for site in workshops {
            let technicians = try await services.service.technicians(site: site.id, as: caller)
            let bays = try await services.service.bays(site: site.id, as: caller)
            #expect((8...12).contains(technicians.count), "\(site.code) has \(technicians.count) technicians")
            #expect((6...8).contains(bays.count), "\(site.code) has \(bays.count) bays")
            #expect(Set(bays.map(\.type)) == Set(BayType.allCases))
            try await checkKPIs(at: site, services, caller: caller, now: now)
            let booked = try await services.service.appointments(site: site.id, from: now, days: 14, status: .booked,
                                                                  as: caller)
            #expect(booked.count > 20, "\(site.code) has \(booked.count) appointments in the next two weeks")
            atRisk += try await services.service.atRisk(site: site.id, days: 14, as: caller).jobs.count
        }
        #expect(atRisk > 0, "some upcoming work is at risk")
        try await checkRepairOrdersAgainstLedger(workshops, services, caller: caller)
    }

    /// The last 90 days through the KPI query, in a real workshop's ranges.
    private func checkKPIs(at site: Site, _ services: AxleServices, caller: Caller, now: Instant) async throws {
        let kpis = try await services.service.kpis(site: site.id, from: now.adding(seconds: -90 * 86_400), to: now,
                                                   as: caller)
        let name = site.code.rawValue
        #expect(kpis.serviceCycleTime.orders > 500, "\(name) completed \(kpis.serviceCycleTime.orders) orders")
        let median = try #require(kpis.serviceCycleTime.medianHours).milli
        #expect((500...48_000).contains(median), "\(name) median cycle time \(median) thousandths of an hour")
        let fix = try #require(kpis.firstTimeFix.percent).basisPoints
        #expect((8_500...9_700).contains(fix), "\(name) first-time fix \(fix) bp")
        let utilization = try #require(kpis.technicianUtilization.ratio.percent).basisPoints
        #expect((6_000...9_000).contains(utilization), "\(name) utilization \(utilization) bp")
        let fill = try #require(kpis.partsFillRate.percent).basisPoints
        #expect(kpis.partsFillRate.denominator > 100)
        #expect((7_500...9_950).contains(fill), "\(name) parts fill rate \(fill) bp")
        #expect(kpis.technicians.allSatisfy { $0.availableMinutes > 0 })
    }

    /// Every part line's reservation is the order's, for its part and quantity; a finished
    /// order issued exactly its lines' reservations, and its parts cost is their ledger value.
    private func checkRepairOrdersAgainstLedger(_ workshops: [Site], _ services: AxleServices, caller: Caller)
        async throws
    {
        var orders: [RepairOrder] = []
        for site in workshops {
            var after: String?
            while true {
                let page = try await services.service.repairOrders(site: site.id, status: nil,
                                                                   PageRequest(after: after, limit: 500), as: caller)
                orders += page
                guard page.count == 500, let last = page.last else { break }
                after = last.id.description
            }
        }
        let lines = orders.flatMap { order in order.partLines.map { (order, $0) } }
        #expect(lines.count > 5_000)
        let (reservations, issued) = try await services.database.read { stores in
            var reservations: [Reservation.ID: Reservation] = [:]
            var items: Set<String> = []
            var byItem: [(Part.ID, Site.ID)] = []
            for (order, line) in lines {
                guard let id = line.reservationID else { continue }
                reservations[id] = try await stores.reservations.find(id: id)
                if items.insert("\(line.partID) \(order.siteID)").inserted { byItem.append((line.partID, order.siteID)) }
            }
            var issued: [Reservation.ID: Money] = [:]
            for (part, site) in byItem {
                var after: Int64?
                while true {
                    let page = try await stores.ledger.history(part: part, site: site, PageRequest(after: after, limit: 500))
                    for entry in page where entry.movement.reason == .issue && entry.movement.document.type == .reservation {
                        if let id = Reservation.ID(entry.movement.document.id) {
                            issued[id] = try issued[id].map { try $0 + entry.movement.value } ?? entry.movement.value
                        }
                    }
                    guard page.count == 500, let last = page.last else { break }
                    after = last.sequence
                }
            }
            return (reservations, issued)
        }
        var wrong: [String] = []
        for (order, line) in lines {
            guard let id = line.reservationID, let reservation = reservations[id] else {
                wrong.append("\(order.number): a line without its reservation")
                continue
            }
            let consistent = reservation.partID == line.partID && reservation.siteID == order.siteID
                && reservation.demand == Demand(kind: .repairOrder, reference: order.number)
                && reservation.requested == line.quantity
            let expected: Set<ReservationStatus> = switch (order.status, line.state) {
            case (.cancelled, _), (_, .declined): [.released]
            case (.completed, _), (.invoiced, _), (.closed, _): [.consumed]
            default: [.open, .consumed]
            }
            let issuedInFull = reservation.status != .consumed || reservation.consumed == line.quantity
            if !consistent || !expected.contains(reservation.status) || !issuedInFull {
                wrong.append("\(order.number) \(order.status.rawValue): reservation \(id) is \(reservation.status.rawValue)")
            }
        }
        for order in orders where [.completed, .invoiced, .closed].contains(order.status) {
            let cost = try order.partLines.filter { $0.state == .approved }.compactMap(\.reservationID)
                .reduce(Money.zero(.init(code: "USD")!)) { try $0 + (issued[$1] ?? .zero(.init(code: "USD")!)) }
            if order.partsCost != cost || order.invoice.map({ $0.costOfParts == cost }) == false {
                wrong.append("\(order.number): parts cost \(order.partsCost?.description ?? "none"), ledger \(cost)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) orders disagree with the ledger: \(wrong.prefix(5))")
    }
}

import AxleApplication
import AxleDemo
import AxleDomain
import AxleServer
import AxleStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The demo's transfers between sites and its cycle counts, as a person who opens the demo would
/// find them: stock that travelled without being created or lost, trucks still on the road only
/// for transfers shipped and not yet received, exception items open and resolved, and inventory
/// accuracy per site from a year of counting.
///
/// The stock history's transfers are those requested before the demo was generated; the service
/// demo's own, made through the use cases at that moment, are checked only where all stock is.
extension DemoDatasetTests {
    func checkTransfers(_ services: AxleServices, ledger: [Part.ID: [LedgerEntry]], summary: DemoSummary)
        async throws
    {
        let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.entity, $0.count) })
        let everyTransfer = try await allTransfers(in: services)
        let now = services.dependencies.clock.now()
        let transfers = everyTransfer.filter { $0.requested.at < now }
        #expect(transfers.count == counts["transfers"])
        #expect((200...3_000).contains(transfers.count), "\(transfers.count) transfers in a year")
        let sites = try await services.database.read { try await $0.sites.all() }
        let routes = Set(transfers.map { "\($0.sourceSiteID) \($0.destinationSiteID)" })
        #expect(routes.count >= sites.count, "transfers run between many pairs of sites, not one")

        // Each transfer moved exactly what its steps say: shipped whole into transit, and out of
        // transit whole when received; the company's stock changed only by what arrived over or
        // never arrived.
        let moved = Dictionary(grouping: ledger.values.joined().map(\.movement).filter { $0.document.type == .transfer },
                               by: \.document.id)
        var wrong: [String] = []
        for transfer in transfers {
            let movements = moved[transfer.id.description] ?? []
            func total(_ reasons: Set<MovementReason>) throws -> Quantity {
                try movements.filter { reasons.contains($0.reason) }.reduce(.zero) { try $0 + $1.quantity }
            }
            let shipped = try total([.transferShip])
            let fromTransit = try total([.transferReceive, .transferDamaged, .transferShort])
            let net = try movements.reduce(Quantity.zero) { try $0 + LedgerEntry.netChange(of: $1, at: nil) }
            let expectedNet = try (transfer.receipt?.over ?? .zero) - (transfer.receipt?.short ?? .zero)
            let fine = switch transfer.state {
            case .requested, .approved, .cancelled: movements.isEmpty
            case .shipped: shipped == transfer.quantity && movements.allSatisfy { $0.reason == .transferShip }
            case .received:
                shipped == transfer.quantity && fromTransit == transfer.quantity
                    && net == expectedNet
            }
            if !fine { wrong.append("\(transfer.id) \(transfer.state.rawValue)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) transfers whose movements disagree with them: \(wrong.prefix(5))")

        // In transit when the demo opens: exactly the shipped transfers, at their destinations.
        var expected: [String: Quantity] = [:]
        for transfer in everyTransfer where transfer.state == .shipped {
            let key = "\(transfer.partID) \(transfer.destinationSiteID)"
            expected[key] = try (expected[key] ?? .zero) + transfer.quantity
        }
        var inTransit: [String: Quantity] = [:]
        for stock in try await stockMatrix(in: services) where stock.inTransit != .zero {
            inTransit["\(stock.partID) \(stock.siteID)"] = stock.inTransit
        }
        #expect(inTransit == expected)
        #expect(transfers.filter { $0.state == .shipped }.count == counts["transfers in transit"])

        // A day or two by road: requested in the evening, shipped the next working day, received
        // the working day after, now and then a day late.
        let received = transfers.filter { $0.state == .received }
        #expect(received.count > transfers.count * 9 / 10)
        let hours = received.compactMap(\.cycleTimeSeconds).map { Double($0) / 3_600 }.sorted()
        #expect(hours.count == received.count, "every received transfer records its cycle time")
        #expect(hours.allSatisfy { (12...(24 * 7)).contains($0) }, "cycle times from \(hours.first ?? 0) to \(hours.last ?? 0) h")
        let median = hours.isEmpty ? 0 : hours[hours.count / 2]
        #expect((24...72).contains(median), "median cycle time \(median) h")
        for transfer in received {
            #expect(transfer.cycleTimeSeconds == (transfer.received!.at.microseconds - transfer.requested.at.microseconds) / 1_000_000)
        }

        try await checkTransferPeople(services, transfers: transfers, summary: summary)
        try await checkExceptions(services, transfers: transfers, counts: counts)
    }

    /// Transfers were requested, approved, shipped and received by the demo's people, each within
    /// their site scope, and their reservations at the source name them.
    private func checkTransferPeople(_ services: AxleServices, transfers: [Transfer], summary: DemoSummary)
        async throws
    {
        let people = try await services.database.read { stores in
            var people: [Principal.ID: Principal] = [:]
            for user in summary.users {
                if let principal = try await stores.principals.find(name: user.name) { people[principal.id] = principal }
            }
            return people
        }
        var outOfScope: [String] = []
        for transfer in transfers {
            let steps: [(Transfer.Step?, Permission, Site.ID)] = [
                (transfer.requested, .requestTransfers, transfer.destinationSiteID),
                (transfer.approvalRequired ? transfer.approved : nil, .approveTransfers, transfer.sourceSiteID),
                (transfer.shipped, .shipTransfers, transfer.sourceSiteID),
                (transfer.received, .receiveTransfers, transfer.destinationSiteID),
            ]
            for (step, permission, site) in steps {
                guard let step else { continue }
                guard let person = people[step.actorID], (try? person.authorize(permission, at: site)) != nil else {
                    outOfScope.append("\(transfer.id) \(permission.rawValue)")
                    continue
                }
            }
            if transfer.approvalRequired, let approved = transfer.approved {
                #expect(approved.actorID != transfer.requested.actorID, "nobody approves their own transfer")
            }
        }
        #expect(outOfScope.isEmpty, "steps taken by someone without the permission there: \(outOfScope.prefix(5))")
        let sample = transfers.prefix(50)
        let reservations = try await services.database.read { stores in
            var reservations: [Reservation] = []
            for transfer in sample {
                if let reservation = try await stores.reservations.find(id: transfer.reservationID) {
                    reservations.append(reservation)
                }
            }
            return reservations
        }
        #expect(reservations.count == sample.count)
        for (transfer, reservation) in zip(sample, reservations) {
            #expect(reservation.demand == Demand(kind: .transfer, reference: transfer.id.description))
            #expect(reservation.siteID == transfer.sourceSiteID)
            let shipped = transfer.state == .shipped || transfer.state == .received
            #expect(reservation.status == (shipped ? .consumed : .open))
        }
    }

    /// Every difference a receipt found is an exception item at the receiving site; most are
    /// resolved by its parts manager, some still wait. The API lists them with their resolution.
    private func checkExceptions(_ services: AxleServices, transfers: [Transfer], counts: [String: Int]) async throws {
        let exceptions = try await services.database.read { stores in
            var exceptions: [TransferException] = []
            var after: String?
            while true {
                let page = try await stores.exceptions.list(site: nil, state: nil, PageRequest(after: after, limit: 500))
                exceptions += page
                guard page.count == 500, let last = page.last else { return exceptions }
                after = last.id.description
            }
        }
        #expect(exceptions.count == counts["exception items"])
        #expect(exceptions.filter { $0.state == .open }.count == counts["open exception items"])
        let byTransfer = Dictionary(uniqueKeysWithValues: transfers.map { ($0.id, $0) })
        let differences = transfers.compactMap(\.receipt).flatMap(\.discrepancies)
        #expect(exceptions.count == differences.count)
        #expect(exceptions.count >= 5, "a few receipts were short, over or damaged")
        for exception in exceptions {
            let receipt = try #require(byTransfer[exception.transferID]?.receipt)
            #expect(receipt.discrepancies.contains(TransferException.Discrepancy(kind: exception.kind,
                                                                                 quantity: exception.quantity)))
            #expect(exception.siteID == byTransfer[exception.transferID]?.destinationSiteID)
            let resolved = exception.state == .resolved
            #expect((exception.resolution != nil, exception.resolutionNote != nil, exception.resolvedAt != nil)
                    == (resolved, resolved, resolved))
            if let resolution = exception.resolution { #expect(resolution.settles(exception.kind)) }
            if let resolvedAt = exception.resolvedAt { #expect(resolvedAt > exception.createdAt) }
        }
        #expect(exceptions.contains { $0.state == .open }, "some exception items still wait")
        #expect(exceptions.filter { $0.state == .resolved }.count > exceptions.count / 2, "most are resolved")
    }

    func checkCounts(_ services: AxleServices, ledger: [Part.ID: [LedgerEntry]], summary: DemoSummary)
        async throws
    {
        let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.entity, $0.count) })
        let sites = try await services.database.read { try await $0.sites.all() }
        var tasks: [CountTask] = []
        for site in sites { tasks += try await allCountTasks(at: site.id, in: services) }
        #expect(tasks.count == counts["count tasks"])

        // A monthly, B quarterly, C yearly: an A position is counted far more often than a C one.
        for site in sites {
            let here = tasks.filter { $0.position.siteID == site.id }
            func perPosition(_ abcClass: ABCClass) -> Double {
                let tasks = here.filter { $0.abcClass == abcClass }
                return Double(tasks.count) / Double(max(Set(tasks.map { "\($0.partID) \($0.position)" }).count, 1))
            }
            #expect(perPosition(.a) >= 8, "\(site.code) counts an A position \(perPosition(.a)) times a year")
            #expect((2.5...6).contains(perPosition(.b)), "\(site.code) counts a B position \(perPosition(.b)) times")
            #expect((0.8...1.5).contains(perPosition(.c)), "\(site.code) counts a C position \(perPosition(.c)) times")
        }
        #expect(tasks.contains { $0.recount != nil }, "some counts were recounted")
        #expect(tasks.contains { $0.state == .posted && $0.decidedBy != nil }, "some were approved by a manager")
        #expect(tasks.contains { $0.state == .rejected })
        // Only each site's last counting morning's tasks wait to be counted (a small site may have none).
        for site in sites {
            let here = tasks.filter { $0.position.siteID == site.id }
            let lastMorning = here.map(\.generatedOn).max()
            #expect(here.filter { $0.state == .open }.allSatisfy { $0.generatedOn == lastMorning }, "\(site.code)")
        }
        #expect(tasks.filter { $0.state == .open }.count >= 10, "tasks wait to be counted when the demo opens")

        // Each count adjustment posted its task's variance.
        let adjustments = ledger.values.joined().map(\.movement).filter { $0.reason == .adjustmentCount }
        #expect(adjustments.count == counts["count adjustments"])
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id.description, $0) })
        let mismatched = try adjustments.filter { movement in
            let variance = try movement.to == nil ? Quantity.zero - movement.quantity : movement.quantity
            let task = byID[movement.document.id]
            return movement.document.type != .count || task?.state != .posted || task?.postedVariance != variance
        }
        #expect(mismatched.isEmpty, "\(mismatched.count) count adjustments without their posted task")

        let inTransit = try await allTransfers(in: services).filter { $0.state == .shipped }.count
        try await checkAccuracyOverHTTP(services, sites: sites, summary: summary, inTransit: inTransit)
    }

    /// The demo administrator asks for each site's inventory accuracy over the history's year,
    /// the exception items and the transfers on the road.
    private func checkAccuracyOverHTTP(_ services: AxleServices, sites: [Site], summary: DemoSummary, inTransit: Int)
        async throws
    {
        let token = try #require(summary.users.first { $0.name == "demo-admin" }).token
        let today = CalendarDate(utcOf: services.dependencies.clock.now())
        let from = try #require(CalendarDate(year: today.year - 1, month: today.month, day: 1))
        var logger = Logger(label: "axle.test.demo")
        logger.logLevel = .warning
        let app = AxleServer.application(services: services, configuration: ServerConfiguration(), logger: logger)
        try await app.test(.router) { client in
            func get(_ uri: String) async throws -> [String: Any] {
                let response = try await client.executeRequest(uri: uri, method: .get,
                                                               headers: [.authorization: "Bearer \(token)"], body: nil)
                #expect(response.status == .ok, "\(uri) → \(response.status)")
                return try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any] ?? [:]
            }
            for site in sites {
                let accuracy = try await get("/api/v1/inventory-accuracy?site=\(site.id)&from=\(from)&until=\(today)")
                let lines = try #require(accuracy["countedLines"] as? Int)
                let percent = try #require((accuracy["accuracyPercent"] as? String).flatMap(Double.init))
                #expect(lines >= 100, "\(site.code) counted \(lines) lines")
                #expect((95...99.5).contains(percent), "\(site.code) inventory accuracy \(percent) %")
            }
            let open = try await get("/api/v1/exceptions?state=open")
            #expect((open["items"] as? [[String: Any]])?.isEmpty == false)
            let resolved = try await get("/api/v1/exceptions?state=resolved&limit=5")
            let items = try #require(resolved["items"] as? [[String: Any]])
            #expect(!items.isEmpty && items.allSatisfy {
                $0["resolution"] is String && $0["resolutionNote"] is String && $0["resolvedBy"] is String
            })
            let shipped = try await get("/api/v1/transfers?state=shipped&limit=200")
            #expect((shipped["items"] as? [Any])?.count == inTransit)
        }
    }

    // MARK: - Reading a whole demo

    private func allTransfers(in services: AxleServices) async throws -> [Transfer] {
        try await services.database.read { stores in
            var transfers: [Transfer] = []
            var after: String?
            while true {
                let page = try await stores.transfers.list(site: nil, state: nil, PageRequest(after: after, limit: 500))
                transfers += page
                guard page.count == 500, let last = page.last else { return transfers.reversed() }
                after = last.id.description
            }
        }
    }

    private func allCountTasks(at site: Site.ID, in services: AxleServices) async throws -> [CountTask] {
        try await services.database.read { stores in
            var tasks: [CountTask] = []
            var after: String?
            while true {
                let page = try await stores.counts.list(site: site, state: nil, PageRequest(after: after, limit: 500))
                tasks += page
                guard page.count == 500, let last = page.last else { return tasks }
                after = last.id.description
            }
        }
    }

    private func stockMatrix(in services: AxleServices) async throws -> [SiteStock] {
        try await services.database.read { stores in
            var matrix: [SiteStock] = []
            var after: (Part.ID, Site.ID)?
            while true {
                let page = try await stores.stock.matrix(after: after, limit: 500)
                matrix += page
                guard let last = page.last else { return matrix }
                after = (last.partID, last.siteID)
            }
        }
    }
}

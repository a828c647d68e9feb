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

/// The demo's twelve months of stock history, as a person who opens the demo would find it.
extension DemoDatasetTests {
    /// Every stocked part's ledger, by part, oldest movement first.
    func stockLedger(in services: AxleServices) async throws -> [Part.ID: [LedgerEntry]] {
        try await services.database.read { stores in
            var parts: [Part.ID] = []
            var after: (Part.ID, Site.ID)?
            while true {
                let page = try await stores.stock.matrix(after: after, limit: 500)
                guard let last = page.last else { break }
                for stock in page where stock.partID != parts.last { parts.append(stock.partID) }
                after = (last.partID, last.siteID)
            }
            var ledger: [Part.ID: [LedgerEntry]] = [:]
            for part in parts {
                var sequence: Int64?
                while true {
                    let page = try await stores.ledger.history(part: part, site: nil,
                                                               PageRequest(after: sequence, limit: 500))
                    ledger[part, default: []] += page
                    guard page.count == 500, let last = page.last else { break }
                    sequence = last.sequence
                }
            }
            return ledger
        }
    }

    func checkStockHistory(_ services: AxleServices, ledger: [Part.ID: [LedgerEntry]], summary: DemoSummary)
        async throws
    {
        #expect(try await services.inventory.verify(as: Caller(principal: .system, requestID: nil)) == [])
        let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.entity, $0.count) })
        let movements = ledger.values.flatMap { $0.map(\.movement) }
        #expect(movements.count == counts["stock movements"])
        let sites = try await services.database.read { try await $0.sites.all() }
        let categories = try await services.database.read { stores in
            try await stores.parts.find(ids: Array(ledger.keys))
        }.reduce(into: [Part.ID: PartCategory]()) { $0[$1.id] = $1.category }

        // The twelve whole months before the clock's month (2025-03 to 2026-02).
        let today = CalendarDate(utcOf: services.dependencies.clock.now())
        let months = (1...12).map { back in
            let index = today.year * 12 + today.month - 1 - back
            return YearMonth(year: index / 12, month: index % 12 + 1)
        }.reversed()
        let monthOf = { (movement: Movement) in
            let date = CalendarDate(utcOf: movement.at)
            return YearMonth(year: date.year, month: date.month)
        }

        for site in sites {
            let active = Set(movements.filter { $0.from?.siteID == site.id || $0.to?.siteID == site.id }.map(monthOf))
            let quiet = months.filter { !active.contains($0) }
            #expect(quiet.isEmpty, "\(site.code) has no movements in \(quiet)")
        }

        // Demand is intermittent: most items have months without any issue, as real car parts do.
        let issues = movements.filter { $0.reason == .issue }
        var issued: [String: Set<YearMonth>] = [:]
        for issue in issues {
            guard let from = issue.from else { continue }
            issued["\(issue.partID) \(from.siteID)", default: []].insert(monthOf(issue))
        }
        let items = Set(movements.compactMap { movement in
            (movement.to ?? movement.from).map { "\(movement.partID) \($0.siteID)" }
        })
        let cells = items.count * months.count
        let busy = items.reduce(0) { total, item in total + months.filter { issued[item]?.contains($0) == true }.count }
        let zeroShare = Double(cells - busy) / Double(cells)
        #expect((0.4...0.9).contains(zeroShare), "\(Int(zeroShare * 100)) % of item-months have no demand")

        // Seasonal categories peak in their season.
        for (category, peak) in [(PartCategory.brakes, [3, 4, 5, 9, 10, 11]), (.tyres, [3, 4, 5, 9, 10, 11]),
                                 (.cooling, [6, 7, 8]), (.electrical, [12, 1, 2])] {
            var perMonth: [YearMonth: Int] = [:]
            for issue in issues where categories[issue.partID] == category { perMonth[monthOf(issue), default: 0] += 1 }
            let inSeason = months.filter { peak.contains($0.month) }.map { Double(perMonth[$0] ?? 0) }
            let offSeason = months.filter { !peak.contains($0.month) }.map { Double(perMonth[$0] ?? 0) }
            let ratio = (inSeason.reduce(0, +) / Double(inSeason.count)) / (offSeason.reduce(0, +) / Double(offSeason.count))
            #expect(ratio > 1.2, "\(category.rawValue) issues in season are \(ratio) × those out of season")
        }

        try await checkAverageCosts(services, ledger: ledger)
    }

    /// Replays each part's ledger the way the use cases value it: a receipt updates the moving
    /// average, every other movement is valued at it and changes only its quantity — by what
    /// enters or leaves the books; a move between positions (a transfer's legs) changes nothing.
    private func checkAverageCosts(_ services: AxleServices, ledger: [Part.ID: [LedgerEntry]]) async throws {
        let stored = try await services.database.read { stores in
            var costs: [Part.ID: AverageCost] = [:]
            for part in ledger.keys { costs[part] = try await stores.stock.averageCost(part: part) }
            return costs
        }
        var wrongCosts: [Part.ID] = [], wrongValues: [Movement.ID] = []
        for (part, entries) in ledger {
            var average: AverageCost?
            for movement in entries.map(\.movement) {
                let signed = try LedgerEntry.netChange(of: movement, at: nil)
                if movement.reason == .receipt {
                    average = try (average ?? AverageCost(unitCost: movement.unitCost, quantity: .zero))
                        .receiving(movement.quantity, at: movement.unitCost)
                } else {
                    if movement.unitCost != average?.unitCost { wrongValues.append(movement.id) }
                    average = try average?.adjusting(by: signed)
                }
            }
            if stored[part] != average { wrongCosts.append(part) }
        }
        #expect(wrongCosts.isEmpty, "\(wrongCosts.count) parts' average costs differ from their ledger's: \(wrongCosts.prefix(5))")
        #expect(wrongValues.isEmpty, "\(wrongValues.count) movements not valued at the average cost: \(wrongValues.prefix(5))")
    }

    /// The demo administrator opens a stocked part's ledger in the API and sees its year.
    func checkLedgerOverHTTP(_ services: AxleServices, ledger: [Part.ID: [LedgerEntry]], summary: DemoSummary)
        async throws
    {
        let token = try #require(summary.users.first { $0.name == "demo-admin" }).token
        let (part, entries) = try #require(ledger.max { ($0.value.count, $0.key.description) < ($1.value.count, $1.key.description) })
        var logger = Logger(label: "axle.test.demo")
        logger.logLevel = .warning
        let app = AxleServer.application(services: services, configuration: ServerConfiguration(), logger: logger)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(
                uri: "/api/v1/stock/ledger?part=\(part)&limit=500", method: .get,
                headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(response.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            let items = try #require(body?["items"] as? [[String: Any]])
            #expect(items.count == min(entries.count, 500))
            let reasons = Set(items.compactMap { ($0["movement"] as? [String: Any])?["reason"] as? String })
            #expect(reasons.isSuperset(of: ["receipt", "issue"]))
        }
    }
}

/// A calendar month.
struct YearMonth: Hashable, CustomStringConvertible {
    let year: Int
    let month: Int

    var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

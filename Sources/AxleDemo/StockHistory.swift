import AxleApplication
import AxleDomain
import AxleStore

/// Twelve months of stock history for the demo dealer group, up to yesterday: opening stock,
/// supplier deliveries, reservations issued to repair, sales and work orders (intermittent,
/// seasonal), backorders served by arriving stock, cancelled reservations, a few found and
/// lost adjustments, transfers between the sites (a few received short, over or damaged, with
/// their exception items, most resolved), and cycle counts by ABC class with their recounts and
/// approvals — so the demo opens on a business that has been running for a year.
///
/// The history is simulated (`StockSimulation`), valued (`HistoryLedger`), then written in
/// bulk: a transaction per group of parts, each with its movements, documents, commitments,
/// average costs and audit records. The history ends the day before the demo is generated and
/// its seasons follow the calendar, so it follows from the seed and that date: two demos
/// generated on the same day hold the same history.
struct StockHistory {
    /// Items (a part at a site) per transaction: bounds memory at large scales. At the default
    /// scale the whole history is one transaction, posted in time order throughout.
    static let itemsPerTransaction = 10_000

    let seed: UInt64
    let audit: AuditContext
    let staff: DemoStaff

    func load(_ assortment: StockAssortment, sites: [Site], bins: [Bin], suppliers: [Supplier],
              into services: AxleServices, ids: inout DemoIdentifiers, counts: inout DemoCounts,
              progress: (String) -> Void) async throws {
        let policies = try await services.database.read { stores in
            var policies: [SiteStockPolicy] = []
            for site in sites { policies.append(try await stores.stock.policy(site: site.id)) }
            return policies
        }
        let historySites = zip(sites, policies).map { site, policy in
            HistorySite(site: site, bins: bins.filter { $0.siteID == site.id },
                        adjustmentThreshold: policy.adjustmentApprovalThreshold,
                        transferThreshold: policy.transferApprovalThreshold)
        }
        let calendar = HistoryCalendar(now: audit.at, timeZone: SiteTemplates.timeZone)
        let suppliers = SupplierBook(suppliers)
        var random = DemoRandom(seed: seed, stream: "stock history")
        let chunks = Self.chunks(assortment.slotted(into: historySites))
        let itemCount = chunks.joined().reduce(0) { $0 + $1.sites.count }
        var done = 0
        for chunk in chunks {
            let size = chunk.reduce(0) { $0 + $1.sites.count }
            progress("stock history from \(calendar.days[0].date): stocked items \(done + 1)–\(done + size) of "
                     + "\(itemCount), with receipts, reservations, issues, adjustments, transfers and counts")
            let simulated = try StockSimulation.run(chunk, sites: historySites, calendar: calendar, suppliers: suppliers,
                                                random: &random)
            let rows = try HistoryLedger.rows(of: simulated, sites: historySites, staff: staff, ids: &ids)
            // The audit snapshots are encoded while the rows are written.
            let records = Task { [audit] in try await rows.audit.encoded(for: audit) }
            do {
                try await write(rows, audit: records, into: services)
            } catch {
                records.cancel()
                throw error
            }
            counts.add(rows, items: size)
            done += size
        }
    }

    /// Consecutive parts, at most `itemsPerTransaction` items a group (a part is never split:
    /// its sites share its average cost and transfer its stock). A site's ABC classes for cycle
    /// counting are drawn up within a group: at the default scale, over all of its items.
    private static func chunks(_ parts: [StockedPart]) -> [[StockedPart]] {
        var chunks: [[StockedPart]] = []
        var current: [StockedPart] = []
        var items = 0
        for part in parts {
            if items + part.sites.count > itemsPerTransaction, !current.isEmpty {
                chunks.append(current)
                current = []
                items = 0
            }
            current.append(part)
            items += part.sites.count
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// One transaction: documents, then the movements that refer to them, then what the
    /// movements imply (commitments, average costs), then the audit records.
    private func write(_ rows: HistoryRows, audit records: Task<[AuditEntry], any Error>,
                       into services: AxleServices) async throws {
        try await services.database.write { stores in
            try await stores.reservations.insert(contentsOf: rows.reservations)
            for transfer in rows.transfers { try await stores.transfers.insert(transfer) }
            try await stores.exceptions.insert(rows.exceptions)
            try await stores.counts.insert(rows.countTasks)
            try await stores.ledger.postInBulk(rows.movements)
            for adjustment in rows.adjustments { try await stores.adjustments.insert(adjustment) }
            for commitment in rows.commitments {
                try await stores.stock.commit(part: commitment.part, site: commitment.site,
                                              reserved: commitment.reserved, backordered: commitment.backordered)
            }
            for (part, cost) in rows.costs { try await stores.stock.save(cost, part: part) }
            try await stores.audit.append(try await records.value)
        }
    }
}

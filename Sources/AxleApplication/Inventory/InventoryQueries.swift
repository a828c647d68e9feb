public import AxleDomain
public import AxleStore

/// Read-only questions about stock: levels, the ledger, reservations, value, ATP, soundness.
public struct InventoryQueries: Sendable {
    let runner: QueryRunner

    public init(dependencies: Dependencies) {
        self.runner = QueryRunner(dependencies: dependencies)
    }

    /// A part's stock at one site, with its positions.
    public struct SiteStockDetail: Sendable, Encodable {
        public let stock: SiteStock
        public let available: Quantity
        public let onHand: Quantity
        public let balances: [StockBalance]
        public let value: Money
    }

    public func stock(part: Part.ID, site: Site.ID?, as caller: Caller) async throws -> [SiteStockDetail] {
        try await runner.read(.readStock, as: caller) { stores in
            let part = try await CatalogLookup.part(part, in: stores)
            let unitCost = try await StockRules.unitCost(of: part, in: stores)
            let totals: [SiteStock]
            if let site {
                _ = try await CatalogLookup.site(site, in: stores)
                totals = [try await stores.stock.siteStock(part: part.id, site: site, forUpdate: false)]
            } else {
                totals = try await stores.stock.siteStock(part: part.id)
            }
            var details: [SiteStockDetail] = []
            for stock in totals {
                details.append(SiteStockDetail(
                    stock: stock, available: try stock.available, onHand: try stock.onHand,
                    balances: try await stores.stock.balances(part: part.id, site: stock.siteID),
                    value: try unitCost.times(stock.onHand)))
            }
            return details
        }
    }

    public func ledger(part: Part.ID, site: Site.ID?, _ page: PageRequest<Int64>, as caller: Caller) async throws
        -> [LedgerEntry]
    {
        try await runner.read(.readStock, as: caller) { stores in
            _ = try await CatalogLookup.part(part, in: stores)
            return try await stores.ledger.history(part: part, site: site, page)
        }
    }

    public func reservations(part: Part.ID, site: Site.ID?, openOnly: Bool, _ page: PageRequest<String>,
                             as caller: Caller) async throws -> [Reservation] {
        try await runner.read(.readStock, as: caller) { stores in
            try await stores.reservations.list(part: part, site: site, openOnly: openOnly, page)
        }
    }

    public func reservation(_ id: Reservation.ID, as caller: Caller) async throws -> Reservation {
        try await runner.read(.readStock, as: caller) { stores in
            guard let reservation = try await stores.reservations.find(id: id) else {
                throw InventoryError.reservationNotFound(id.description)
            }
            return reservation
        }
    }

    public func pendingAdjustments(site: Site.ID?, _ page: PageRequest<String>, as caller: Caller) async throws
        -> [Adjustment]
    {
        try await runner.read(.readStock, as: caller) { try await $0.adjustments.pending(site: site, page) }
    }

    /// Stock value by site and status at the current moving-average cost. Sums over any number
    /// of parts are 128-bit totals, so no stored stock can make this report fail.
    public struct SiteValue: Sendable, Encodable {
        public let site: Site
        public let byStatus: [String: MoneyTotal]
        public let total: MoneyTotal
    }

    public func value(as caller: Caller) async throws -> [SiteValue] {
        try await runner.read(.readStock, as: caller) { stores in
            let currency = try await stores.company.get().currency
            var bySite: [Site.ID: [StockStatus: MoneyTotal]] = [:]
            for (stock, averageCost) in try await stores.stock.valuation() {
                let unitCost = averageCost ?? .zero(currency)
                for status in StockStatus.allCases where stock.quantity(in: status) != .zero {
                    bySite[stock.siteID, default: [:]][status, default: MoneyTotal(currency)]
                        .add(stock.quantity(in: status), at: unitCost)
                }
            }
            return try await stores.sites.all().map { site in
                let byStatus = bySite[site.id] ?? [:]
                var total = MoneyTotal(currency)
                for value in byStatus.values { total.add(value) }
                return SiteValue(site: site, byStatus: Dictionary(uniqueKeysWithValues: byStatus.map { ($0.rawValue, $1) }),
                                 total: total)
            }
        }
    }

    /// ATP of a part at a site, by day from today (the site's business date) through `date`. A
    /// superseded number counts every number whose stock may serve it (`SupersessionGraph.supply`).
    public func availableToPromise(part: Part.ID, site: Site.ID, through date: CalendarDate?, as caller: Caller)
        async throws -> AvailableToPromise
    {
        let now = runner.now
        return try await runner.read(.readStock, as: caller) { stores in
            let requested = try await CatalogLookup.part(part, in: stores)
            let at = try await CatalogLookup.site(site, in: stores)
            let today = try BusinessDate.at(at, on: now)
            var available = Quantity.zero, backordered = Quantity.zero
            var inbound: [AvailableToPromise.Inbound] = []
            for number in try await PartSupply.parts(for: requested, at: at, now: now, in: stores) {
                let stock = try await stores.stock.siteStock(part: number.id, site: site, forUpdate: false)
                available = try available + stock.available
                backordered = try backordered + stock.backordered
                inbound += try await stores.inbound.expected(part: number.id, site: site)
            }
            return try AvailableToPromise(available: available, backordered: backordered, inbound: inbound,
                                      from: today, through: max(date ?? today, today))
        }
    }

    /// The ledger's soundness: every problem found, in words.
    public func verify(as caller: Caller) async throws -> [String] {
        try await runner.read(.readStock, as: caller) { try await $0.ledger.verify() }
    }
}

import AxleDomain
import AxleStore

/// Checks and lookups shared by the stock use cases.
enum StockRules {
    static func positive(_ quantity: Quantity, field: String = "quantity") throws -> Quantity {
        guard quantity.isPositive else { throw InventoryError.quantityMustBePositive(field: field) }
        return quantity
    }

    /// The bin, which must belong to the site.
    static func bin(_ id: Bin.ID, at site: Site, in stores: any StoreTransaction, field: String = "binId") async throws -> Bin {
        guard let bin = try await stores.bins.find(id: id) else {
            throw ValidationError(field: field, reason: "no bin \(id)")
        }
        guard bin.siteID == site.id else { throw InventoryError.binNotAtSite(bin: bin.code.rawValue, site: site.code) }
        return bin
    }

    /// The lot to record: required for lot- and serial-controlled parts, ignored otherwise.
    static func lot(_ lot: String?, for part: Part) throws -> String? {
        guard part.tracking != .none else { return nil }
        guard let lot = try Validate.optionalText(lot, field: "lot", maximumLength: 60) else {
            throw InventoryError.lotRequired(part.number)
        }
        return lot
    }

    /// Posts movements, refusing them when a site they reach would hold more of the part than
    /// Axle accepts: bounded stock keeps every value computed from it within 64 bits. (Stock
    /// leaving a site is never refused for this, so a site beyond the limits can be emptied.)
    /// Returns the totals of every part at every site touched, after posting.
    @discardableResult
    static func post(_ movements: [Movement], in stores: any StoreTransaction) async throws -> [SiteStock] {
        let totals = try await stores.ledger.post(movements)
        for stock in totals where movements.contains(where: { $0.partID == stock.partID && $0.to?.siteID == stock.siteID }) {
            try checkLimits(stock)
        }
        return totals
    }

    /// Throws when a site's stock or open demand of a part is beyond `Quantity.maximum`.
    static func checkLimits(_ stock: SiteStock) throws {
        let limit = Quantity.maximum
        guard try stock.onHand.isWithinLimit else { throw InventoryError.siteStockLimit(what: "stock on hand", limit: limit) }
        guard stock.inTransit.isWithinLimit else { throw InventoryError.siteStockLimit(what: "stock in transit", limit: limit) }
        guard stock.backordered.isWithinLimit else { throw InventoryError.siteStockLimit(what: "backorders", limit: limit) }
    }

    /// What one unit is worth now: the moving average, or the catalogue cost before any receipt.
    static func unitCost(of part: Part, in stores: any StoreTransaction) async throws -> Money {
        try await stores.stock.averageCost(part: part.id)?.unitCost ?? part.cost
    }

    /// Throws unless `quantity` can leave the position without going negative (where not allowed)
    /// and, for unrestricted stock, without touching what is reserved.
    static func checkRemovable(_ quantity: Quantity, of part: Part, from position: StockPosition,
                               in stores: any StoreTransaction) async throws {
        let policy = try await stores.stock.policy(site: position.siteID)
        let balances = try await stores.stock.balances(part: part.id, site: position.siteID)
        let inPosition = balances.first { $0.position == position }?.quantity ?? .zero
        if !policy.allowsNegativeStock, inPosition < quantity {
            throw InventoryError.insufficientStock(available: inPosition, requested: quantity)
        }
        if position.status == .unrestricted {
            let totals = try await stores.stock.siteStock(part: part.id, site: position.siteID, forUpdate: true)
            guard try totals.available >= quantity else {
                throw InventoryError.insufficientAvailable(available: try totals.available, requested: quantity)
            }
        }
    }
}

public import AxleDomain
import AxleStore

/// The reports an accountant takes away as CSV: the stock matrix valued today, and the ledger
/// of a period. Both show only the sites the caller reads stock at.
public enum AccountingReport: String, ClosedSet {
    case stockMatrix, ledger

    public static let stockMatrixColumns = [
        "site", "part", "unrestricted", "qualityHold", "damaged", "blocked", "inTransit", "reserved",
        "backordered", "available", "onHand", "unitCost", "value",
    ]
    public static let ledgerColumns = [
        "sequence", "at", "part", "reason", "documentType", "documentId", "fromSite", "fromBin", "fromStatus",
        "toSite", "toBin", "toStatus", "quantity", "unitCost", "value",
    ]
}

extension ExportService {
    /// Every part × site with stock or commitments, by site then part, valued at the part's
    /// moving-average cost (the catalogue cost before any receipt).
    public func stockMatrix(as caller: Caller) async throws -> String {
        let principal = caller.principal
        try principal.authorize(.readStock)
        let rows = try await dependencies.database.read { stores in
            let catalogue = CatalogueExport(stores: stores)
            let sites = try await AccountingScope(catalogue: catalogue, principal: principal)
            let parts = Dictionary(uniqueKeysWithValues: try await catalogue.allParts().map { ($0.id, $0) })
            var rows: [[String]] = []
            for stock in try await Pages.all(key: { ($0.partID, $0.siteID) }, { page in
                try await stores.stock.matrix(after: page.after, limit: page.limit)
            }) {
                guard let site = sites.code(of: stock.siteID), let part = parts[stock.partID] else { continue }
                let unitCost = try await StockRules.unitCost(of: part, in: stores)
                let onHand = try stock.onHand
                rows.append([
                    site, part.number.rawValue, stock.unrestricted.description, stock.qualityHold.description,
                    stock.damaged.description, stock.blocked.description, stock.inTransit.description,
                    stock.reserved.description, stock.backordered.description, try stock.available.description,
                    onHand.description, unitCost.amountText, try unitCost.times(onHand).amountText,
                ])
            }
            return rows.sorted { $0.lexicographicallyPrecedes($1) }
        }
        return try CSVText.render([AccountingReport.stockMatrixColumns] + rows)
    }

    /// The movements posted from `from` (included) to `to` (excluded) that touch a site the
    /// caller reads, in posting order, with their value.
    public func ledger(from: Instant, to: Instant, as caller: Caller) async throws -> String {
        let principal = caller.principal
        try principal.authorize(.readStock)
        guard from < to else { throw ValidationError(field: "to", reason: "must be after from") }
        let rows = try await dependencies.database.read { stores in
            let catalogue = CatalogueExport(stores: stores)
            let sites = try await AccountingScope(catalogue: catalogue, principal: principal)
            let numbers = CatalogueExport.numbers(try await catalogue.allParts())
            var rows: [[String]] = []
            for posted in try await Pages.all(key: \.sequence, { page in
                try await stores.ledger.movements(from: from, to: to, page)
            }) {
                let movement = posted.movement
                guard [movement.from, movement.to].contains(where: { $0.map { sites.code(of: $0.siteID) != nil } ?? false })
                else { continue }
                rows.append([
                    String(posted.sequence), movement.at.description, numbers[movement.partID] ?? movement.partID.description,
                    movement.reason.rawValue, movement.document.type.rawValue, movement.document.id,
                ] + sites.columns(of: movement.from) + sites.columns(of: movement.to) + [
                    movement.quantity.description, movement.unitCost.amountText, movement.value.amountText,
                ])
            }
            return rows
        }
        return try CSVText.render([AccountingReport.ledgerColumns] + rows)
    }
}

/// The sites a caller reads stock at, and every site's and bin's code for a report's columns.
private struct AccountingScope {
    private var readable: Set<Site.ID> = []
    private var siteCodes: [Site.ID: String] = [:]
    private var binCodes: [Bin.ID: String] = [:]

    init(catalogue: CatalogueExport, principal: Principal) async throws {
        for site in try await catalogue.allSites() {
            siteCodes[site.id] = site.code.rawValue
            for bin in try await catalogue.bins(of: site) { binCodes[bin.id] = bin.code.rawValue }
            if principal.coversAllSites || principal.sites.contains(site.id) { readable.insert(site.id) }
        }
    }

    /// The site's code when the caller reads stock there.
    func code(of site: Site.ID) -> String? { readable.contains(site) ? siteCodes[site] : nil }

    /// Site, bin and status of one side of a movement; empty where stock entered or left the company.
    func columns(of position: StockPosition?) -> [String] {
        guard let position else { return ["", "", ""] }
        return [siteCodes[position.siteID] ?? position.siteID.description,
                position.binID.map { binCodes[$0] ?? $0.description } ?? "", position.status.rawValue]
    }
}

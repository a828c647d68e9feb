import AxleDomain
import AxleStore
import SQLKit

/// How a stock position is stored: `''` for no bin, no lot and own stock, so keys compare equal.
struct PositionKey: Hashable {
    let siteID: String
    let bin: String
    let status: String
    let lot: String
    let owner: String

    init(_ position: StockPosition) {
        siteID = position.siteID.description
        bin = position.binID?.description ?? ""
        status = position.status.rawValue
        lot = position.lot ?? ""
        owner = position.consignor?.description ?? ""
    }

    /// Reads a position from columns named `prefix` + `site_id`, `bin_key`…; nil when the site is NULL.
    static func position(_ row: any SQLRow, prefix: String = "") throws -> StockPosition? {
        guard let site = try row.value(prefix + "site_id", as: String?.self) else { return nil }
        guard let siteID = Site.ID(site) else { throw StoreError.corruptValue(column: prefix + "site_id", value: site) }
        let bin: String = try row.value(prefix + "bin_key")
        let lot: String = try row.value(prefix + "lot_key")
        let owner: String = try row.value(prefix + "owner_key")
        return StockPosition(siteID: siteID, binID: bin.isEmpty ? nil : Bin.ID(bin),
                             status: try row.enumeration(prefix + "status"), lot: lot.isEmpty ? nil : lot,
                             consignor: owner.isEmpty ? nil : Supplier.ID(owner))
    }
}

extension StockStatus {
    /// The `site_stock` column that totals this status.
    var totalColumn: String {
        switch self {
        case .unrestricted: "unrestricted_milli"
        case .qualityHold: "quality_hold_milli"
        case .damaged: "damaged_milli"
        case .blocked: "blocked_milli"
        case .inTransit: "in_transit_milli"
        }
    }
}

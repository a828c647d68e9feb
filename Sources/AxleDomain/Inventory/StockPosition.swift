/// Where a quantity of a part sits: site, bin, status, and for traced or consigned stock
/// its lot and owner. A ledger movement goes from one position to another.
public struct StockPosition: Hashable, Sendable, Codable {
    public let siteID: Site.ID
    /// nil for stock in transit, which has no bin yet.
    public let binID: Bin.ID?
    public let status: StockStatus
    /// Lot or serial number of lot- or serial-controlled parts.
    public let lot: String?
    /// The supplier that owns consigned stock; nil for own stock.
    public let consignor: Supplier.ID?

    public init(siteID: Site.ID, binID: Bin.ID?, status: StockStatus, lot: String? = nil,
                consignor: Supplier.ID? = nil) {
        self.siteID = siteID
        self.binID = binID
        self.status = status
        self.lot = lot
        self.consignor = consignor
    }

    public var ownership: Ownership { consignor == nil ? .own : .consigned }

    /// The same stock in another status (and possibly another bin).
    public func with(status: StockStatus, binID: Bin.ID?) -> StockPosition {
        StockPosition(siteID: siteID, binID: binID, status: status, lot: lot, consignor: consignor)
    }
}

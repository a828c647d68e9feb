import AxleDomain

/// What the stock history needs to know of a catalogue part: kept for the parts some site
/// stocks, so that a large catalogue is not held in memory until the history is written.
struct StockPart: Sendable {
    let id: Part.ID
    let category: PartCategory
    let unit: UnitOfMeasure
    /// Catalogue cost: receipts are priced from it, and it is the unit cost before any receipt.
    let cost: Money
    /// The smallest pack the part is bought in (a box of 10 filters), in thousandths; one unit
    /// when it has none.
    let packMilli: Int64
    let tracking: Tracking
    /// Set when the part is a make's own genuine part: "Ford" for Motorcraft.
    let genuineMake: String?
    /// Makes the part fits; empty for universal parts (fluids, bulbs, batteries).
    let makes: Set<String>

    init(_ part: Part, makes: Set<String>) {
        id = part.id
        category = part.category
        unit = part.unit
        cost = part.cost
        packMilli = part.packs.map(\.quantity.milli).min() ?? Quantity.scale
        tracking = part.tracking
        genuineMake = Self.makeByGenuineBrand[part.brand]
        self.makes = makes
    }

    /// Whether a site may hold the part: it is sold today, and not serial-numbered (serials
    /// are received one by one, which the history does not model).
    static func isStockable(_ part: Part) -> Bool {
        part.lifecycle == .active && part.tracking != .serial
    }

    private static let makeByGenuineBrand = Dictionary(
        uniqueKeysWithValues: PartBrands.genuineByMake.map { ($0.value.brand, $0.key) })
}

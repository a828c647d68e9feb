public import AxleDomain
import AxleStore

/// A repair order as the API shows it: the order, its estimate totals at the site's rates
/// and, after a change that reserved parts, what could not be covered.
public struct RepairOrderView: Sendable, Encodable {
    public let order: RepairOrder
    public let totals: Totals
    public let shortages: [PartShortage]

    static func make(_ order: RepairOrder, shortages: [PartShortage] = [], in stores: any StoreTransaction)
        async throws -> RepairOrderView
    {
        let site = try await CatalogLookup.site(order.siteID, in: stores)
        let settings = try await ServiceLookup.settings(site, in: stores)
        return RepairOrderView(order: order, totals: try order.totals(laborRate: settings.laborRate, taxRate: settings.taxRate),
                               shortages: shortages)
    }

    private enum CodingKeys: String, CodingKey { case totals, shortages, allowedEvents }

    public func encode(to encoder: any Encoder) throws {
        try order.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totals, forKey: .totals)
        try container.encode(shortages, forKey: .shortages)
        try container.encode(order.status.allowedEvents, forKey: .allowedEvents)
    }
}

import AxleDomain

/// A site as the stock history sees it: its bins, its approval thresholds, and its working week.
struct HistorySite: Sendable {
    let site: Site
    let bins: [Bin]
    /// Adjustments worth more than this wait for a manager's approval (the site's stock policy).
    let adjustmentThreshold: Money
    /// Transfers from the site worth more than this wait for a manager's approval.
    let transferThreshold: Money
    /// Demand on each weekday, Monday first, relative to a full working day; 0 when closed.
    let weekdays: [Double]

    init(site: Site, bins: [Bin], adjustmentThreshold: Money, transferThreshold: Money) {
        self.site = site
        self.bins = bins
        self.adjustmentThreshold = adjustmentThreshold
        self.transferThreshold = transferThreshold
        weekdays = switch site.kind {
        case .dealership: [1, 1, 1, 1, 1, 0.5, 0]
        case .workshop: [1, 1, 1, 1, 1, 0.6, 0]
        case .mobileVan: [1, 1, 1, 1, 1, 0.3, 0]
        case .distributionCenter, .branch, .plant: [1, 1, 1, 1, 1, 0, 0]
        }
    }

    /// Opening hours in seconds after midnight: 7:30–17:30 on weekdays, 8:00–13:00 on Saturdays.
    static func hours(weekday: Int) -> ClosedRange<Int> {
        weekday == 6 ? 28_800...46_800 : 27_000...63_000
    }

    /// Suppliers deliver on weekdays only.
    static func isDeliveryDay(_ weekday: Int) -> Bool { weekday <= 5 }
}

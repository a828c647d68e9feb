import AxleDomain

/// Who asks for stock at each kind of site, how urgently, and how soon the stock is issued.
///
/// A dealership's service department reserves parts for repair orders and its counter sells
/// to customers; the workshop works on repair orders; the van on mobile work orders; the
/// distribution center ships trade customers' orders.
enum DemandSources {
    struct Draw {
        let kind: Demand.Kind
        let priority: PriorityClass
        /// Days from the demand to its need-by date.
        let needByDays: Int
    }

    static func draw(at site: Site.Kind, using random: inout DemoRandom) -> Draw {
        let kind: Demand.Kind = switch site {
        case .dealership: random.chance(0.75) ? .repairOrder : .customerOrder
        case .workshop: .repairOrder
        case .mobileVan: .workOrder
        case .distributionCenter, .branch, .plant: .customerOrder
        }
        let priority = priorities(kind).draw(using: &random)
        let needByDays = priority == .scheduledService ? random.int(in: 0...3) : 0
        return Draw(kind: kind, priority: priority, needByDays: needByDays)
    }

    /// Seconds from a reservation being covered to its stock being issued: a counter sale
    /// leaves within the hour, a repair order's parts go to the bay within a few hours.
    static func issueDelay(of kind: Demand.Kind, using random: inout DemoRandom) -> Int {
        switch kind {
        case .customerOrder: random.int(in: 180...2_700)
        case .repairOrder, .appointment: random.int(in: 1_200...14_400)
        case .workOrder, .transfer, .other: random.int(in: 600...5_400)
        }
    }

    /// A counter customer who cannot have the part today often buys elsewhere; work on a
    /// vehicle waits for it.
    static func waitsWhenShort(_ kind: Demand.Kind, using random: inout DemoRandom) -> Bool {
        kind == .customerOrder ? random.chance(0.5) : true
    }

    /// The demand's document number: repair, sales and work orders are numbered per site by
    /// day, and parts of one order share its number, as lines of one repair order do.
    static func reference(_ kind: Demand.Kind, site: Int, day: Int, using random: inout DemoRandom) -> String {
        let perDay = kind == .customerOrder ? 120 : 40
        let number = 100_000 * (site + 1) + day * perDay + random.int(in: 0...(perDay - 1))
        let prefix = switch kind {
        case .repairOrder: "RO"
        case .appointment: "APT"
        case .customerOrder: "SO"
        case .workOrder: "WO"
        case .transfer: "TR"
        case .other: "REQ"
        }
        return "\(prefix)-\(number)"
    }

    private static func priorities(_ kind: Demand.Kind) -> Weighted<PriorityClass> {
        switch kind {
        case .repairOrder, .appointment: repairOrderPriorities
        case .customerOrder: customerOrderPriorities
        case .workOrder, .transfer, .other: workOrderPriorities
        }
    }

    private static let repairOrderPriorities = Weighted<PriorityClass>([
        (.vehicleOffRoad, 10), (.customerWaiting, 25), (.scheduledService, 65),
    ])
    private static let customerOrderPriorities = Weighted<PriorityClass>([
        (.customerWaiting, 70), (.scheduledService, 30),
    ])
    private static let workOrderPriorities = Weighted<PriorityClass>([
        (.customerWaiting, 50), (.scheduledService, 50),
    ])
}

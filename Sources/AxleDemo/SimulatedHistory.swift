import AxleDomain

/// What the simulation of a group of parts produced, before identifiers and costs: documents
/// (receipts, reservations, adjustments, transfers, count tasks) and the timeline of what
/// happened to them.
///
/// Quantities are thousandths of the part's unit, times microseconds since the epoch.
struct SimulatedHistory {
    /// One part at one site.
    struct Item {
        let part: Int
        let site: Int
        let bin: Bin.ID
        /// Final commitments, for the site totals.
        var reserved: Int64 = 0
        var backordered: Int64 = 0
    }

    struct Receipt {
        let item: Int
        let quantity: Int64
        let lot: String?
        let unitCost: Money
        let at: Int64
        /// What the receipt was: "opening stock", "delivery from NAPA".
        let note: String
    }

    struct Reservation {
        enum Action { case create, allocate, consume, release }

        let item: Int
        let demand: Demand
        let priority: PriorityClass
        let needBy: CalendarDate
        let requested: Int64
        let createdAt: Int64
        /// As it was created.
        let createdReserved: Int64
        let createdBackordered: Int64
        var reserved: Int64
        var backordered: Int64
        var consumed: Int64 = 0
        var status: ReservationStatus = .open
        var updatedAt: Int64
        /// The last thing that happened to it, which its audit record tells.
        var lastAction: Action = .create
        /// The transfer whose stock it holds at the source; its demand then names that transfer.
        let transfer: Int?

        init(item: Int, demand: Demand, priority: PriorityClass, needBy: CalendarDate, requested: Int64,
             reserved: Int64, at: Int64, transfer: Int? = nil) {
            self.item = item
            self.transfer = transfer
            self.demand = demand
            self.priority = priority
            self.needBy = needBy
            self.requested = requested
            createdAt = at
            createdReserved = reserved
            createdBackordered = requested - reserved
            self.reserved = reserved
            backordered = requested - reserved
            updatedAt = at
        }
    }

    struct Adjustment {
        let item: Int
        /// Positive when found, negative when lost.
        let delta: Int64
        let lot: String?
        let at: Int64
        /// Worth more than the site's threshold: waits for a manager, without a movement yet.
        let pending: Bool
        let note: String

        var reason: AxleDomain.Adjustment.Reason { delta > 0 ? .found : .lost }
    }

    /// Stock leaving one lot (nil for parts without lots).
    struct Take {
        let lot: String?
        let quantity: Int64
    }

    /// Who took a step of a count: the counter (first count or recount) or the approving manager.
    enum CountStep {
        case count, recount, decision
    }

    enum Event {
        case receipt(Int)
        /// A reservation is made: its identifier is drawn now, so identifiers follow time.
        case reserve(Int)
        case issue(reservation: Int, takes: [Take])
        case adjustment(Int)
        /// A transfer is requested and its stock reserved at the source.
        case transferRequest(Int)
        case transferShip(Int)
        case transferReceive(Int)
        /// A count task is generated.
        case countCreate(Int)
        /// A count posts a variance (never zero) as a count adjustment.
        case countPost(Int, variance: Int64, step: CountStep)
    }

    struct TimedEvent {
        let at: Int64
        let part: Int
        /// Order of events of one part at the same moment, as the simulation saw them.
        let serial: Int
        let event: Event
    }

    let parts: [StockPart]
    var items: [Item] = []
    var receipts: [Receipt] = []
    var reservations: [Reservation] = []
    var adjustments: [Adjustment] = []
    var transfers: [Transfer] = []
    var counts: [Count] = []
    var events: [TimedEvent] = []

    init(parts: [StockPart]) {
        self.parts = parts
    }

    /// Events in time order; events of one part at one moment keep their order.
    var timeline: [TimedEvent] {
        events.sorted { ($0.at, $0.part, $0.serial) < ($1.at, $1.part, $1.serial) }
    }
}

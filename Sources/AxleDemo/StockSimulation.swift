import AxleDomain
import Foundation

/// Runs a group of stocked parts through the history's days, the way the use cases would have:
/// demand arrives and is reserved (or backordered, or lost at the counter), reserved stock is
/// issued a little later, receipts arrive after the supplier's lead time and serve backorders
/// first, and now and then a part is found or lost. Each evening an item at its reorder point
/// is replenished from the nearest site with surplus stock of the part by transfer, or else
/// from its supplier (`StockSimulation+Transfers`); each morning the items due by their ABC
/// class are cycle counted (`StockSimulation+Counts`).
///
/// Each item (a part at a site) keeps its own stock, so the rules hold at every moment:
/// nothing is reserved beyond unrestricted stock, nothing issued that is not reserved, nothing
/// lost that is committed. Quantities are thousandths of the part's unit, times microseconds.
///
/// The day loop runs all sites of one part together: every item lives through a day, then
/// every item that changed is reviewed that evening, when the other sites' stock of the part
/// is known as of the same evening.
struct StockSimulation {
    struct Plan {
        let demand: ItemDemand
        let replenishment: Replenishment
    }

    struct State {
        /// Unrestricted stock by lot, oldest lot first.
        var lots: [(lot: String?, quantity: Int64)] = []
        var unrestricted: Int64 = 0
        var reserved: Int64 = 0
        var backordered: Int64 = 0
        var onOrder: [(arrival: Int, quantity: Int64)] = []
        /// Reservations still waiting for part of their stock.
        var waiting: [Int] = []
        /// Covered reservations and when their stock is issued.
        var due: [(at: Int64, reservation: Int)] = []
        /// Requested or shipped transfers to the item, not received yet.
        var inbound: Int64 = 0
        /// Steps of transfers and counts due on later days.
        var scheduled: [(at: Int64, day: Int, action: Action)] = []
        /// Lots (`""` for none) with a count task still waiting for a recount or a decision.
        var activeCounts: Set<String> = []
    }

    /// A price a supplier raised during the year, from a day on.
    private struct PriceChange {
        let day: Int
        let permille: Int64
    }

    enum Action {
        case arrival(Int64)
        case demand
        case adjustment
        case ship(transfer: Int)
        case receive(transfer: Int)
        /// The morning's count tasks of the item: generated at `generatedAt`, then counted.
        case count(generatedAt: Int64)
        case recount(Int)
        case decideCount(Int)
    }

    var random: DemoRandom
    let calendar: HistoryCalendar
    let sites: [HistorySite]
    var history: SimulatedHistory
    var plans: [Plan] = []
    var states: [State] = []
    private var serial = 0
    private var actions: [(at: Int64, action: Action)] = []

    // Flat tables for the daily loop, which runs for every item on every day: most days nothing
    // happens to an item, and finding that out must cost next to nothing.
    /// Each site's working weight on each day: `[site * days + day]`.
    let weights: [Double]
    /// Each day's month, 0 for January.
    private let months: [Int]
    /// Each item's site.
    var itemSites: [Int] = []
    /// Each item's expected demands per full working day in each month: `[item * 12 + month]`.
    private var rates: [Double] = []
    /// The day the item's next order arrives; `Int.max` when nothing is on order.
    private var nextArrivals: [Int] = []
    /// Whether the item has covered reservations waiting to be issued.
    private var issuesDue: [Bool] = []
    /// Whether the item's stock position changed since its last review.
    var changed: [Bool] = []
    /// The next day with a scheduled step for the item; `Int.max` when none.
    var nextScheduled: [Int] = []
    /// The day of the item's next cycle count; `Int.max` when none falls in the history.
    var nextCounts: [Int] = []
    /// Each item's count rule (interval and tolerance of its ABC class) and class.
    var countRules: [CountPolicy.Rule] = []
    /// Other sites by distance from each site, nearest first: where a transfer may come from.
    let sources: [[Int]]

    /// Chance that an item has a found or lost adjustment on a given working day: about one a
    /// year in sixty items.
    private static let adjustmentChance = 1.0 / (60 * 290)
    /// Chance that a covered reservation is released instead of issued (the customer cancelled).
    private static let releaseChance = 0.03
    /// Chance that a delivery comes late, by one to five days.
    private static let lateChance = 0.1

    static func run(_ parts: [StockedPart], sites: [HistorySite], calendar: HistoryCalendar, suppliers: SupplierBook,
                    random: inout DemoRandom) throws -> SimulatedHistory {
        var simulation = try StockSimulation(parts: parts, sites: sites, calendar: calendar, suppliers: suppliers,
                                         random: random)
        try simulation.run(parts)
        random = simulation.random
        return simulation.history
    }

    private init(parts: [StockedPart], sites: [HistorySite], calendar: HistoryCalendar, suppliers: SupplierBook,
                 random: DemoRandom) throws {
        self.random = random
        self.calendar = calendar
        self.sites = sites
        weights = sites.flatMap { site in calendar.days.map { site.weekdays[$0.weekday - 1] } }
        months = calendar.days.map { $0.date.month - 1 }
        sources = Self.sources(sites)
        history = SimulatedHistory(parts: parts.map(\.part))
        for (partIndex, stocked) in parts.enumerated() {
            let seasons = DemandSeasons.factors(for: stocked.part.category)
            for (siteIndex, bin) in zip(stocked.sites, stocked.bins) {
                let kind = sites[siteIndex].site.kind
                let demand = ItemDemand.draw(for: stocked.part, at: kind, using: &self.random)
                let replenishment = Replenishment.plan(for: stocked.part, demand: demand, at: kind,
                                                       suppliers: suppliers, using: &self.random)
                history.items.append(SimulatedHistory.Item(part: partIndex, site: siteIndex, bin: bin))
                plans.append(Plan(demand: demand, replenishment: replenishment))
                states.append(State())
                itemSites.append(siteIndex)
                rates += seasons.map { demand.perMonth * $0 / Replenishment.workingDaysPerMonth }
                nextArrivals.append(Int.max)
                issuesDue.append(false)
                changed.append(true)
                nextScheduled.append(Int.max)
            }
        }
        try scheduleCounts()
    }

    private mutating func run(_ parts: [StockedPart]) throws {
        var first = 0
        for partIndex in parts.indices {
            let items = first..<(first + parts[partIndex].sites.count)
            first = items.upperBound
            let price = priceChange()
            for item in items { open(item, price: price) }
            for day in calendar.days.indices {
                for item in items { try simulate(item, day: day, price: price) }
                // Only a changed position can have fallen to the reorder point: a review that
                // orders lifts it above.
                for item in items where changed[item] && weight(item, day: day) > 0 {
                    review(item, day: day, among: items)
                }
            }
        }
        for item in history.items.indices {
            history.items[item].reserved = states[item].reserved
            history.items[item].backordered = states[item].backordered
        }
    }

    /// About a third of parts get a supplier price increase of 2–6 % at some point in the year.
    private mutating func priceChange() -> PriceChange? {
        guard random.chance(0.35) else { return nil }
        return PriceChange(day: random.int(in: 30...max(30, calendar.days.count - 30)),
                           permille: Int64(random.int(in: 1_020...1_060)))
    }

    // MARK: - One day of one item

    /// The site's working weight on the day: 0 when it is closed.
    func weight(_ item: Int, day: Int) -> Double {
        weights[itemSites[item] * calendar.days.count + day]
    }

    private mutating func simulate(_ item: Int, day: Int, price: PriceChange?) throws {
        let weight = weight(item, day: day)
        let arriving = nextArrivals[item] == day
        let scheduled = nextScheduled[item] == day
        let counting = nextCounts[item] == day
        var demands = 0
        var adjusting = false
        if weight > 0 {
            demands = poisson(rates[item * 12 + months[day]] * weight)
            adjusting = random.chance(Self.adjustmentChance)
        }
        if arriving || demands > 0 || adjusting || scheduled || counting {
            try act(item, day: day, price: price, arriving: arriving, demands: demands, adjusting: adjusting,
                scheduled: scheduled, counting: counting)
        } else if issuesDue[item] {
            issueDue(item, through: calendar.moment(day: day, seconds: 86_399), day: day)
        }
    }

    /// A day on which something arrives, is asked for, shipped or counted: everything in time
    /// order, with the issues that fall due in between.
    private mutating func act(_ item: Int, day: Int, price: PriceChange?, arriving: Bool, demands: Int,
                              adjusting: Bool, scheduled: Bool, counting: Bool) throws {
        actions.removeAll(keepingCapacity: true)
        if scheduled {
            for step in states[item].scheduled where step.day == day { actions.append((step.at, step.action)) }
            states[item].scheduled.removeAll { $0.day == day }
            nextScheduled[item] = states[item].scheduled.map(\.day).min() ?? Int.max
        }
        if counting { actions.append(countingMoment(item, day: day)) }
        if arriving {
            for order in states[item].onOrder where order.arrival == day {
                actions.append((calendar.moment(day: day, seconds: random.int(in: 25_200...36_000)), .arrival(order.quantity)))
            }
            states[item].onOrder.removeAll { $0.arrival == day }
            nextArrivals[item] = states[item].onOrder.map(\.arrival).min() ?? Int.max
        }
        let hours = HistorySite.hours(weekday: calendar.days[day].weekday)
        for _ in 0..<demands {
            actions.append((calendar.moment(day: day, seconds: random.int(in: hours)), .demand))
        }
        if adjusting {
            actions.append((calendar.moment(day: day, seconds: random.int(in: 59_400...63_000)), .adjustment))
        }
        // By time, and as drawn within a second: a total order, so every toolchain sorts alike.
        let order = actions.indices.sorted { (actions[$0].at, $0) < (actions[$1].at, $1) }
        for (at, action) in order.map({ actions[$0] }) {
            issueDue(item, through: at, day: day)
            switch action {
            case .arrival(let quantity): receive(quantity, item: item, at: at, day: day, price: price)
            case .demand: demand(item, at: at, day: day)
            case .adjustment: adjust(item, at: at, day: day)
            case .ship(let transfer): ship(transfer, at: at, day: day)
            case .receive(let transfer): try receive(transfer: transfer, at: at, day: day)
            case .count(let generatedAt): count(item, generatedAt: generatedAt, at: at, day: day)
            case .recount(let count): recount(count, at: at, day: day)
            case .decideCount(let count): decide(count, at: at, day: day)
            }
        }
        issueDue(item, through: calendar.moment(day: day, seconds: 86_399), day: day)
    }

    /// Knuth's method: fine for the rates here, at most a busy item's demands in a year.
    mutating func poisson(_ rate: Double) -> Int {
        let limit = exp(-rate)
        var count = 0
        var product = random.unit()
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }

    // MARK: - Receipts

    /// The opening stock on the first day: somewhere between the reorder point and a full order above it.
    private mutating func open(_ item: Int, price: PriceChange?) {
        let plan = plans[item].replenishment, unit = plans[item].demand.unitMilli
        let extra = Int64(random.int(in: 0...Int(plan.orderQuantity / unit))) * unit
        let quantity = plan.reorderPoint + extra
        guard quantity > 0 else { return }
        let at = calendar.moment(day: 0, seconds: random.int(in: 21_600...23_400))
        record(receipt: quantity, item: item, at: at, day: 0, price: price, note: "opening stock")
    }

    private mutating func receive(_ quantity: Int64, item: Int, at: Int64, day: Int, price: PriceChange?) {
        let supplier = plans[item].replenishment.supplier.code.rawValue
        record(receipt: quantity, item: item, at: at, day: day, price: price, note: "delivery from \(supplier)")
        allocate(item, at: at, day: day)
    }

    private mutating func record(receipt quantity: Int64, item: Int, at: Int64, day: Int, price: PriceChange?,
                                 note: String) {
        let part = history.parts[history.items[item].part]
        let lot = part.tracking == .lot ? lotNumber(for: part, day: day) : nil
        add(quantity, to: lot, item: item)
        let receipt = SimulatedHistory.Receipt(item: item, quantity: quantity, lot: lot,
                                               unitCost: unitCost(of: part, item: item, day: day, price: price),
                                               at: at, note: note)
        history.receipts.append(receipt)
        append(.receipt(history.receipts.count - 1), at: at, item: item)
    }

    /// The catalogue cost, raised from the day of a price change; the distribution center buys
    /// 3 % cheaper in bulk. Always within 3 % below and 6 % above the catalogue cost.
    private func unitCost(of part: StockPart, item: Int, day: Int, price: PriceChange?) -> Money {
        var permille: Int64 = 1_000
        if let price, day >= price.day { permille = price.permille }
        if sites[history.items[item].site].site.kind == .distributionCenter { permille = permille * 970 / 1_000 }
        let minor = max(1, (part.cost.minorUnits * permille + 500) / 1_000)
        return Money(minorUnits: minor, currency: part.cost.currency)
    }

    /// Tyres carry their DOT date code (week and year made, a few months before delivery);
    /// fluids a batch number from their filling date.
    private mutating func lotNumber(for part: StockPart, day: Int) -> String {
        let made = calendar.days[day].midnight / (86_400 * HistoryCalendar.microsecondsPerSecond)
            - Int64(random.int(in: 20...200))
        let date = CalendarDate(utcOf: Instant(microseconds: made * 86_400 * HistoryCalendar.microsecondsPerSecond))
        let year = date.year % 100
        if part.category == .tyres {
            guard let january = CalendarDate(year: date.year, month: 1, day: 1) else { return "DOT" }
            let week = Int(date.daysSinceEpoch - january.daysSinceEpoch) / 7 + 1
            return "DOT " + twoDigits(week) + twoDigits(year)
        }
        return "L" + twoDigits(year) + twoDigits(date.month) + twoDigits(date.day) + "-" + String(random.int(in: 10...99))
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // MARK: - Demand

    private mutating func demand(_ item: Int, at: Int64, day: Int) {
        let site = sites[history.items[item].site]
        let quantity = plans[item].demand.size(using: &random)
        let source = DemandSources.draw(at: site.site.kind, using: &random)
        let available = max(states[item].unrestricted - states[item].reserved, 0)
        let reserved = min(quantity, available)
        // A counter customer who does not wait is a lost sale: nothing is recorded.
        if reserved < quantity, !DemandSources.waitsWhenShort(source.kind, using: &random) { return }
        let reference = DemandSources.reference(source.kind, site: history.items[item].site, day: day, using: &random)
        let reservation = SimulatedHistory.Reservation(
            item: item, demand: Demand(kind: source.kind, reference: reference), priority: source.priority,
            needBy: calendar.date(day, plus: source.needByDays), requested: quantity,
            reserved: reserved, at: at)
        history.reservations.append(reservation)
        let index = history.reservations.count - 1
        states[item].reserved += reserved
        states[item].backordered += quantity - reserved
        append(.reserve(index), at: at, item: item)
        if reserved < quantity {
            states[item].waiting.append(index)
        } else {
            scheduleIssue(index, coveredAt: at, day: day)
        }
    }

    /// Gives available stock to waiting reservations by the allocation policy's order
    /// (priority class, need-by date, age), as `BackorderAllocation` does.
    mutating func allocate(_ item: Int, at: Int64, day: Int) {
        var available = states[item].unrestricted - states[item].reserved
        guard available > 0, !states[item].waiting.isEmpty else { return }
        let order = states[item].waiting.sorted { lhs, rhs in
            let l = history.reservations[lhs], r = history.reservations[rhs]
            return (l.priority.rank, l.needBy, l.createdAt, lhs) < (r.priority.rank, r.needBy, r.createdAt, rhs)
        }
        for index in order where available > 0 {
            let grant = min(available, history.reservations[index].backordered)
            available -= grant
            history.reservations[index].reserved += grant
            history.reservations[index].backordered -= grant
            history.reservations[index].updatedAt = at
            history.reservations[index].lastAction = .allocate
            states[item].reserved += grant
            states[item].backordered -= grant
            if history.reservations[index].backordered == 0 {
                states[item].waiting.removeAll { $0 == index }
                scheduleIssue(index, coveredAt: at, day: day)
            }
        }
    }

    /// A covered reservation's stock is issued a little later the same day, or the next working
    /// morning after closing time; scheduled service waits for its need-by date.
    private mutating func scheduleIssue(_ index: Int, coveredAt at: Int64, day: Int) {
        let reservation = history.reservations[index]
        let item = reservation.item
        let site = sites[history.items[item].site]
        let issueAt = at + Int64(DemandSources.issueDelay(of: reservation.demand.kind, using: &random))
            * HistoryCalendar.microsecondsPerSecond
        let closing = calendar.moment(day: day, seconds: HistorySite.hours(weekday: calendar.days[day].weekday).upperBound)
        let needBy = Int(reservation.needBy.daysSinceEpoch - calendar.days[0].date.daysSinceEpoch)
        var issueDay = day
        if issueAt > closing || needBy > day {
            issueDay = max(day + 1, needBy)
            while issueDay < calendar.days.count && site.weekdays[calendar.days[issueDay].weekday - 1] == 0 {
                issueDay += 1
            }
            // Still open when the history ends: the demo starts with it reserved.
            guard issueDay < calendar.days.count else { return }
        }
        let moment = issueDay == day
            ? issueAt
            : calendar.moment(day: issueDay, seconds: HistorySite.hours(weekday: calendar.days[issueDay].weekday)
                .lowerBound + random.int(in: 0...5_400))
        states[item].due.append((moment, index))
        issuesDue[item] = true
    }

    /// Issues (or, rarely, releases) every covered reservation due by `moment`, earliest first;
    /// stock a release frees may cover another reservation, due later still.
    private mutating func issueDue(_ item: Int, through moment: Int64, day: Int) {
        while let next = states[item].due.indices.filter({ states[item].due[$0].at <= moment }).min(by: { lhs, rhs in
            let l = states[item].due[lhs], r = states[item].due[rhs]
            return (l.at, l.reservation) < (r.at, r.reservation)
        }) {
            let (at, index) = states[item].due.remove(at: next)
            issuesDue[item] = !states[item].due.isEmpty
            let quantity = history.reservations[index].reserved
            history.reservations[index].reserved = 0
            history.reservations[index].updatedAt = at
            states[item].reserved -= quantity
            if random.chance(Self.releaseChance) {
                history.reservations[index].status = .released
                history.reservations[index].lastAction = .release
                changed[item] = true
                allocate(item, at: at, day: day)
                continue
            }
            history.reservations[index].consumed = quantity
            history.reservations[index].status = .consumed
            history.reservations[index].lastAction = .consume
            append(.issue(reservation: index, takes: take(quantity, item: item)), at: at, item: item)
        }
    }

    // MARK: - Stock in lots

    mutating func add(_ quantity: Int64, to lot: String?, item: Int) {
        if let index = states[item].lots.firstIndex(where: { $0.lot == lot }) {
            states[item].lots[index].quantity += quantity
        } else {
            states[item].lots.append((lot, quantity))
        }
        states[item].unrestricted += quantity
    }

    /// Takes stock from the fullest lots first, as `ConsumeReservation` picks bins.
    mutating func take(_ quantity: Int64, item: Int) -> [SimulatedHistory.Take] {
        var remaining = quantity
        var takes: [SimulatedHistory.Take] = []
        while remaining > 0, let index = fullestLot(item) {
            let lot = states[item].lots[index]
            let taken = min(remaining, lot.quantity)
            takes.append(SimulatedHistory.Take(lot: lot.lot, quantity: taken))
            states[item].lots[index].quantity -= taken
            remaining -= taken
        }
        precondition(remaining == 0, "reserved stock is always on the shelf")
        states[item].lots.removeAll { $0.quantity == 0 }
        states[item].unrestricted -= quantity
        return takes
    }

    /// Takes stock from one lot (a counted position), which holds at least `quantity`.
    mutating func take(_ quantity: Int64, lot: String?, item: Int) {
        guard let index = states[item].lots.firstIndex(where: { $0.lot == lot }),
              states[item].lots[index].quantity >= quantity else { preconditionFailure("a count takes only what is there") }
        states[item].lots[index].quantity -= quantity
        states[item].lots.removeAll { $0.quantity == 0 }
        states[item].unrestricted -= quantity
    }

    private func fullestLot(_ item: Int) -> Int? {
        states[item].lots.indices.filter { states[item].lots[$0].quantity > 0 }.min { lhs, rhs in
            let l = states[item].lots[lhs], r = states[item].lots[rhs]
            return (-l.quantity, l.lot ?? "") < (-r.quantity, r.lot ?? "")
        }
    }

    // MARK: - Adjustments

    /// A unit found on the wrong shelf or missing at picking. Worth more than the site's
    /// threshold, it would wait for approval: only the last week's such requests are still
    /// pending, and earlier ones never happened. Costs stay within 3 % below and 6 % above the
    /// catalogue cost, so the margins here decide exactly as the average cost will.
    private mutating func adjust(_ item: Int, at: Int64, day: Int) {
        let part = history.parts[history.items[item].part]
        let threshold = sites[history.items[item].site].adjustmentThreshold.minorUnits
        let quantity = plans[item].demand.unitMilli
        let value = Double(part.cost.minorUnits) * Double(quantity) / Double(Quantity.scale)
        let pending = value * 0.9 > Double(threshold)
        guard value * 1.1 <= Double(threshold) || (pending && day >= calendar.days.count - 7) else { return }
        let lost = random.chance(0.55)
        guard let lot = fullestLot(item).map({ states[item].lots[$0] }) else { return }
        if lost {
            guard lot.quantity >= quantity, states[item].unrestricted - states[item].reserved >= quantity else { return }
        }
        let note = lost
            ? random.pick(["Not in its bin at picking; written off", "Missing at a bin check"])
            : random.pick(["Found on the wrong shelf at put-away", "Found in the returns area"])
        history.adjustments.append(SimulatedHistory.Adjustment(
            item: item, delta: lost ? -quantity : quantity, lot: lot.lot, at: at, pending: pending, note: note))
        append(.adjustment(history.adjustments.count - 1), at: at, item: item)
        guard !pending else { return }
        if lost {
            _ = take(quantity, item: item)
        } else {
            add(quantity, to: lot.lot, item: item)
            allocate(item, at: at, day: day)
        }
    }

    // MARK: - Replenishment

    /// The evening review: when available stock less backorders plus what is on order or on its
    /// way by transfer is at or below the reorder point, get enough whole order quantities to be
    /// above it: from the nearest other site that has them to spare, else from the supplier.
    private mutating func review(_ item: Int, day: Int, among items: Range<Int>) {
        changed[item] = false
        let plan = plans[item].replenishment
        let state = states[item]
        let position = state.unrestricted - state.reserved - state.backordered + state.inbound
            + state.onOrder.reduce(0) { $0 + $1.quantity }
        guard position <= plan.reorderPoint else { return }
        let quantity = ((plan.reorderPoint - position) / plan.orderQuantity + 1) * plan.orderQuantity
        if let source = transferSource(for: item, quantity: quantity, among: items) {
            requestTransfer(quantity, from: source, to: item, day: day)
            return
        }
        var arrival = day + plan.supplier.leadTimeDays + (random.chance(Self.lateChance) ? random.int(in: 1...5) : 0)
        while arrival < calendar.days.count && !HistorySite.isDeliveryDay(calendar.days[arrival].weekday) {
            arrival += 1
        }
        states[item].onOrder.append((arrival, quantity))
        nextArrivals[item] = min(nextArrivals[item], arrival)
    }

    /// Schedules a step on a later day of the item.
    mutating func schedule(_ action: Action, at: Int64, day: Int, item: Int) {
        states[item].scheduled.append((at, day, action))
        nextScheduled[item] = min(nextScheduled[item], day)
    }

    mutating func append(_ event: SimulatedHistory.Event, at: Int64, item: Int) {
        changed[item] = true
        serial += 1
        history.events.append(SimulatedHistory.TimedEvent(at: at, part: history.items[item].part, serial: serial,
                                                          event: event))
    }
}

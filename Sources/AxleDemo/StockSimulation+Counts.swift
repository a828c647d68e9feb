import AxleDomain

/// Cycle counts by ABC class under each site's standard count policy (A monthly, B quarterly,
/// C yearly). Classes come from the ABC analysis of each site's consumption in the year before
/// the history, drawn from each item's demand: slow movers that happened to sell little are C,
/// as they would be. On a due weekday the site's tasks are generated at
/// 6:00 and counted before opening, one task per lot in the bin: most counts find the books
/// right, some are off by a unit within tolerance and post a count adjustment, and a few are off
/// by more. Those are recounted the next working morning: usually the first count was wrong;
/// otherwise the recount waits for a manager, who approves it (posting the variance) or rejects
/// it the morning after. Each site's last counting morning's tasks are still to be counted when
/// the demo opens.
extension StockSimulation {
    /// Chance that a first count is outside tolerance: the distribution center's trained
    /// counters rarely miss, a van's shelves are cramped. Inventory accuracy is one minus it.
    static func missChance(_ kind: Site.Kind) -> Double {
        switch kind {
        case .distributionCenter: 0.012
        case .dealership: 0.028
        case .workshop: 0.035
        case .mobileVan: 0.045
        case .branch, .plant: 0.03
        }
    }

    /// Chance that a count finds one unit more or less, small enough to be within tolerance.
    static let smallVarianceChance = 0.03
    /// Chance that a recount confirms the first count's variance (the books were wrong).
    static let confirmChance = 0.4
    /// Chance that a manager approves a confirmed variance rather than rejecting it.
    static let approvalChance = 0.85

    /// Each item's class, rule and first count day: at a random point of its first interval, so
    /// that a site counts a steady share of its items every week.
    mutating func scheduleCounts() throws {
        var consumption = [[Part.ID: Money]](repeating: [:], count: sites.count)
        for (item, simulated) in history.items.enumerated() {
            let part = history.parts[simulated.part]
            var milli: Int64 = 0
            for _ in 0..<poisson(plans[item].demand.perMonth * 12) { milli += plans[item].demand.size(using: &random) }
            consumption[simulated.site][part.id] = try part.cost.times(Quantity(milli: milli))
        }
        let classes = consumption.map { ABCClassification.classify(consumption: $0, stocked: $0.keys) }
        let policies = sites.map { CountPolicy(siteID: $0.site.id, saved: []) }
        for (item, simulated) in history.items.enumerated() {
            let abcClass = classes[simulated.site][history.parts[simulated.part].id] ?? .c
            let rule = policies[simulated.site].rule(for: abcClass)
            countRules.append(rule)
            nextCounts.append(countDay(onOrAfter: random.int(in: 0...(rule.intervalDays - 1)), item: item))
        }
    }

    /// The first weekday from `day` on which the item's site works; `Int.max` past the history.
    func countDay(onOrAfter day: Int, item: Int) -> Int {
        var next = day
        while next < calendar.days.count && (calendar.days[next].weekday > 5 || weight(item, day: next) == 0) {
            next += 1
        }
        return next < calendar.days.count ? next : Int.max
    }

    /// When the item is counted today (before opening), and its next count day.
    mutating func countingMoment(_ item: Int, day: Int) -> (at: Int64, action: Action) {
        nextCounts[item] = countDay(onOrAfter: day + countRules[item].intervalDays, item: item)
        return (calendar.moment(day: day, seconds: random.int(in: 22_500...24_600)),
                .count(generatedAt: calendar.moment(day: day, seconds: 21_600)))
    }

    /// The morning's tasks of the item, one per lot on the shelf without a task still waiting,
    /// each counted a few seconds after the last.
    mutating func count(_ item: Int, generatedAt: Int64, at: Int64, day: Int) {
        let rule = countRules[item]
        let last = countDay(onOrAfter: day + 1, item: item) == Int.max
        let lots = states[item].lots.filter { $0.quantity > 0 && !states[item].activeCounts.contains($0.lot ?? "") }
        for (offset, lot) in lots.map(\.lot).enumerated() {
            let index = history.counts.count
            history.counts.append(SimulatedHistory.Count(
                item: item, lot: lot, abcClass: rule.abcClass, toleranceBasisPoints: rule.toleranceBasisPoints,
                generatedOn: calendar.days[day].date, createdAt: generatedAt))
            append(.countCreate(index), at: generatedAt, item: item)
            guard !last else {
                states[item].activeCounts.insert(lot ?? "")
                continue
            }
            firstCount(index, at: at + Int64(offset * 40) * HistoryCalendar.microsecondsPerSecond, day: day)
        }
    }

    private mutating func firstCount(_ index: Int, at: Int64, day: Int) {
        let count = history.counts[index]
        let book = quantity(in: count.lot, item: count.item)
        let unit = plans[count.item].demand.unitMilli
        var counted = book
        let draw = random.unit()
        if draw < Self.missChance(sites[itemSites[count.item]].site.kind) {
            counted = outsideTolerance(of: book, unit: unit, toleranceBasisPoints: count.toleranceBasisPoints)
        } else if draw < Self.missChance(sites[itemSites[count.item]].site.kind) + Self.smallVarianceChance {
            let candidate = book + (random.chance(0.55) ? -unit : unit)
            if candidate >= 0, CountPolicy.isWithin(counted: Quantity(milli: candidate), book: Quantity(milli: book),
                                                    toleranceBasisPoints: count.toleranceBasisPoints) {
                counted = candidate
            }
        }
        let entry = entry(counted: counted, book: book, item: count.item, at: at)
        history.counts[index].first = entry
        if count.accepts(counted: counted, book: book, available: entry.available) {
            post(index, variance: entry.variance, at: at, day: day, step: .count)
            return
        }
        history.counts[index].state = .recountRequired
        states[count.item].activeCounts.insert(count.lot ?? "")
        let recount = countDay(onOrAfter: day + 1, item: count.item)
        guard recount != Int.max else { return }
        schedule(.recount(index), at: calendar.moment(day: recount, seconds: random.int(in: 22_500...24_900)),
                 day: recount, item: count.item)
    }

    /// A count the fewest whole units off the book that is outside tolerance, rather short than over.
    private mutating func outsideTolerance(of book: Int64, unit: Int64, toleranceBasisPoints: Int) -> Int64 {
        let units = book * Int64(toleranceBasisPoints) / 10_000 / unit + 1 + Int64(random.int(in: 0...1))
        let short = book - units * unit
        return short >= 0 && random.chance(0.6) ? short : book + units * unit
    }

    /// The recount: usually the first count was wrong and the shelf matches the books; otherwise
    /// the variance is found again and waits for a manager.
    mutating func recount(_ index: Int, at: Int64, day: Int) {
        let count = history.counts[index]
        let book = quantity(in: count.lot, item: count.item)
        let variance = count.first.map(\.variance) ?? 0
        let counted = random.chance(Self.confirmChance) ? max(book + variance, 0) : book
        let entry = entry(counted: counted, book: book, item: count.item, at: at)
        history.counts[index].recount = entry
        if count.accepts(counted: counted, book: book, available: entry.available) {
            post(index, variance: entry.variance, at: at, day: day, step: .recount)
            return
        }
        history.counts[index].state = .pendingApproval
        let decision = countDay(onOrAfter: day + 1, item: count.item)
        guard decision != Int.max else { return }
        schedule(.decideCount(index), at: calendar.moment(day: decision, seconds: random.int(in: 28_800...34_200)),
                 day: decision, item: count.item)
    }

    /// The manager's decision. Approval posts the recount's variance; one that would take stock
    /// the site has promised (or no longer has in the lot) is rejected, as `DecideCount` refuses it.
    mutating func decide(_ index: Int, at: Int64, day: Int) {
        let count = history.counts[index]
        let variance = count.recount.map(\.variance) ?? 0
        let state = states[count.item]
        var approve = random.chance(Self.approvalChance)
        if variance < 0, state.unrestricted - state.reserved + variance < 0
            || quantity(in: count.lot, item: count.item) + variance < 0 {
            approve = false
        }
        history.counts[index].decision = (approve, at)
        if approve {
            post(index, variance: variance, at: at, day: day, step: .decision)
        } else {
            history.counts[index].state = .rejected
            states[count.item].activeCounts.remove(count.lot ?? "")
        }
    }

    /// The task is posted; a variance other than zero corrects the lot, as a count adjustment.
    private mutating func post(_ index: Int, variance: Int64, at: Int64, day: Int, step: SimulatedHistory.CountStep) {
        let count = history.counts[index]
        history.counts[index].state = .posted
        states[count.item].activeCounts.remove(count.lot ?? "")
        guard variance != 0 else { return }
        if variance > 0 {
            add(variance, to: count.lot, item: count.item)
        } else {
            take(-variance, lot: count.lot, item: count.item)
        }
        append(.countPost(index, variance: variance, step: step), at: at, item: count.item)
        if variance > 0 { allocate(count.item, at: at, day: day) }
    }

    private func quantity(in lot: String?, item: Int) -> Int64 {
        states[item].lots.first { $0.lot == lot }?.quantity ?? 0
    }

    private func entry(counted: Int64, book: Int64, item: Int, at: Int64) -> SimulatedHistory.Count.Entry {
        SimulatedHistory.Count.Entry(counted: counted, book: book,
                                     available: states[item].unrestricted - states[item].reserved, at: at)
    }
}

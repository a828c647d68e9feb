import AxleDomain

/// Running totals of what a load has written, for the summary.
struct DemoCounts {
    var sites = 0
    var bins = 0
    var suppliers = 0
    var parts = 0
    var supersededParts = 0
    var obsoleteParts = 0
    var supersessions = 0
    var substitutes = 0
    var fitments = 0
    var vehicles = 0
    var stockedItems = 0
    var movements = 0
    var receipts = 0
    var reservations = 0
    var openReservations = 0
    var backorders = 0
    var adjustments = 0
    var transfers = 0
    var transfersInTransit = 0
    var exceptions = 0
    var openExceptions = 0
    var countTasks = 0
    var countAdjustments = 0
    /// The service departments' rows, by entity, in the order they were written.
    var service: [(entity: String, count: Int)] = []

    mutating func add(_ batch: CatalogueBatch) {
        parts += batch.parts.count
        supersededParts += batch.parts.count { $0.lifecycle == .superseded }
        obsoleteParts += batch.parts.count { $0.lifecycle == .obsolete }
        supersessions += batch.supersessions.count
        substitutes += batch.substitutes.count
        fitments += batch.fitments.count
    }

    mutating func add(_ rows: HistoryRows, items: Int) {
        stockedItems += items
        movements += rows.movements.count
        receipts += rows.receipts
        reservations += rows.reservations.count
        openReservations += rows.reservations.count { $0.status == .open }
        backorders += rows.reservations.count { $0.status == .open && $0.backordered.isPositive }
        adjustments += rows.adjustments.count
        transfers += rows.transfers.count
        transfersInTransit += rows.transfers.count { $0.state == .shipped }
        exceptions += rows.exceptions.count
        openExceptions += rows.exceptions.count { $0.state == .open }
        countTasks += rows.countTasks.count
        countAdjustments += rows.movements.count { $0.reason == .adjustmentCount }
    }

    func table(users: Int) -> [(entity: String, count: Int)] {
        [
            ("sites", sites), ("bins", bins), ("suppliers", suppliers), ("parts", parts),
            ("superseded parts", supersededParts), ("obsolete parts", obsoleteParts),
            ("supersessions", supersessions), ("substitutes", substitutes), ("fitments", fitments),
            ("vehicles", vehicles), ("stocked items (part × site)", stockedItems), ("stock movements", movements),
            ("receipts", receipts), ("reservations", reservations), ("open reservations", openReservations),
            ("open backorders", backorders), ("adjustments", adjustments), ("transfers", transfers),
            ("transfers in transit", transfersInTransit), ("exception items", exceptions),
            ("open exception items", openExceptions), ("count tasks", countTasks),
            ("count adjustments", countAdjustments), ("users", users),
        ] + service
    }
}

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
    }

    func table(users: Int) -> [(entity: String, count: Int)] {
        [
            ("sites", sites), ("bins", bins), ("suppliers", suppliers), ("parts", parts),
            ("superseded parts", supersededParts), ("obsolete parts", obsoleteParts),
            ("supersessions", supersessions), ("substitutes", substitutes), ("fitments", fitments),
            ("vehicles", vehicles), ("stocked items (part × site)", stockedItems), ("stock movements", movements),
            ("receipts", receipts), ("reservations", reservations), ("open reservations", openReservations),
            ("open backorders", backorders), ("adjustments", adjustments), ("users", users),
        ] + service
    }
}

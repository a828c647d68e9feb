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

    mutating func add(_ batch: CatalogueBatch) {
        parts += batch.parts.count
        supersededParts += batch.parts.count { $0.lifecycle == .superseded }
        obsoleteParts += batch.parts.count { $0.lifecycle == .obsolete }
        supersessions += batch.supersessions.count
        substitutes += batch.substitutes.count
        fitments += batch.fitments.count
    }

    func table(users: Int) -> [(entity: String, count: Int)] {
        [
            ("sites", sites), ("bins", bins), ("suppliers", suppliers), ("parts", parts),
            ("superseded parts", supersededParts), ("obsolete parts", obsoleteParts),
            ("supersessions", supersessions), ("substitutes", substitutes), ("fitments", fitments),
            ("vehicles", vehicles), ("users", users),
        ]
    }
}

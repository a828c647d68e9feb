import AxleDomain
import AxleStore
import SQLKit

struct SQLCountStore: CountStore {
    let sql: any SQLDatabase
    let dialect: Dialect

    private static let activeStates: SQLQueryString = "('open', 'recountRequired', 'pendingApproval')"

    func rules(site: Site.ID) async throws -> [CountPolicy.Rule] {
        try await sql.raw("""
            SELECT abc_class, interval_days, tolerance_bp FROM count_policies
            WHERE site_id = \(bind: site.description) ORDER BY abc_class
            """).all().map { row in
                CountPolicy.Rule(abcClass: try row.enumeration("abc_class"), intervalDays: try row.value("interval_days"),
                                 toleranceBasisPoints: try row.value("tolerance_bp"))
            }
    }

    func save(_ policy: CountPolicy, by principal: Principal.ID, at instant: Instant) async throws {
        for rule in policy.rules {
            try await sql.raw("""
                INSERT INTO count_policies (site_id, abc_class, interval_days, tolerance_bp, updated_by, updated_at_us)
                VALUES (\(bind: policy.siteID.description), \(bind: rule.abcClass.rawValue), \(bind: rule.intervalDays),
                    \(bind: rule.toleranceBasisPoints), \(bind: principal.description), \(bind: instant.microseconds))
                ON CONFLICT (site_id, abc_class) DO UPDATE SET interval_days = excluded.interval_days,
                    tolerance_bp = excluded.tolerance_bp, updated_by = excluded.updated_by,
                    updated_at_us = excluded.updated_at_us
                """).run()
        }
    }

    func consumption(site: Site.ID, from: Instant, until: Instant) async throws -> [Part.ID: Money] {
        let rows = try await sql.raw("""
            SELECT m.part_id, CAST(SUM(m.value_minor) AS BIGINT) AS value_minor, MIN(c.currency) AS currency
            FROM movements m CROSS JOIN company c
            WHERE m.from_site_id = \(bind: site.description) AND m.reason = \(bind: MovementReason.issue.rawValue)
              AND m.at_us >= \(bind: from.microseconds) AND m.at_us < \(bind: until.microseconds)
            GROUP BY m.part_id
            """).all()
        var values: [Part.ID: Money] = [:]
        for row in rows {
            let code: String = try row.value("currency")
            guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
            values[try row.identifier("part_id")] = Money(minorUnits: try row.value("value_minor"), currency: currency)
        }
        return values
    }

    func countablePositions(site: Site.ID) async throws -> [StockBalance] {
        try await sql.raw("""
            SELECT * FROM stock_balances
            WHERE site_id = \(bind: site.description) AND quantity_milli <> 0 AND bin_key <> ''
              AND status <> \(bind: StockStatus.inTransit.rawValue)
            ORDER BY part_id, bin_key, status, lot_key, owner_key
            """).all().map { row in
                StockBalance(partID: try row.identifier("part_id"), position: try PositionKey.position(row)!,
                             quantity: Quantity(milli: try row.value("quantity_milli")))
            }
    }

    func lastCounted(site: Site.ID) async throws -> [CountTarget: Instant] {
        let rows = try await sql.raw("""
            SELECT part_id, site_id, bin_key, status, lot_key, owner_key,
                MAX(COALESCE(recount_at_us, first_at_us)) AS counted_at_us
            FROM count_tasks WHERE site_id = \(bind: site.description) AND state = 'posted'
            GROUP BY part_id, site_id, bin_key, status, lot_key, owner_key
            """).all()
        var last: [CountTarget: Instant] = [:]
        for row in rows { last[try Self.target(row)] = try row.instant("counted_at_us") }
        return last
    }

    func activeTargets(site: Site.ID) async throws -> Set<CountTarget> {
        Set(try await sql.raw("""
            SELECT part_id, site_id, bin_key, status, lot_key, owner_key FROM count_tasks
            WHERE site_id = \(bind: site.description) AND state IN \(Self.activeStates)
            """).all().map(Self.target))
    }

    func insert(_ tasks: [CountTask]) async throws {
        try await Batch.each(tasks) { chunk in
            var insert = sql.insert(into: "count_tasks").columns(
                "id", "part_id", "site_id", "bin_key", "status", "lot_key", "owner_key", "abc_class", "tolerance_bp",
                "generated_on", "state", "created_by", "created_at_us", "first_counted_milli", "first_book_milli",
                "first_within_tolerance", "first_by", "first_at_us", "recount_counted_milli", "recount_book_milli",
                "recount_within_tolerance", "recount_by", "recount_at_us", "posted_variance_milli", "decided_by",
                "decided_at_us")
            for task in chunk {
                let key = PositionKey(task.position)
                let first = task.firstCount, recount = task.recount
                insert = insert.values([
                    task.id.description, task.partID.description, key.siteID, key.bin, key.status, key.lot, key.owner,
                    task.abcClass.rawValue, task.toleranceBasisPoints, task.generatedOn.description, task.state.rawValue,
                    task.createdBy.description, task.createdAt.microseconds, first?.counted.milli, first?.book.milli,
                    first?.withinTolerance, first?.countedBy.description, first?.countedAt.microseconds,
                    recount?.counted.milli, recount?.book.milli, recount?.withinTolerance,
                    recount?.countedBy.description, recount?.countedAt.microseconds, task.postedVariance?.milli,
                    task.decidedBy?.description, task.decidedAt?.microseconds,
                ])
            }
            try await insert.run()
        }
    }

    func update(_ task: CountTask) async throws {
        let first = task.firstCount, recount = task.recount
        try await sql.raw("""
            UPDATE count_tasks SET state = \(bind: task.state.rawValue),
                first_counted_milli = \(bind: first?.counted.milli), first_book_milli = \(bind: first?.book.milli),
                first_within_tolerance = \(bind: first?.withinTolerance), first_by = \(bind: first?.countedBy.description),
                first_at_us = \(bind: first?.countedAt.microseconds),
                recount_counted_milli = \(bind: recount?.counted.milli), recount_book_milli = \(bind: recount?.book.milli),
                recount_within_tolerance = \(bind: recount?.withinTolerance),
                recount_by = \(bind: recount?.countedBy.description), recount_at_us = \(bind: recount?.countedAt.microseconds),
                posted_variance_milli = \(bind: task.postedVariance?.milli),
                decided_by = \(bind: task.decidedBy?.description), decided_at_us = \(bind: task.decidedAt?.microseconds)
            WHERE id = \(bind: task.id.description)
            """).run()
    }

    func find(id: CountTask.ID, forUpdate: Bool) async throws -> CountTask? {
        let lock: SQLQueryString = forUpdate ? "\(unsafeRaw: dialect.lockRows)" : ""
        return try await sql.raw("SELECT * FROM count_tasks WHERE id = \(bind: id.description)\(lock)").first()
            .map(Self.task)
    }

    func list(site: Site.ID, state: CountTask.State?, _ page: PageRequest<String>) async throws -> [CountTask] {
        var conditions: [SQLQueryString] = ["site_id = \(bind: site.description)", "id > \(bind: page.after ?? "")"]
        if let state { conditions.append("state = \(bind: state.rawValue)") }
        return try await sql.raw("""
            SELECT * FROM count_tasks WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(literal: page.limit)
            """).all().map(Self.task)
    }

    func tally(site: Site.ID, from: Instant, until: Instant) async throws -> CountTally {
        let row = try await sql.raw("""
            SELECT COUNT(*) AS counted,
                CAST(COALESCE(SUM(CASE WHEN first_within_tolerance = \(bind: true) THEN 1 ELSE 0 END), 0) AS BIGINT) AS within
            FROM count_tasks
            WHERE site_id = \(bind: site.description) AND first_at_us >= \(bind: from.microseconds)
              AND first_at_us < \(bind: until.microseconds)
            """).first()
        return CountTally(counted: Int(try row?.value("counted", as: Int64.self) ?? 0),
                          withinTolerance: Int(try row?.value("within", as: Int64.self) ?? 0))
    }

    private static func target(_ row: any SQLRow) throws -> CountTarget {
        CountTarget(partID: try row.identifier("part_id"), position: try PositionKey.position(row)!)
    }

    static func task(_ row: any SQLRow) throws -> CountTask {
        let generated: String = try row.value("generated_on")
        guard let generatedOn = CalendarDate(generated) else {
            throw StoreError.corruptValue(column: "generated_on", value: generated)
        }
        let variance = try row.value("posted_variance_milli", as: Int64?.self)
        return CountTask(
            id: try row.identifier("id"), partID: try row.identifier("part_id"), position: try PositionKey.position(row)!,
            abcClass: try row.enumeration("abc_class"), toleranceBasisPoints: try row.value("tolerance_bp"),
            generatedOn: generatedOn, createdBy: try row.identifier("created_by"), createdAt: try row.instant("created_at_us"),
            state: try row.enumeration("state"), firstCount: try entry(row, prefix: "first_"),
            recount: try entry(row, prefix: "recount_"), postedVariance: variance.map(Quantity.init(milli:)),
            decidedBy: try row.value("decided_by", as: String?.self).flatMap(Principal.ID.init),
            decidedAt: try row.optionalInstant("decided_at_us"))
    }

    /// A count kept in the columns `prefix` + `counted_milli`, `book_milli`…; nil when none was entered.
    private static func entry(_ row: any SQLRow, prefix: String) throws -> CountTask.Entry? {
        guard let at = try row.optionalInstant(prefix + "at_us") else { return nil }
        return CountTask.Entry(
            counted: Quantity(milli: try row.value(prefix + "counted_milli")),
            book: Quantity(milli: try row.value(prefix + "book_milli")),
            withinTolerance: try row.value(prefix + "within_tolerance"), countedBy: try row.identifier(prefix + "by"),
            countedAt: at)
    }
}

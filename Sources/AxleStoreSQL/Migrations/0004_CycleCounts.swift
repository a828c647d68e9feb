extension Migrations {
    /// Cycle counting: each site's count policy per ABC class, and count tasks with their
    /// counts. The stock itself is corrected through the ledger (`movements` with reason
    /// `adjustmentCount` and document type `count`); a task keeps what was counted, what the
    /// books said at that moment, and who decided.
    ///
    /// Positions use the ledger's keys (`''` for no lot and own stock). A position has at most
    /// one active task (open, awaiting a recount or awaiting approval): a partial unique index.
    static let cycleCounts = Migration(
        version: 4,
        name: "cycle_counts",
        statements: [
            """
            CREATE TABLE count_policies (
                site_id TEXT NOT NULL REFERENCES sites (id),
                abc_class TEXT NOT NULL CHECK (abc_class IN ('A', 'B', 'C')),
                interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 3660),
                tolerance_bp INTEGER NOT NULL CHECK (tolerance_bp BETWEEN 0 AND 10000),
                updated_by TEXT NOT NULL,
                updated_at_us BIGINT NOT NULL,
                PRIMARY KEY (site_id, abc_class)
            )
            """,
            """
            CREATE TABLE count_tasks (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                bin_key TEXT NOT NULL CHECK (bin_key <> ''),
                status TEXT NOT NULL CHECK (status <> 'inTransit'),
                lot_key TEXT NOT NULL,
                owner_key TEXT NOT NULL,
                abc_class TEXT NOT NULL CHECK (abc_class IN ('A', 'B', 'C')),
                tolerance_bp INTEGER NOT NULL CHECK (tolerance_bp BETWEEN 0 AND 10000),
                generated_on TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('open', 'recountRequired', 'pendingApproval', 'posted', 'rejected')),
                created_by TEXT NOT NULL,
                created_at_us BIGINT NOT NULL,
                first_counted_milli BIGINT CHECK (first_counted_milli >= 0),
                first_book_milli BIGINT,
                first_within_tolerance {bool},
                first_by TEXT,
                first_at_us BIGINT,
                recount_counted_milli BIGINT CHECK (recount_counted_milli >= 0),
                recount_book_milli BIGINT,
                recount_within_tolerance {bool},
                recount_by TEXT,
                recount_at_us BIGINT,
                posted_variance_milli BIGINT,
                decided_by TEXT,
                decided_at_us BIGINT,
                CHECK (state = 'open' OR first_at_us IS NOT NULL),
                CHECK (state <> 'pendingApproval' OR recount_at_us IS NOT NULL),
                CHECK (state <> 'posted' OR posted_variance_milli IS NOT NULL)
            )
            """,
            """
            CREATE UNIQUE INDEX count_tasks_one_active ON count_tasks (part_id, site_id, bin_key, status, lot_key, owner_key)
            WHERE state IN ('open', 'recountRequired', 'pendingApproval')
            """,
            "CREATE INDEX count_tasks_site_state ON count_tasks (site_id, state, id)",
            "CREATE INDEX count_tasks_first_count ON count_tasks (site_id, first_at_us)",
            // ABC analysis sums a site's issues over a year without reading the whole ledger.
            "CREATE INDEX movements_issues_by_site ON movements (from_site_id, reason, at_us)",
        ]
    )
}

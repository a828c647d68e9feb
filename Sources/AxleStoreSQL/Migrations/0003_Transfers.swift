extension Migrations {
    /// Transfers between sites and the exception items their receipts open. The stock itself
    /// moves through the ledger (`movements` with document type `transfer`); these tables keep
    /// the documents: state, who took each step and when, and what was received.
    static let transfers = Migration(
        version: 3,
        name: "transfers",
        statements: [
            """
            CREATE TABLE transfers (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
                source_site_id TEXT NOT NULL REFERENCES sites (id),
                destination_site_id TEXT NOT NULL REFERENCES sites (id),
                value_minor BIGINT NOT NULL,
                approval_required {bool} NOT NULL,
                reservation_id TEXT NOT NULL REFERENCES reservations (id),
                state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'shipped', 'received', 'cancelled')),
                requested_by TEXT NOT NULL,
                requested_at_us BIGINT NOT NULL,
                approved_by TEXT,
                approved_at_us BIGINT,
                shipped_by TEXT,
                shipped_at_us BIGINT,
                expected_arrival TEXT,
                received_by TEXT,
                received_at_us BIGINT,
                received_good_milli BIGINT CHECK (received_good_milli >= 0),
                received_damaged_milli BIGINT CHECK (received_damaged_milli >= 0),
                short_milli BIGINT CHECK (short_milli >= 0),
                over_milli BIGINT CHECK (over_milli >= 0),
                cancelled_by TEXT,
                cancelled_at_us BIGINT,
                cycle_time_s BIGINT,
                CHECK (source_site_id <> destination_site_id),
                CHECK (state NOT IN ('shipped', 'received') OR (shipped_at_us IS NOT NULL AND expected_arrival IS NOT NULL)),
                CHECK (state <> 'received' OR (received_at_us IS NOT NULL AND received_good_milli IS NOT NULL))
            )
            """,
            "CREATE INDEX transfers_source ON transfers (source_site_id, id)",
            "CREATE INDEX transfers_destination ON transfers (destination_site_id, id)",
            // Inbound for available-to-promise: shipped transfers of a part to a site.
            "CREATE INDEX transfers_inbound ON transfers (part_id, destination_site_id, state)",
            """
            CREATE TABLE transfer_exceptions (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('short', 'over', 'damaged')),
                transfer_id TEXT NOT NULL REFERENCES transfers (id),
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
                state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
                created_at_us BIGINT NOT NULL
            )
            """,
            "CREATE INDEX transfer_exceptions_site ON transfer_exceptions (site_id, state, id)",
            "CREATE INDEX transfer_exceptions_transfer ON transfer_exceptions (transfer_id)",
        ]
    )
}

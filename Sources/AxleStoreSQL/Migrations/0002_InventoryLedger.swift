extension Migrations {
    /// The stock ledger: immutable movements, balances per position, totals per part and site,
    /// reservations and backorders, moving-average costs, adjustments, and each site's stock policy.
    ///
    /// Empty keys (`''`) stand for "no bin", "no lot" and "own stock" so that unique keys work
    /// alike on both backends (NULLs are never equal in a unique index).
    static let inventoryLedger = Migration(
        version: 2,
        name: "inventory_ledger",
        statements: [
            "ALTER TABLE sites ADD COLUMN allows_negative_stock {bool} NOT NULL DEFAULT {false}",
            "ALTER TABLE sites ADD COLUMN adjustment_threshold_minor BIGINT NOT NULL DEFAULT 50000",
            "ALTER TABLE sites ADD COLUMN transfer_threshold_minor BIGINT NOT NULL DEFAULT 250000",
            """
            CREATE TABLE movements (
                sequence {sequence_key},
                id TEXT NOT NULL UNIQUE,
                part_id TEXT NOT NULL REFERENCES parts (id),
                quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
                from_site_id TEXT REFERENCES sites (id),
                from_bin_key TEXT,
                from_status TEXT,
                from_lot_key TEXT,
                from_owner_key TEXT,
                to_site_id TEXT REFERENCES sites (id),
                to_bin_key TEXT,
                to_status TEXT,
                to_lot_key TEXT,
                to_owner_key TEXT,
                reason TEXT NOT NULL,
                document_type TEXT NOT NULL,
                document_id TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                at_us BIGINT NOT NULL,
                unit_cost_minor BIGINT NOT NULL,
                value_minor BIGINT NOT NULL,
                CHECK (from_site_id IS NOT NULL OR to_site_id IS NOT NULL)
            )
            """,
            "CREATE INDEX movements_part ON movements (part_id, sequence)",
            "CREATE INDEX movements_document ON movements (document_type, document_id)",
            """
            CREATE TABLE stock_balances (
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                bin_key TEXT NOT NULL,
                status TEXT NOT NULL,
                lot_key TEXT NOT NULL,
                owner_key TEXT NOT NULL,
                quantity_milli BIGINT NOT NULL,
                PRIMARY KEY (part_id, site_id, bin_key, status, lot_key, owner_key)
            )
            """,
            """
            CREATE TABLE site_stock (
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                unrestricted_milli BIGINT NOT NULL DEFAULT 0,
                quality_hold_milli BIGINT NOT NULL DEFAULT 0,
                damaged_milli BIGINT NOT NULL DEFAULT 0,
                blocked_milli BIGINT NOT NULL DEFAULT 0,
                in_transit_milli BIGINT NOT NULL DEFAULT 0,
                reserved_milli BIGINT NOT NULL DEFAULT 0,
                backordered_milli BIGINT NOT NULL DEFAULT 0,
                PRIMARY KEY (part_id, site_id),
                CHECK (reserved_milli >= 0 AND backordered_milli >= 0),
                CHECK (reserved_milli = 0 OR reserved_milli <= unrestricted_milli)
            )
            """,
            "CREATE INDEX site_stock_site ON site_stock (site_id, part_id)",
            """
            CREATE TABLE part_costs (
                part_id TEXT PRIMARY KEY REFERENCES parts (id),
                average_cost_minor BIGINT NOT NULL,
                quantity_milli BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE reservations (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                demand_kind TEXT NOT NULL,
                demand_reference TEXT NOT NULL,
                priority TEXT NOT NULL,
                need_by TEXT NOT NULL,
                requested_milli BIGINT NOT NULL CHECK (requested_milli > 0),
                reserved_milli BIGINT NOT NULL CHECK (reserved_milli >= 0),
                backordered_milli BIGINT NOT NULL CHECK (backordered_milli >= 0),
                consumed_milli BIGINT NOT NULL CHECK (consumed_milli >= 0),
                status TEXT NOT NULL CHECK (status IN ('open', 'released', 'consumed')),
                created_at_us BIGINT NOT NULL,
                updated_at_us BIGINT NOT NULL
            )
            """,
            "CREATE INDEX reservations_open ON reservations (part_id, site_id, status)",
            """
            CREATE TABLE adjustments (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                bin_key TEXT NOT NULL,
                status TEXT NOT NULL,
                lot_key TEXT NOT NULL,
                owner_key TEXT NOT NULL,
                delta_milli BIGINT NOT NULL CHECK (delta_milli <> 0),
                reason TEXT NOT NULL,
                note TEXT NOT NULL,
                value_minor BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pendingApproval', 'posted', 'rejected')),
                requested_by TEXT NOT NULL,
                requested_at_us BIGINT NOT NULL,
                decided_by TEXT,
                decided_at_us BIGINT
            )
            """,
            "CREATE INDEX adjustments_pending ON adjustments (site_id, state)",
        ],
        // Movements are the ledger: like audit records, they are never changed or removed.
        sqliteOnly: [
            """
            CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements
            BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END
            """,
            """
            CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements
            BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END
            """,
        ],
        postgresOnly: [
            """
            CREATE TRIGGER movements_no_change BEFORE UPDATE OR DELETE ON movements
            FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()
            """,
        ]
    )
}

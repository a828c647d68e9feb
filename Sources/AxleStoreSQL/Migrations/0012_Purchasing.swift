extension Migrations {
    /// What suppliers offer (supplier parts with price breaks) and purchase orders with their
    /// lines. Stock received against an order moves through the ledger; these tables keep the
    /// documents: status, who took each step and when, and each line's ordered, received and
    /// cancelled quantities.
    static let purchasing = Migration(
        version: 12,
        name: "purchasing",
        statements: [
            """
            CREATE TABLE supplier_parts (
                supplier_id TEXT NOT NULL REFERENCES suppliers (id),
                part_id TEXT NOT NULL REFERENCES parts (id),
                supplier_part_number TEXT NOT NULL,
                unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
                pack_multiple_milli BIGINT NOT NULL CHECK (pack_multiple_milli > 0),
                minimum_order_milli BIGINT NOT NULL CHECK (minimum_order_milli > 0),
                quoted_lead_time_days INTEGER NOT NULL CHECK (quoted_lead_time_days BETWEEN 0 AND 365),
                PRIMARY KEY (supplier_id, part_id)
            )
            """,
            "CREATE INDEX supplier_parts_part ON supplier_parts (part_id)",
            """
            CREATE TABLE supplier_part_price_breaks (
                supplier_id TEXT NOT NULL,
                part_id TEXT NOT NULL,
                minimum_milli BIGINT NOT NULL CHECK (minimum_milli > 0),
                unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
                PRIMARY KEY (supplier_id, part_id, minimum_milli),
                FOREIGN KEY (supplier_id, part_id) REFERENCES supplier_parts (supplier_id, part_id)
            )
            """,
            """
            CREATE TABLE purchasing_policies (
                site_id TEXT PRIMARY KEY REFERENCES sites (id),
                buyer_approval_limit_minor BIGINT NOT NULL CHECK (buyer_approval_limit_minor >= 0)
            )
            """,
            """
            CREATE TABLE purchase_orders (
                id TEXT PRIMARY KEY,
                supplier_id TEXT NOT NULL REFERENCES suppliers (id),
                ship_to_site_id TEXT NOT NULL REFERENCES sites (id),
                kind TEXT NOT NULL CHECK (kind IN ('stock', 'emergency', 'specialOrder')),
                reason TEXT,
                status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'sent', 'partiallyReceived',
                    'received', 'closed', 'cancelled')),
                approval_required {bool} NOT NULL,
                requested_by TEXT NOT NULL,
                requested_at_us BIGINT NOT NULL,
                submitted_by TEXT,
                submitted_at_us BIGINT,
                approved_by TEXT,
                approved_at_us BIGINT,
                sent_by TEXT,
                sent_at_us BIGINT,
                cancelled_by TEXT,
                cancelled_at_us BIGINT,
                CHECK (kind <> 'emergency' OR reason IS NOT NULL)
            )
            """,
            "CREATE INDEX purchase_orders_site ON purchase_orders (ship_to_site_id, status, id)",
            "CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, status, id)",
            """
            CREATE TABLE purchase_order_lines (
                order_id TEXT NOT NULL REFERENCES purchase_orders (id),
                line_number INTEGER NOT NULL CHECK (line_number >= 1),
                part_id TEXT NOT NULL REFERENCES parts (id),
                ordered_milli BIGINT NOT NULL CHECK (ordered_milli > 0),
                received_milli BIGINT NOT NULL CHECK (received_milli >= 0),
                cancelled_milli BIGINT NOT NULL CHECK (cancelled_milli >= 0),
                unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
                promised_on TEXT NOT NULL,
                demand_kind TEXT,
                demand_reference TEXT,
                PRIMARY KEY (order_id, line_number),
                CHECK ((demand_kind IS NULL) = (demand_reference IS NULL))
            )
            """,
            // Inbound for available-to-promise: open lines of a part.
            "CREATE INDEX purchase_order_lines_part ON purchase_order_lines (part_id, order_id)",
            // Each delivery's quantity on a line, on the ship-to site's business date: what supplier
            // performance measures (on time, in full, actual lead time).
            """
            CREATE TABLE purchase_order_receipts (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL,
                line_number INTEGER NOT NULL,
                quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
                status TEXT NOT NULL CHECK (status IN ('unrestricted', 'qualityHold')),
                received_on TEXT NOT NULL,
                received_at_us BIGINT NOT NULL,
                received_by TEXT NOT NULL,
                FOREIGN KEY (order_id, line_number) REFERENCES purchase_order_lines (order_id, line_number)
            )
            """,
            "CREATE INDEX purchase_order_receipts_line ON purchase_order_receipts (order_id, line_number)",
        ]
    )
}

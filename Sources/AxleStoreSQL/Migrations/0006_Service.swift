extension Migrations {
    /// Service operations: customers and their vehicles, labor operations and their kits,
    /// technicians and bays with their working windows, each site's workshop settings, booked
    /// time, appointments, repair orders with their lines, and clocked time.
    ///
    /// Working windows (shifts, opening hours) are child rows in the order given, as wall-clock
    /// minutes after local midnight (0 to 1440). Skills and bay types are not listed in checks,
    /// like `parts.category`: the set grows with the business, and reading an unknown one back
    /// is a corrupt value. Statuses are checked: their state machines are fixed in the code.
    static let service = Migration(
        version: 6,
        name: "service",
        statements: serviceMasterData + serviceWorkshop + serviceBooking + serviceRepairOrders
    )

    private static let serviceMasterData: [String] = [
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'fleet')),
            name TEXT NOT NULL,
            name_key {code} NOT NULL,
            email TEXT,
            phone TEXT,
            account_number TEXT
        )
        """,
        // `name_key` is the lower-cased name: lists sort by it byte-wise on both backends.
        "CREATE INDEX customers_name ON customers (name_key, id)",
        """
        CREATE TABLE customer_vehicles (
            customer_id TEXT NOT NULL REFERENCES customers (id),
            vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
            unit_number TEXT,
            PRIMARY KEY (customer_id, vehicle_id)
        )
        """,
        "CREATE INDEX customer_vehicles_vehicle ON customer_vehicles (vehicle_id)",
        // Readings have no identity of their own; the sequence keeps two at one instant apart.
        """
        CREATE TABLE mileage_readings (
            sequence {sequence_key},
            vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
            at_us BIGINT NOT NULL,
            kilometres BIGINT NOT NULL CHECK (kilometres >= 0)
        )
        """,
        "CREATE INDEX mileage_readings_vehicle ON mileage_readings (vehicle_id, at_us)",
        """
        CREATE TABLE labor_operations (
            id TEXT PRIMARY KEY,
            code {code} NOT NULL UNIQUE,
            description TEXT NOT NULL,
            standard_hours_milli BIGINT NOT NULL CHECK (standard_hours_milli > 0),
            skill TEXT NOT NULL,
            bay_type TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE labor_operation_kit (
            operation_id TEXT NOT NULL REFERENCES labor_operations (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            part_id TEXT NOT NULL REFERENCES parts (id),
            quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
            PRIMARY KEY (operation_id, line_no)
        )
        """,
    ]

    private static let serviceWorkshop: [String] = [
        """
        CREATE TABLE technicians (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites (id),
            name TEXT NOT NULL,
            principal_id TEXT UNIQUE REFERENCES principals (id)
        )
        """,
        "CREATE INDEX technicians_site ON technicians (site_id)",
        """
        CREATE TABLE technician_skills (
            technician_id TEXT NOT NULL REFERENCES technicians (id),
            skill TEXT NOT NULL,
            PRIMARY KEY (technician_id, skill)
        )
        """,
        """
        CREATE TABLE technician_shifts (
            technician_id TEXT NOT NULL REFERENCES technicians (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            weekday TEXT NOT NULL CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday',
                                                     'saturday', 'sunday')),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
            PRIMARY KEY (technician_id, line_no)
        )
        """,
        """
        CREATE TABLE absences (
            id TEXT PRIMARY KEY,
            technician_id TEXT NOT NULL REFERENCES technicians (id),
            start_at_us BIGINT NOT NULL,
            end_at_us BIGINT NOT NULL,
            reason TEXT NOT NULL,
            CHECK (start_at_us < end_at_us)
        )
        """,
        // Searched from now on: few absences end after a given time, so the range is on the end.
        "CREATE INDEX absences_technician ON absences (technician_id, end_at_us, start_at_us)",
        """
        CREATE TABLE bays (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites (id),
            code {code} NOT NULL,
            type TEXT NOT NULL,
            UNIQUE (site_id, code)
        )
        """,
        """
        CREATE TABLE bay_hours (
            bay_id TEXT NOT NULL REFERENCES bays (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            weekday TEXT NOT NULL CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday',
                                                     'saturday', 'sunday')),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
            PRIMARY KEY (bay_id, line_no)
        )
        """,
        // The threshold's value is basis points for a percentage, minor units for an amount.
        """
        CREATE TABLE service_settings (
            site_id TEXT PRIMARY KEY REFERENCES sites (id),
            labor_rate_minor BIGINT NOT NULL CHECK (labor_rate_minor >= 0),
            tax_rate_bp BIGINT NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 100000),
            threshold_kind TEXT NOT NULL CHECK (threshold_kind IN ('percent', 'amount')),
            threshold_value BIGINT NOT NULL CHECK (threshold_value >= 0),
            CHECK (threshold_kind <> 'percent' OR threshold_value <= 100000)
        )
        """,
        """
        CREATE TABLE service_holidays (
            site_id TEXT NOT NULL REFERENCES service_settings (site_id),
            holiday TEXT NOT NULL,
            PRIMARY KEY (site_id, holiday)
        )
        """,
    ]

    private static let serviceBooking: [String] = [
        // Resources and owners are of two kinds each, so their ids cannot carry foreign keys;
        // the application removes an owner's blocks when it releases them.
        """
        CREATE TABLE schedule_blocks (
            id TEXT PRIMARY KEY,
            resource_kind TEXT NOT NULL CHECK (resource_kind IN ('technician', 'bay')),
            resource_id TEXT NOT NULL,
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('appointment', 'repairOrder')),
            owner_id TEXT NOT NULL,
            start_at_us BIGINT NOT NULL,
            end_at_us BIGINT NOT NULL,
            CHECK (start_at_us < end_at_us)
        )
        """,
        // Overlap queries (`end > from AND start < until`) range over the end: slots are searched
        // from now on, and only the few blocks ending after now are read, not the whole history.
        "CREATE INDEX schedule_blocks_resource ON schedule_blocks (resource_kind, resource_id, end_at_us, start_at_us)",
        "CREATE INDEX schedule_blocks_owner ON schedule_blocks (owner_kind, owner_id)",
        // `repair_order_id` has no foreign key: repair orders reference appointments, and
        // PostgreSQL cannot reference a table created after this one.
        """
        CREATE TABLE appointments (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
            technician_id TEXT NOT NULL REFERENCES technicians (id),
            bay_id TEXT NOT NULL REFERENCES bays (id),
            start_at_us BIGINT NOT NULL,
            end_at_us BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'cancelled')),
            concern TEXT NOT NULL,
            repair_order_id TEXT,
            created_by TEXT NOT NULL,
            created_at_us BIGINT NOT NULL,
            updated_at_us BIGINT NOT NULL,
            CHECK (start_at_us < end_at_us)
        )
        """,
        "CREATE INDEX appointments_site_start ON appointments (site_id, start_at_us, id)",
        """
        CREATE TABLE appointment_operations (
            appointment_id TEXT NOT NULL REFERENCES appointments (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            operation_id TEXT NOT NULL REFERENCES labor_operations (id),
            PRIMARY KEY (appointment_id, line_no)
        )
        """,
        """
        CREATE TABLE appointment_reservations (
            appointment_id TEXT NOT NULL REFERENCES appointments (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            reservation_id TEXT NOT NULL REFERENCES reservations (id),
            PRIMARY KEY (appointment_id, line_no)
        )
        """,
    ]

    private static let serviceRepairOrders: [String] = [
        // One row per numbered document kind; `nextNumber()` increments it in the writing
        // transaction, so numbers are handed out in commit order and a rollback returns its number.
        """
        CREATE TABLE document_numbers (
            document_type TEXT PRIMARY KEY,
            last_number BIGINT NOT NULL CHECK (last_number >= 0)
        )
        """,
        "INSERT INTO document_numbers (document_type, last_number) VALUES ('repair_order', 0)",
        // Approval and invoice columns are all set or all empty; an invoiced order has its invoice.
        """
        CREATE TABLE repair_orders (
            id TEXT PRIMARY KEY,
            number {code} NOT NULL UNIQUE,
            site_id TEXT NOT NULL REFERENCES sites (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
            appointment_id TEXT REFERENCES appointments (id),
            status TEXT NOT NULL CHECK (status IN ('draft', 'estimated', 'approved', 'scheduled', 'inProgress',
                'awaitingParts', 'qualityCheck', 'completed', 'invoiced', 'closed', 'cancelled')),
            concern TEXT NOT NULL,
            mileage BIGINT CHECK (mileage >= 0),
            approved_by TEXT,
            approval_method TEXT CHECK (approval_method IN ('inPerson', 'phone', 'email', 'sms', 'portal')),
            approved_at_us BIGINT,
            approval_recorded_by TEXT,
            approved_total_minor BIGINT,
            parts_cost_minor BIGINT CHECK (parts_cost_minor >= 0),
            invoice_parts_minor BIGINT,
            invoice_labor_minor BIGINT,
            invoice_tax_minor BIGINT,
            invoice_cost_of_parts_minor BIGINT,
            invoiced_at_us BIGINT,
            opened_by TEXT NOT NULL,
            opened_at_us BIGINT NOT NULL,
            completed_at_us BIGINT,
            closed_at_us BIGINT,
            cancelled_at_us BIGINT,
            updated_at_us BIGINT NOT NULL,
            CHECK ((approved_by IS NULL AND approval_method IS NULL AND approved_at_us IS NULL
                    AND approval_recorded_by IS NULL)
                OR (approved_by IS NOT NULL AND approval_method IS NOT NULL AND approved_at_us IS NOT NULL
                    AND approval_recorded_by IS NOT NULL)),
            CHECK ((invoiced_at_us IS NULL AND invoice_parts_minor IS NULL AND invoice_labor_minor IS NULL
                    AND invoice_tax_minor IS NULL AND invoice_cost_of_parts_minor IS NULL)
                OR (invoiced_at_us IS NOT NULL AND invoice_parts_minor IS NOT NULL AND invoice_labor_minor IS NOT NULL
                    AND invoice_tax_minor IS NOT NULL AND invoice_cost_of_parts_minor IS NOT NULL)),
            CHECK (status NOT IN ('invoiced', 'closed') OR invoiced_at_us IS NOT NULL)
        )
        """,
        "CREATE INDEX repair_orders_site ON repair_orders (site_id, id)",
        "CREATE INDEX repair_orders_site_status ON repair_orders (site_id, status, id)",
        "CREATE INDEX repair_orders_site_opened ON repair_orders (site_id, opened_at_us)",
        "CREATE INDEX repair_orders_site_completed ON repair_orders (site_id, completed_at_us)",
        "CREATE INDEX repair_orders_vehicle ON repair_orders (vehicle_id, opened_at_us)",
        // Lines keep their ids across updates (time entries reference labor lines), so
        // `(repair_order_id, line_no)` is an index, not a key: reordering must not collide.
        """
        CREATE TABLE repair_order_labor (
            id TEXT PRIMARY KEY,
            repair_order_id TEXT NOT NULL REFERENCES repair_orders (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            operation_id TEXT REFERENCES labor_operations (id),
            description TEXT NOT NULL,
            hours_milli BIGINT NOT NULL CHECK (hours_milli >= 0),
            skill TEXT NOT NULL,
            technician_id TEXT REFERENCES technicians (id),
            state TEXT NOT NULL CHECK (state IN ('proposed', 'approved', 'awaitingCustomer', 'declined'))
        )
        """,
        "CREATE INDEX repair_order_labor_order ON repair_order_labor (repair_order_id, line_no)",
        """
        CREATE TABLE repair_order_parts (
            id TEXT PRIMARY KEY,
            repair_order_id TEXT NOT NULL REFERENCES repair_orders (id),
            line_no INTEGER NOT NULL CHECK (line_no >= 0),
            part_id TEXT NOT NULL REFERENCES parts (id),
            quantity_milli BIGINT NOT NULL CHECK (quantity_milli > 0),
            unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
            reservation_id TEXT REFERENCES reservations (id),
            state TEXT NOT NULL CHECK (state IN ('proposed', 'approved', 'awaitingCustomer', 'declined')),
            filled_at_approval {bool}
        )
        """,
        "CREATE INDEX repair_order_parts_order ON repair_order_parts (repair_order_id, line_no)",
        """
        CREATE TABLE time_entries (
            id TEXT PRIMARY KEY,
            repair_order_id TEXT NOT NULL REFERENCES repair_orders (id),
            labor_line_id TEXT NOT NULL REFERENCES repair_order_labor (id),
            technician_id TEXT NOT NULL REFERENCES technicians (id),
            start_at_us BIGINT NOT NULL,
            end_at_us BIGINT,
            CHECK (end_at_us IS NULL OR end_at_us >= start_at_us)
        )
        """,
        // A technician is clocked on to one line at a time; two racing clock-ons cannot both commit.
        "CREATE UNIQUE INDEX time_entries_open ON time_entries (technician_id) WHERE end_at_us IS NULL",
        "CREATE INDEX time_entries_technician ON time_entries (technician_id, start_at_us)",
        "CREATE INDEX time_entries_order ON time_entries (repair_order_id, start_at_us)",
    ]
}

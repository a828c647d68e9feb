extension Migrations {
    /// Company, sites and bins, suppliers, the parts catalogue, vehicles, users and tokens,
    /// the audit trail and idempotency keys.
    static let masterData = Migration(
        version: 1,
        name: "master_data",
        statements: [
            """
            CREATE TABLE company (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL,
                currency TEXT NOT NULL,
                minor_unit_digits INTEGER NOT NULL CHECK (minor_unit_digits BETWEEN 0 AND 4)
            )
            """,
            "INSERT INTO company (id, name, currency, minor_unit_digits) VALUES (1, 'Axle', 'USD', 2)",
            """
            CREATE TABLE sites (
                id TEXT PRIMARY KEY,
                code {code} NOT NULL UNIQUE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('dealership', 'branch', 'distributionCenter', 'plant',
                                                   'workshop', 'mobileVan')),
                latitude {real} NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                longitude {real} NOT NULL CHECK (longitude BETWEEN -180 AND 180),
                time_zone TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1)
            )
            """,
            """
            CREATE TABLE bins (
                id TEXT PRIMARY KEY,
                site_id TEXT NOT NULL REFERENCES sites (id),
                code {code} NOT NULL,
                description TEXT NOT NULL,
                UNIQUE (site_id, code)
            )
            """,
            """
            CREATE TABLE suppliers (
                id TEXT PRIMARY KEY,
                code {code} NOT NULL UNIQUE,
                name TEXT NOT NULL,
                lead_time_days INTEGER NOT NULL CHECK (lead_time_days BETWEEN 0 AND 365),
                version BIGINT NOT NULL CHECK (version >= 1)
            )
            """,
            """
            CREATE TABLE parts (
                id TEXT PRIMARY KEY,
                number {code} NOT NULL UNIQUE,
                description TEXT NOT NULL,
                search_text TEXT NOT NULL,
                brand TEXT NOT NULL,
                category TEXT NOT NULL,
                unit TEXT NOT NULL,
                packs_json TEXT NOT NULL,
                cost_minor BIGINT NOT NULL CHECK (cost_minor >= 0),
                list_price_minor BIGINT NOT NULL CHECK (list_price_minor >= 0),
                criticality TEXT NOT NULL,
                lifecycle TEXT NOT NULL CHECK (lifecycle IN ('active', 'superseded', 'obsolete')),
                tracking TEXT NOT NULL CHECK (tracking IN ('none', 'lot', 'serial')),
                hazardous {bool} NOT NULL,
                core_charge_minor BIGINT CHECK (core_charge_minor >= 0),
                version BIGINT NOT NULL CHECK (version >= 1)
            )
            """,
            "CREATE INDEX parts_category ON parts (category, number)",
            """
            CREATE TABLE supersessions (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL UNIQUE REFERENCES parts (id),
                replacement_id TEXT NOT NULL REFERENCES parts (id),
                interchangeability TEXT NOT NULL CHECK (interchangeability IN ('oneWay', 'twoWay')),
                effective_on TEXT NOT NULL,
                use_up_old_stock {bool} NOT NULL,
                CHECK (part_id <> replacement_id)
            )
            """,
            "CREATE INDEX supersessions_replacement ON supersessions (replacement_id)",
            """
            CREATE TABLE substitutes (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                substitute_id TEXT NOT NULL REFERENCES parts (id),
                rule TEXT NOT NULL CHECK (rule IN ('always', 'whenOutOfStock', 'customerApproval')),
                note TEXT NOT NULL,
                UNIQUE (part_id, substitute_id),
                CHECK (part_id <> substitute_id)
            )
            """,
            """
            CREATE TABLE fitments (
                id TEXT PRIMARY KEY,
                part_id TEXT NOT NULL REFERENCES parts (id),
                make TEXT NOT NULL,
                make_key TEXT NOT NULL,
                model TEXT NOT NULL,
                model_key TEXT NOT NULL,
                year_from INTEGER NOT NULL,
                year_to INTEGER NOT NULL,
                engine TEXT,
                engine_key TEXT,
                CHECK (year_from <= year_to)
            )
            """,
            "CREATE INDEX fitments_part ON fitments (part_id)",
            "CREATE INDEX fitments_vehicle ON fitments (make_key, year_from, year_to)",
            """
            CREATE TABLE vehicles (
                id TEXT PRIMARY KEY,
                vin {code} NOT NULL UNIQUE,
                make TEXT NOT NULL,
                model TEXT NOT NULL,
                model_year INTEGER NOT NULL,
                engine TEXT
            )
            """,
            """
            CREATE TABLE principals (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE principal_sites (
                principal_id TEXT NOT NULL REFERENCES principals (id),
                site_id TEXT NOT NULL REFERENCES sites (id),
                PRIMARY KEY (principal_id, site_id)
            )
            """,
            "INSERT INTO principals (id, name, role) VALUES ('00000000-0000-7000-8000-000000000000', 'system', 'admin')",
            """
            CREATE TABLE tokens (
                id TEXT PRIMARY KEY,
                principal_id TEXT NOT NULL REFERENCES principals (id),
                secret_hash TEXT NOT NULL UNIQUE,
                created_at_us BIGINT NOT NULL,
                expires_at_us BIGINT,
                revoked_at_us BIGINT
            )
            """,
            """
            CREATE TABLE audit_records (
                sequence {sequence_key},
                at_us BIGINT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                action TEXT NOT NULL,
                entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT,
                reason TEXT,
                request_id TEXT
            )
            """,
            "CREATE INDEX audit_entity ON audit_records (entity_type, entity_id, sequence)",
            "CREATE INDEX audit_actor ON audit_records (actor_id, sequence)",
            "CREATE INDEX audit_time ON audit_records (at_us)",
            """
            CREATE TABLE idempotency_keys (
                principal_id TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status INTEGER NOT NULL,
                body TEXT NOT NULL,
                etag TEXT,
                created_at_us BIGINT NOT NULL,
                PRIMARY KEY (principal_id, key)
            )
            """,
        ],
        // The audit trail is append-only in the schema itself, not only by convention.
        sqliteOnly: [
            """
            CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END
            """,
            """
            CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END
            """,
        ],
        postgresOnly: [
            """
            CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$
            """,
            """
            CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()
            """,
            """
            CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()
            """,
        ]
    )
}

import AxleDomain
import AxleStore
import SQLKit

struct SQLCompanyStore: CompanyStore {
    let sql: any SQLDatabase

    func get() async throws -> Company {
        guard let row = try await sql.raw("SELECT name, currency FROM company WHERE id = 1").first() else {
            throw StoreError.rowNotFound(entity: "company", id: "1")
        }
        let code: String = try row.value("currency")
        guard let currency = Currency(code: code) else { throw StoreError.corruptValue(column: "currency", value: code) }
        return Company(name: try row.value("name"), currency: currency)
    }

    func save(_ company: Company) async throws {
        try await sql.raw("""
            UPDATE company SET name = \(bind: company.name), currency = \(bind: company.currency.code),
            minor_unit_digits = \(bind: company.currency.minorUnitDigits) WHERE id = 1
            """).run()
    }
}

struct SQLSiteStore: SiteStore {
    let sql: any SQLDatabase

    private static let columns: SQLQueryString = "id, code, name, kind, latitude, longitude, time_zone, version"

    func insert(_ site: Site) async throws {
        try await sql.raw("""
            INSERT INTO sites (\(Self.columns)) VALUES (\(bind: site.id.description), \(bind: site.code.rawValue),
            \(bind: site.name), \(bind: site.kind.rawValue), \(bind: site.location.latitude),
            \(bind: site.location.longitude), \(bind: site.timeZone), \(bind: site.version))
            """).run()
    }

    func update(_ site: Site, replacing version: Int64) async throws {
        try await VersionedRow.update(sql, table: "sites", id: site.id.description, expected: version, set: """
            name = \(bind: site.name), kind = \(bind: site.kind.rawValue), latitude = \(bind: site.location.latitude),
            longitude = \(bind: site.location.longitude), time_zone = \(bind: site.timeZone)
            """)
    }

    func find(id: Site.ID) async throws -> Site? {
        try await sql.raw("SELECT \(Self.columns) FROM sites WHERE id = \(bind: id.description)").first()
            .map(Self.site)
    }

    func find(code: Code) async throws -> Site? {
        try await sql.raw("SELECT \(Self.columns) FROM sites WHERE code = \(bind: code.rawValue)").first()
            .map(Self.site)
    }

    func list(_ page: PageRequest<Code>) async throws -> [Site] {
        try await sql.raw("""
            SELECT \(Self.columns) FROM sites WHERE code > \(bind: page.after?.rawValue ?? "")
            ORDER BY code LIMIT \(literal: page.limit)
            """).all().map(Self.site)
    }

    func all() async throws -> [Site] {
        try await sql.raw("SELECT \(Self.columns) FROM sites ORDER BY code").all().map(Self.site)
    }

    static func site(_ row: any SQLRow) throws -> Site {
        let latitude: Double = try row.value("latitude"), longitude: Double = try row.value("longitude")
        guard let location = GeoPoint(latitude: latitude, longitude: longitude) else {
            throw StoreError.corruptValue(column: "latitude", value: "\(latitude),\(longitude)")
        }
        return Site(id: try row.identifier("id"), code: try row.code("code"), name: try row.value("name"),
                    kind: try row.enumeration("kind"), location: location, timeZone: try row.value("time_zone"),
                    version: try row.value("version"))
    }
}

struct SQLBinStore: BinStore {
    let sql: any SQLDatabase

    func insert(_ bins: [Bin]) async throws {
        try await Batch.each(bins) { chunk in
            var insert = sql.insert(into: "bins").columns("id", "site_id", "code", "description")
            for bin in chunk {
                insert = insert.values([bin.id.description, bin.siteID.description, bin.code.rawValue, bin.description])
            }
            try await insert.run()
        }
    }

    func find(id: Bin.ID) async throws -> Bin? {
        try await sql.raw("SELECT id, site_id, code, description FROM bins WHERE id = \(bind: id.description)")
            .first().map(Self.bin)
    }

    func find(site: Site.ID, code: Code) async throws -> Bin? {
        try await sql.raw("""
            SELECT id, site_id, code, description FROM bins
            WHERE site_id = \(bind: site.description) AND code = \(bind: code.rawValue)
            """).first().map(Self.bin)
    }

    func list(site: Site.ID, _ page: PageRequest<Code>) async throws -> [Bin] {
        try await sql.raw("""
            SELECT id, site_id, code, description FROM bins
            WHERE site_id = \(bind: site.description) AND code > \(bind: page.after?.rawValue ?? "")
            ORDER BY code LIMIT \(literal: page.limit)
            """).all().map(Self.bin)
    }

    static func bin(_ row: any SQLRow) throws -> Bin {
        Bin(id: try row.identifier("id"), siteID: try row.identifier("site_id"), code: try row.code("code"),
            description: try row.value("description"))
    }
}

struct SQLSupplierStore: SupplierStore {
    let sql: any SQLDatabase

    func insert(_ suppliers: [Supplier]) async throws {
        try await Batch.each(suppliers) { chunk in
            var insert = sql.insert(into: "suppliers").columns("id", "code", "name", "lead_time_days", "version")
            for supplier in chunk {
                insert = insert.values([supplier.id.description, supplier.code.rawValue, supplier.name,
                                        supplier.leadTimeDays, supplier.version])
            }
            try await insert.run()
        }
    }

    func update(_ supplier: Supplier, replacing version: Int64) async throws {
        try await VersionedRow.update(sql, table: "suppliers", id: supplier.id.description, expected: version, set: """
            name = \(bind: supplier.name), lead_time_days = \(bind: supplier.leadTimeDays)
            """)
    }

    func find(id: Supplier.ID) async throws -> Supplier? {
        try await sql.raw("SELECT * FROM suppliers WHERE id = \(bind: id.description)").first().map(Self.supplier)
    }

    func find(code: Code) async throws -> Supplier? {
        try await sql.raw("SELECT * FROM suppliers WHERE code = \(bind: code.rawValue)").first().map(Self.supplier)
    }

    func list(_ page: PageRequest<Code>) async throws -> [Supplier] {
        try await sql.raw("""
            SELECT * FROM suppliers WHERE code > \(bind: page.after?.rawValue ?? "")
            ORDER BY code LIMIT \(literal: page.limit)
            """).all().map(Self.supplier)
    }

    static func supplier(_ row: any SQLRow) throws -> Supplier {
        Supplier(id: try row.identifier("id"), code: try row.code("code"), name: try row.value("name"),
                 leadTimeDays: try row.value("lead_time_days"), version: try row.value("version"))
    }
}

import AxleDomain
import AxleStore
import SQLKit

struct SQLCustomerStore: CustomerStore {
    let sql: any SQLDatabase

    private static let columns = ["id", "kind", "name", "name_key", "email", "phone", "account_number"]

    func insert(_ customers: [Customer]) async throws {
        try await Batch.each(customers) { chunk in
            var insert = sql.insert(into: "customers").columns(Self.columns)
            for customer in chunk { insert = insert.values(Self.values(customer)) }
            try await insert.run()
        }
    }

    func update(_ customer: Customer) async throws {
        var update = sql.update("customers").where("id", .equal, customer.id.description)
        for (column, value) in zip(Self.columns, Self.values(customer)).dropFirst() {
            update = update.set(column, to: value)
        }
        try await update.run()
    }

    func find(id: Customer.ID) async throws -> Customer? {
        try await sql.raw("SELECT * FROM customers WHERE id = \(bind: id.description)").first().map(Self.customer)
    }

    func find(accountNumber: String) async throws -> Customer? {
        try await sql.raw("SELECT * FROM customers WHERE account_number = \(bind: accountNumber)").first()
            .map(Self.customer)
    }

    func list(nameContains: String?, _ page: PageRequest<String>) async throws -> [Customer] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let after = page.after {
            // The key is `Customer.pageKey`: the lower-cased name, a separator, the id.
            let (name, id) = Self.split(after)
            conditions.append("(name_key > \(bind: name) OR (name_key = \(bind: name) AND id > \(bind: id)))")
        }
        for word in (nameContains ?? "").lowercased().split(whereSeparator: \.isWhitespace) {
            conditions.append("name_key LIKE \(bind: "%" + LikePattern.escape(String(word)) + "%") ESCAPE '\\'")
        }
        return try await sql.raw("""
            SELECT * FROM customers WHERE \(conditions.joined(separator: " AND "))
            ORDER BY name_key, id LIMIT \(literal: page.limit)
            """).all().map(Self.customer)
    }

    func addVehicles(_ links: [CustomerVehicle]) async throws {
        try await Batch.each(links) { chunk in
            var insert = sql.insert(into: "customer_vehicles").columns("customer_id", "vehicle_id", "unit_number")
            for link in chunk {
                insert = insert.values([link.customerID.description, link.vehicleID.description, link.unitNumber])
            }
            try await insert.run()
        }
    }

    func vehicles(of customer: Customer.ID) async throws -> [CustomerVehicle] {
        try await sql.raw("""
            SELECT l.* FROM customer_vehicles l JOIN vehicles v ON v.id = l.vehicle_id
            WHERE l.customer_id = \(bind: customer.description) ORDER BY v.vin
            """).all().map(Self.link)
    }

    func owners(of vehicle: Vehicle.ID) async throws -> [CustomerVehicle] {
        try await sql.raw("""
            SELECT l.* FROM customer_vehicles l JOIN customers c ON c.id = l.customer_id
            WHERE l.vehicle_id = \(bind: vehicle.description) ORDER BY c.name_key, c.id
            """).all().map(Self.link)
    }

    func recordMileage(_ readings: [MileageReading]) async throws {
        try await Batch.each(readings) { chunk in
            var insert = sql.insert(into: "mileage_readings").columns("vehicle_id", "at_us", "kilometres")
            for reading in chunk {
                insert = insert.values([reading.vehicleID.description, reading.at.microseconds, reading.kilometres])
            }
            try await insert.run()
        }
    }

    func mileage(of vehicle: Vehicle.ID) async throws -> [MileageReading] {
        try await sql.raw("""
            SELECT * FROM mileage_readings WHERE vehicle_id = \(bind: vehicle.description)
            ORDER BY at_us DESC, sequence DESC
            """).all().map { row in
                MileageReading(vehicleID: try row.identifier("vehicle_id"), at: try row.instant("at_us"),
                               kilometres: try row.value("kilometres"))
            }
    }

    /// The name and id of a page key; a key without the separator is a name alone.
    private static func split(_ key: String) -> (name: String, id: String) {
        guard let separator = key.lastIndex(of: "\u{1F}") else { return (key, "") }
        return (String(key[..<separator]), String(key[key.index(after: separator)...]))
    }

    private static func values(_ customer: Customer) -> [any Encodable & Sendable] {
        [customer.id.description, customer.kind.rawValue, customer.name, customer.name.lowercased(), customer.email,
         customer.phone, customer.accountNumber]
    }

    static func customer(_ row: any SQLRow) throws -> Customer {
        Customer(id: try row.identifier("id"), kind: try row.enumeration("kind"), name: try row.value("name"),
                 email: try row.value("email", as: String?.self), phone: try row.value("phone", as: String?.self),
                 accountNumber: try row.value("account_number", as: String?.self))
    }

    private static func link(_ row: any SQLRow) throws -> CustomerVehicle {
        CustomerVehicle(customerID: try row.identifier("customer_id"), vehicleID: try row.identifier("vehicle_id"),
                        unitNumber: try row.value("unit_number", as: String?.self))
    }
}

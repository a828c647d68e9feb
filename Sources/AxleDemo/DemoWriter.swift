import AxleDomain
import AxleStore

/// Inserts demo rows and their audit entries in the transaction it was given.
struct DemoWriter {
    let stores: any StoreTransaction
    let audit: DemoAudit

    /// Inserts the rows, then one creation entry per row.
    func insert<Row: Encodable>(_ rows: [Row], action: String, entityType: String, id: (Row) -> String,
                                using insert: ([Row]) async throws -> Void) async throws {
        try await insert(rows)
        try await stores.audit.append(audit.created(rows, action: action, entityType: entityType, id: id))
    }

    /// Refuses a database that already holds master data: a demo never mixes with real data.
    func requireEmpty() async throws {
        var found: [String] = []
        if try await !stores.sites.list(PageRequest(after: nil, limit: 1)).isEmpty { found.append("sites") }
        if try await !stores.suppliers.list(PageRequest(after: nil, limit: 1)).isEmpty { found.append("suppliers") }
        if try await !stores.parts.search(PartQuery(), PageRequest(after: nil, limit: 1)).isEmpty {
            found.append("parts")
        }
        if try await !stores.vehicles.list(PageRequest(after: nil, limit: 1)).isEmpty { found.append("vehicles") }
        guard found.isEmpty else { throw DemoError.databaseNotEmpty(found: found) }
    }
}

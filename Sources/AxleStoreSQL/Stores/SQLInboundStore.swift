import AxleDomain
import AxleStore
import SQLKit

/// Inbound stock. Transfers in transit will be its first source (purchase orders later);
/// until transfers exist there is nothing on its way.
struct SQLInboundStore: InboundStore {
    let sql: any SQLDatabase

    func expected(part: Part.ID, site: Site.ID) async throws -> [AvailableToPromise.Inbound] {
        []
    }
}

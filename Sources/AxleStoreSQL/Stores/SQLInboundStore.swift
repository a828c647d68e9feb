import AxleDomain
import AxleStore
import SQLKit

/// Inbound stock: transfers shipped to the site and not yet received, due on their expected
/// arrival day (purchase orders will join them).
struct SQLInboundStore: InboundStore {
    let sql: any SQLDatabase

    func expected(part: Part.ID, site: Site.ID) async throws -> [AvailableToPromise.Inbound] {
        try await sql.raw("""
            SELECT quantity_milli, expected_arrival FROM transfers
            WHERE part_id = \(bind: part.description) AND destination_site_id = \(bind: site.description)
              AND state = \(bind: TransferState.shipped.rawValue)
            ORDER BY expected_arrival, id
            """).all().map { row in
                let text: String = try row.value("expected_arrival")
                guard let date = CalendarDate(text) else {
                    throw StoreError.corruptValue(column: "expected_arrival", value: text)
                }
                return AvailableToPromise.Inbound(quantity: Quantity(milli: try row.value("quantity_milli")), expected: date)
            }
    }
}

import AxleDomain
import AxleStore
import SQLKit

/// Inbound stock: transfers shipped to the site and not yet received, due on their expected
/// arrival day, and the open quantities of purchase orders sent to their suppliers, due on the
/// day promised.
struct SQLInboundStore: InboundStore {
    let sql: any SQLDatabase

    func expected(part: Part.ID, site: Site.ID) async throws -> [AvailableToPromise.Inbound] {
        try await sql.raw("""
            SELECT quantity_milli, expected_arrival, id FROM transfers
            WHERE part_id = \(bind: part.description) AND destination_site_id = \(bind: site.description)
              AND state = \(bind: TransferState.shipped.rawValue)
            UNION ALL
            SELECT l.ordered_milli - l.received_milli - l.cancelled_milli, l.promised_on, o.id
            FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
            WHERE l.part_id = \(bind: part.description) AND o.ship_to_site_id = \(bind: site.description)
              AND o.status IN (\(bind: PurchaseOrderStatus.sent.rawValue), \(bind: PurchaseOrderStatus.partiallyReceived.rawValue))
              AND l.ordered_milli - l.received_milli - l.cancelled_milli > 0
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

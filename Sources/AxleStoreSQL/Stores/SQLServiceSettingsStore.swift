import AxleDomain
import AxleStore
import SQLKit

struct SQLServiceSettingsStore: ServiceSettingsStore {
    let sql: any SQLDatabase

    func save(_ settings: ServiceSettings) async throws {
        let (kind, value): (String, Int64) = switch settings.approvalThreshold {
        case .percent(let rate): ("percent", rate.basisPoints)
        case .amount(let amount): ("amount", amount.minorUnits)
        }
        let site = settings.siteID.description
        try await sql.raw("""
            INSERT INTO service_settings (site_id, labor_rate_minor, tax_rate_bp, threshold_kind, threshold_value)
            VALUES (\(bind: site), \(bind: settings.laborRate.minorUnits), \(bind: settings.taxRate.basisPoints),
                \(bind: kind), \(bind: value))
            ON CONFLICT (site_id) DO UPDATE SET labor_rate_minor = excluded.labor_rate_minor,
                tax_rate_bp = excluded.tax_rate_bp, threshold_kind = excluded.threshold_kind,
                threshold_value = excluded.threshold_value
            """).run()
        try await sql.raw("DELETE FROM service_holidays WHERE site_id = \(bind: site)").run()
        try await Batch.each(settings.holidays.sorted()) { chunk in
            var insert = sql.insert(into: "service_holidays").columns("site_id", "holiday")
            for date in chunk { insert = insert.values([site, date.description]) }
            try await insert.run()
        }
    }

    func find(site: Site.ID) async throws -> ServiceSettings? {
        guard let row = try await sql.raw("""
            SELECT s.*, c.currency FROM service_settings s CROSS JOIN company c WHERE s.site_id = \(bind: site.description)
            """).first() else { return nil }
        let currency = try row.currency()
        let kind: String = try row.value("threshold_kind"), value: Int64 = try row.value("threshold_value")
        let threshold: ApprovalThreshold
        switch kind {
        case "percent": threshold = .percent(Percentage(basisPoints: value))
        case "amount": threshold = .amount(Money(minorUnits: value, currency: currency))
        default: throw StoreError.corruptValue(column: "threshold_kind", value: kind)
        }
        let holidays = try await sql.raw("""
            SELECT holiday FROM service_holidays WHERE site_id = \(bind: site.description)
            """).all().map { row in
                let text: String = try row.value("holiday")
                guard let date = CalendarDate(text) else { throw StoreError.corruptValue(column: "holiday", value: text) }
                return date
            }
        return ServiceSettings(
            siteID: try row.identifier("site_id"),
            laborRate: Money(minorUnits: try row.value("labor_rate_minor"), currency: currency),
            taxRate: Percentage(basisPoints: try row.value("tax_rate_bp")), approvalThreshold: threshold,
            holidays: Set(holidays))
    }
}

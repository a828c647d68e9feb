import AxleDomain
import AxleStore

/// The master-data files' rows, each in its import's column order, sorted by business key.
struct CatalogueExport {
    let stores: any StoreTransaction

    func allParts() async throws -> [Part] {
        try await Pages.all(key: \.key) { try await stores.parts.search(PartQuery(), $0) }.map(\.part)
    }

    func allSites() async throws -> [Site] {
        try await stores.sites.all().sorted { $0.code < $1.code }
    }

    func parts() async throws -> [[String]] {
        try await allParts().map { part in
            [part.number.rawValue, part.description, part.brand, part.category.rawValue, part.unit.rawValue,
             PackText.text(part.packs), part.cost.amountText, part.listPrice.amountText, part.criticality.rawValue,
             part.lifecycle.rawValue, part.tracking.rawValue, String(part.hazardous),
             part.coreCharge?.amountText ?? ""]
        }
    }

    func sites() async throws -> [[String]] {
        try await allSites().map { site in
            [site.code.rawValue, site.name, site.kind.rawValue, String(site.location.latitude),
             String(site.location.longitude), site.timeZone]
        }
    }

    func stockPolicies() async throws -> [[String]] {
        var rows: [[String]] = []
        for site in try await allSites() {
            let policy = try await stores.stock.policy(site: site.id)
            rows.append([site.code.rawValue, String(policy.allowsNegativeStock),
                         policy.adjustmentApprovalThreshold.amountText, policy.transferApprovalThreshold.amountText])
        }
        return rows
    }

    func countPolicies() async throws -> [[String]] {
        var rows: [[String]] = []
        for site in try await allSites() {
            rows += try await CountPolicyLookup.policy(site.id, in: stores).rules.map { rule in
                [site.code.rawValue, rule.abcClass.rawValue, String(rule.intervalDays), String(rule.toleranceBasisPoints)]
            }
        }
        return rows
    }

    func bins(of site: Site) async throws -> [Bin] {
        try await Pages.all(key: \.code) { try await stores.bins.list(site: site.id, $0) }
    }

    func bins() async throws -> [[String]] {
        var rows: [[String]] = []
        for site in try await allSites() {
            rows += try await bins(of: site).map { [site.code.rawValue, $0.code.rawValue, $0.description] }
        }
        return rows
    }

    func suppliers() async throws -> [[String]] {
        try await Pages.all(key: \.code) { try await stores.suppliers.list($0) }.map { supplier in
            [supplier.code.rawValue, supplier.name, String(supplier.leadTimeDays)]
        }
    }

    func supersessions() async throws -> [[String]] {
        let parts = try await allParts()
        let numbers = Self.numbers(parts)
        let links = try await stores.supersessions.chains(from: parts.map(\.id))
        return links.compactMap { link in
            guard let part = numbers[link.partID], let replacement = numbers[link.replacementID] else { return nil }
            return [part, replacement, link.interchangeability.rawValue, link.effectiveOn.description,
                    String(link.useUpOldStock)]
        }.sorted { $0[0] < $1[0] }
    }

    func substitutes() async throws -> [[String]] {
        let parts = try await allParts()
        let numbers = Self.numbers(parts)
        var rows: [[String]] = []
        for part in parts {
            rows += try await stores.substitutes.list(for: part.id).compactMap { approval in
                numbers[approval.substituteID].map {
                    [part.number.rawValue, $0, approval.rule.rawValue, approval.note]
                }
            }.sorted { $0[1] < $1[1] }
        }
        return rows
    }

    func fitments() async throws -> [[String]] {
        var rows: [[String]] = []
        for part in try await allParts() {
            rows += try await stores.fitments.list(for: part.id).map { fitment in
                [part.number.rawValue, fitment.make, fitment.model, String(fitment.years.lowerBound),
                 String(fitment.years.upperBound), fitment.engine ?? ""]
            }
        }
        return rows
    }

    func vehicles() async throws -> [[String]] {
        try await Pages.all(key: \.vin.rawValue) { try await stores.vehicles.list($0) }.map { vehicle in
            [vehicle.vin.rawValue, vehicle.make, vehicle.model, String(vehicle.modelYear), vehicle.engine ?? ""]
        }
    }

    static func numbers(_ parts: [Part]) -> [Part.ID: String] {
        Dictionary(uniqueKeysWithValues: parts.map { ($0.id, $0.number.rawValue) })
    }
}

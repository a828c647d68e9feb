public import AxleDomain
import AxleStore

/// Sets a site's workshop settings: labor rate, tax rate, the estimate approval threshold, holidays.
public struct SaveServiceSettings: Command {
    public struct Input: Sendable, Codable {
        public struct Threshold: Sendable, Codable {
            public enum Kind: String, ClosedSet {
                case percent, amount
            }

            public var kind: Kind
            /// A percentage (`10`) or an amount (`150.00`), as decimal text.
            public var value: String

            public init(kind: Kind, value: String) {
                self.kind = kind
                self.value = value
            }
        }

        public var laborRate: String
        public var taxRate: Percentage
        public var approvalThreshold: Threshold
        public var holidays: [CalendarDate]?

        public init(laborRate: String, taxRate: Percentage, approvalThreshold: Threshold, holidays: [CalendarDate]? = nil) {
            self.laborRate = laborRate
            self.taxRate = taxRate
            self.approvalThreshold = approvalThreshold
            self.holidays = holidays
        }
    }

    public let siteID: Site.ID
    public let input: Input

    public init(siteID: Site.ID, input: Input) {
        self.siteID = siteID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configureService, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> ServiceSettings {
        let stores = scope.stores
        let site = try await CatalogLookup.site(siteID, in: stores)
        let currency = try await stores.company.get().currency
        let threshold: ApprovalThreshold
        switch input.approvalThreshold.kind {
        case .percent:
            guard let points = FixedPoint.integer(fromText: input.approvalThreshold.value, decimals: 2),
                  (0...100_000).contains(points) else {
                throw ValidationError(field: "approvalThreshold.value",
                                      reason: "a percentage from 0 to 1000 with at most 2 decimals")
            }
            threshold = .percent(Percentage(basisPoints: points))
        case .amount:
            threshold = .amount(try Validate.money(input.approvalThreshold.value, field: "approvalThreshold.value",
                                                   currency: currency))
        }
        let settings = ServiceSettings(
            siteID: site.id, laborRate: try Validate.money(input.laborRate, field: "laborRate", currency: currency),
            taxRate: input.taxRate, approvalThreshold: threshold, holidays: Set(input.holidays ?? []))
        let before = try await stores.serviceSettings.find(site: site.id)
        try await stores.serviceSettings.save(settings)
        try await scope.audit(.serviceSettingsSave, entityID: site.id.description,
                              before: before, after: settings)
        return settings
    }
}

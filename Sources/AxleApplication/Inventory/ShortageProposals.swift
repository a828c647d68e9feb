public import AxleDomain
import AxleStore

/// What to offer when a site is short of a part: approved substitutes with stock at that site,
/// and other sites with the part available, nearest first.
public struct ShortageProposals: Sendable, Encodable {
    public struct SubstituteOffer: Sendable, Encodable {
        public let part: Part
        public let rule: Substitute.Rule
        public let available: Quantity
    }

    public struct SiteOffer: Sendable, Encodable {
        public let site: Site
        public let available: Quantity
        public let distanceKm: Double
    }

    public let substitutes: [SubstituteOffer]
    public let otherSites: [SiteOffer]

    static func find(for part: Part, at site: Site, in stores: any StoreTransaction) async throws -> ShortageProposals {
        var substitutes: [SubstituteOffer] = []
        let approvals = try await stores.substitutes.list(for: part.id)
        let parts = Dictionary(uniqueKeysWithValues: try await stores.parts.find(ids: approvals.map(\.substituteID))
            .map { ($0.id, $0) })
        for approval in approvals {
            guard let substitute = parts[approval.substituteID] else { continue }
            let stock = try await stores.stock.siteStock(part: substitute.id, site: site.id, forUpdate: false)
            if try stock.available.isPositive {
                substitutes.append(SubstituteOffer(part: substitute, rule: approval.rule, available: try stock.available))
            }
        }
        let sites = Dictionary(uniqueKeysWithValues: try await stores.sites.all().map { ($0.id, $0) })
        let elsewhere = try await stores.stock.siteStock(part: part.id)
            .filter { try $0.siteID != site.id && $0.available.isPositive }
        let otherSites = try elsewhere.compactMap { stock in
            try sites[stock.siteID].map { other in
                SiteOffer(site: other, available: try stock.available,
                          distanceKm: site.location.distanceKilometres(to: other.location))
            }
        }.sorted { ($0.distanceKm, $0.site.code) < ($1.distanceKm, $1.site.code) }
        return ShortageProposals(substitutes: substitutes, otherSites: otherSites)
    }

    /// The proposals as error details, for a refused reservation.
    var details: [String: ErrorDetail] {
        [
            "substitutes": .records(substitutes.map {
                ["partId": .text($0.part.id.description), "number": .text($0.part.number.rawValue),
                 "rule": .text($0.rule.rawValue), "available": .text($0.available.description)]
            }),
            "otherSites": .records(otherSites.map {
                ["siteId": .text($0.site.id.description), "code": .text($0.site.code.rawValue),
                 "available": .text($0.available.description), "distanceKm": .number(Int64($0.distanceKm.rounded()))]
            }),
        ]
    }
}

/// A reservation that could not be made at all, with what the site had and what to do instead.
public struct ReservationRefused: AxleError {
    public let available: Quantity
    public let requested: Quantity
    public let proposals: ShortageProposals

    public var code: String { "inventory.reservation.short" }
    public var message: String {
        "only \(available) available, \(requested) requested; nothing was reserved "
            + "(ask for allowPartial or backorderRemainder, or use a proposal)"
    }
    public var category: ErrorCategory { .conflict }
    public var details: [String: ErrorDetail] {
        proposals.details.merging(["available": .text(available.description),
                                   "requested": .text(requested.description)]) { current, _ in current }
    }
}

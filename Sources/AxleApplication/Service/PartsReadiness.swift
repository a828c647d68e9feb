public import AxleDomain
import AxleStore

/// When a kit can be in the technician's hands at a site: each part from free stock now, or
/// from stock on its way (transfers in transit, usable from the start of their expected day),
/// after the site's waiting backorders, which are served first.
public struct PartsReadiness: Sendable, Encodable {
    public enum Source: String, ClosedSet {
        /// Free at the site now.
        case stock
        /// Arrives by transfer.
        case inbound
        /// Neither stock nor anything on its way covers it.
        case short
    }

    public struct Line: Sendable, Encodable {
        public let partId: Part.ID
        public let number: PartNumber
        public let quantity: Quantity
        /// Free now: available less waiting backorders, over every number that may serve the need.
        public let free: Quantity
        public let source: Source
        /// The day the covering stock is expected, for `inbound`.
        public let expected: CalendarDate?
    }

    public let lines: [Line]
    /// When every part is covered; nil when some part is short.
    public let readyAt: Instant?

    /// Readiness of `kit` at `site` for work starting no earlier than `now`. Each need takes free
    /// stock of its supply in order (old numbers that may be used first); needs that share a
    /// number share its stock. Only the current part's inbound stock is waited for.
    static func assess(_ kit: PartsKit, at site: Site.ID, calendar: SiteCalendar, now: Instant,
                       in stores: any StoreTransaction) async throws -> PartsReadiness {
        var lines: [Line] = []
        var readyAt: Instant? = now
        var left: [Part.ID: Quantity] = [:]
        for need in kit.needs {
            var free = Quantity.zero
            var wanted = need.quantity
            for part in need.supply {
                if left[part.id] == nil {
                    let totals = try await stores.stock.siteStock(part: part.id, site: site, forUpdate: false)
                    left[part.id] = try totals.available - totals.backordered
                }
                let here = left[part.id] ?? .zero
                free = try free + here
                guard here.isPositive else { continue }
                let taken = min(here, wanted)
                left[part.id] = try here - taken
                wanted = try wanted - taken
            }
            var line = Line(partId: need.part.id, number: need.part.number, quantity: need.quantity, free: free,
                            source: .stock, expected: nil)
            if wanted.isPositive {
                // Backorders already waiting for the current part take its inbound stock first.
                var covered = try need.quantity - wanted + min(left[need.part.id] ?? .zero, .zero)
                let inbound = try await stores.inbound.expected(part: need.part.id, site: site)
                    .sorted { $0.expected < $1.expected }
                let arrival = try inbound.first { arriving in
                    covered = try covered + arriving.quantity
                    return covered >= need.quantity
                }
                if let arrival {
                    line = Line(partId: need.part.id, number: need.part.number, quantity: need.quantity, free: free,
                                source: .inbound, expected: arrival.expected)
                    let usable = max(calendar.instant(on: arrival.expected, at: TimeOfDay(minutes: 0)!), now)
                    readyAt = readyAt.map { max($0, usable) }
                } else {
                    line = Line(partId: need.part.id, number: need.part.number, quantity: need.quantity, free: free,
                                source: .short, expected: nil)
                    readyAt = nil
                }
            }
            lines.append(line)
        }
        return PartsReadiness(lines: lines, readyAt: readyAt)
    }

    /// The parts that keep the kit from being ready by `start`.
    func missing(by start: Instant, calendar: SiteCalendar) -> [PartNumber] {
        lines.filter { line in
            switch line.source {
            case .stock: false
            case .short: true
            case .inbound: calendar.instant(on: line.expected!, at: TimeOfDay(minutes: 0)!) > start
            }
        }.map(\.number)
    }
}

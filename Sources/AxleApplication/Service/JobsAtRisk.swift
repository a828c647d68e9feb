public import AxleDomain
import AxleStore

/// The service manager's morning list: upcoming appointments and open repair orders whose
/// parts are not covered by their start — short, waiting on a backorder nothing on its way
/// will fill, or filled by stock arriving after the start — with the best remedy for each part.
public struct JobsAtRisk: Sendable, Encodable {
    public enum Reason: String, ClosedSet {
        /// Waiting for stock and nothing is on its way to the site.
        case short
        /// Stock is on its way, but backorders ahead in the queue take it.
        case onBackorder
        /// Stock on its way covers it, but arrives after the job starts.
        case inboundLate
    }

    public struct Remedy: Sendable, Encodable {
        public enum Kind: String, ClosedSet {
            /// Fit an approved substitute the site has in stock.
            case substitute
            /// Transfer from the nearest site with enough available.
            case transfer
            /// Buy it: no substitute or other site can cover it.
            case purchase
        }

        public let kind: Kind
        public let partNumber: PartNumber?
        public let siteCode: Code?
        /// When a transfer requested now is expected (the next day at the destination).
        public let arrivesBy: CalendarDate?
        public let note: String
    }

    public struct MissingPart: Sendable, Encodable {
        public let partId: Part.ID
        public let number: PartNumber
        public let missing: Quantity
        public let reason: Reason
        public let expected: CalendarDate?
        public let remedy: Remedy
    }

    public struct Job: Sendable, Encodable {
        public enum Kind: String, ClosedSet {
            case appointment, repairOrder
        }

        public let kind: Kind
        public let id: String
        /// The repair order's number; nil for an appointment.
        public let number: String?
        public let customerId: Customer.ID
        public let vehicleId: Vehicle.ID
        /// When the work starts, in the site's local time: the appointment's start, or now for an order in the shop.
        public let start: String
        public let parts: [MissingPart]
    }

    public let siteId: Site.ID
    public let jobs: [Job]

    static func list(at site: Site, days: Int, now: Instant, in stores: any StoreTransaction) async throws -> JobsAtRisk {
        let calendar = try await ServiceLookup.calendar(site, in: stores)
        let today = calendar.local(now).date
        var candidates: [(start: Instant, kind: Job.Kind, id: String, number: String?, customer: Customer.ID,
                          vehicle: Vehicle.ID, reservations: [Reservation.ID])] = []
        let horizon = Period(start: now, end: now.adding(seconds: Int64(days) * 86_400))
        for appointment in try await stores.appointments.list(site: site.id, starting: horizon, status: .booked) {
            candidates.append((appointment.period.start, .appointment, appointment.id.description, nil,
                               appointment.customerID, appointment.vehicleID, appointment.reservationIDs))
        }
        for order in try await stores.repairOrders.open(site: site.id) where order.status.isApproved {
            var start = now
            if let id = order.appointmentID, let appointment = try await stores.appointments.find(id: id, forUpdate: false) {
                start = max(appointment.period.start, now)
            }
            candidates.append((start, .repairOrder, order.id.description, order.number, order.customerID,
                               order.vehicleID, order.partLines.filter { $0.state == .approved }.compactMap(\.reservationID)))
        }
        var jobs: [(Instant, Job)] = []
        for candidate in candidates {
            var missing: [MissingPart] = []
            let startDay = calendar.local(candidate.start).date
            for id in candidate.reservations {
                guard let reservation = try await stores.reservations.find(id: id), reservation.status == .open,
                      reservation.backordered.isPositive else { continue }
                let inbound = try await stores.inbound.expected(part: reservation.partID, site: site.id)
                let backorders = try await stores.reservations.backorders(part: reservation.partID, site: site.id)
                let covered = try AllocationPolicy.coverage(of: reservation.id, among: backorders, inbound: inbound,
                                                        today: today)
                let reason: Reason
                if let covered {
                    guard covered > startDay else { continue }
                    reason = .inboundLate
                } else {
                    reason = inbound.isEmpty ? .short : .onBackorder
                }
                let part = try await CatalogLookup.part(reservation.partID, in: stores)
                missing.append(MissingPart(
                    partId: part.id, number: part.number, missing: reservation.backordered, reason: reason,
                    expected: covered,
                    remedy: try await Self.remedy(for: part, missing: reservation.backordered, at: site, today: today,
                                                  in: stores)))
            }
            guard !missing.isEmpty else { continue }
            jobs.append((candidate.start, Job(
                kind: candidate.kind, id: candidate.id, number: candidate.number, customerId: candidate.customer,
                vehicleId: candidate.vehicle, start: calendar.text(candidate.start), parts: missing)))
        }
        return JobsAtRisk(siteId: site.id, jobs: jobs.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1))
    }

    /// A substitute in stock at the site beats a transfer, which beats buying.
    private static func remedy(for part: Part, missing: Quantity, at site: Site, today: CalendarDate,
                               in stores: any StoreTransaction) async throws -> Remedy {
        let proposals = try await ShortageProposals.find(for: part, at: site, in: stores)
        if let substitute = proposals.substitutes.first(where: { $0.available >= missing && $0.rule != .customerApproval })
            ?? proposals.substitutes.first(where: { $0.available >= missing }) {
            let consent = substitute.rule == .customerApproval ? ", with the customer's consent" : ""
            return Remedy(kind: .substitute, partNumber: substitute.part.number, siteCode: nil, arrivesBy: nil,
                          note: "fit \(substitute.part.number) instead (\(substitute.available) in stock\(consent))")
        }
        if let source = proposals.otherSites.first(where: { $0.available >= missing }) {
            return Remedy(kind: .transfer, partNumber: nil, siteCode: source.site.code, arrivesBy: today.next,
                          note: "transfer \(missing) from \(source.site.code) (\(Int(source.distanceKm.rounded())) km), "
                              + "expected \(today.next)")
        }
        return Remedy(kind: .purchase, partNumber: nil, siteCode: nil, arrivesBy: nil,
                      note: "no substitute or other site can cover \(missing); order it from a supplier")
    }
}

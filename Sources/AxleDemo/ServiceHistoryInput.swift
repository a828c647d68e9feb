import AxleApplication
import AxleDomain
import AxleStore

/// What the service history is built around, read back from the stock history just written:
/// the parts each workshop reserved for repair orders (grouped by order number), what their
/// issues cost in the ledger, the stock the standard kits are drawn from, the vehicles and
/// which of them each part fits.
struct ServiceHistoryInput: Sendable {
    /// The workshops' sites, in the order of `ServiceWorkshopTemplates.workshops`.
    let workshops: [Site]
    /// Each workshop's repair-order reservations, by demand reference.
    let orders: [[String: [Reservation]]]
    /// Ledger value of the stock issued to each consumed reservation.
    let issued: [Reservation.ID: Money]
    /// Every part some site stocks, with its totals there.
    let parts: [Part.ID: Part]
    let stock: [SiteStock]
    let vehicles: [Vehicle]
    /// Fitments of the parts on repair orders that fit particular vehicles.
    let fitments: [Part.ID: [Fitment]]

    /// Reads each workshop's orders in a read transaction of its own, side by side.
    static func read(from services: AxleServices) async throws -> ServiceHistoryInput {
        let (sites, stock, parts, vehicles) = try await services.database.read { stores in
            let stock = try await matrix(stores)
            return (try await stores.sites.all(), stock, try await partsByID(Array(Set(stock.map(\.partID))), stores),
                    try await allVehicles(stores))
        }
        let workshops = ServiceWorkshopTemplates.workshops.compactMap { workshop in
            sites.first { $0.code.rawValue == workshop.siteCode }
        }
        let read = try await withThrowingTaskGroup(of: (Int, [String: [Reservation]], [Reservation.ID: Money]).self) { group in
            for (index, site) in workshops.enumerated() {
                let items = stock.filter { $0.siteID == site.id }.map(\.partID)
                group.addTask {
                    let (orders, issued) = try await services.database.read { stores in
                        try await repairOrders(of: items, at: site.id, stores)
                    }
                    return (index, orders, issued)
                }
            }
            var read: [(Int, [String: [Reservation]], [Reservation.ID: Money])] = []
            for try await result in group { read.append(result) }
            return read.sorted { $0.0 < $1.0 }
        }
        let orders = read.map(\.1)
        let issued = read.reduce(into: [Reservation.ID: Money]()) { $0.merge($1.2) { first, _ in first } }
        let onOrders = Set(orders.flatMap { $0.values.flatMap { $0.map(\.partID) } }).sorted { $0.description < $1.description }
        let fitments = try await services.database.read { stores in
            var fitments: [Part.ID: [Fitment]] = [:]
            for part in onOrders {
                let list = try await stores.fitments.list(for: part)
                if !list.isEmpty { fitments[part] = list }
            }
            return fitments
        }
        return ServiceHistoryInput(workshops: workshops, orders: orders, issued: issued, parts: parts,
                                   stock: stock, vehicles: vehicles, fitments: fitments)
    }

    /// A workshop's repair-order reservations by order number, and the value of their issues.
    private static func repairOrders(of items: [Part.ID], at site: Site.ID, _ stores: any StoreTransaction)
        async throws -> ([String: [Reservation]], [Reservation.ID: Money])
    {
        var bySite: [String: [Reservation]] = [:]
        var consumed: [(part: Part.ID, site: Site.ID, reservations: Set<Reservation.ID>)] = []
        for part in items {
            let reservations = try await repairOrderReservations(of: part, at: site, stores)
            for reservation in reservations { bySite[reservation.demand.reference, default: []].append(reservation) }
            let issued = Set(reservations.filter { $0.status == .consumed }.map(\.id))
            if !issued.isEmpty { consumed.append((part, site, issued)) }
        }
        let orders = bySite.mapValues { $0.sorted { ($0.createdAt, $0.id.description) < ($1.createdAt, $1.id.description) } }
        return (orders, try await issueValues(consumed, stores))
    }

    private static func matrix(_ stores: any StoreTransaction) async throws -> [SiteStock] {
        var cells: [SiteStock] = []
        var after: (Part.ID, Site.ID)?
        while true {
            let page = try await stores.stock.matrix(after: after, limit: 5_000)
            cells += page
            guard page.count == 5_000, let last = page.last else { return cells }
            after = (last.partID, last.siteID)
        }
    }

    private static func partsByID(_ ids: [Part.ID], _ stores: any StoreTransaction) async throws -> [Part.ID: Part] {
        var parts: [Part.ID: Part] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            for part in try await stores.parts.find(ids: Array(ids[start..<min(start + 500, ids.count)])) {
                parts[part.id] = part
            }
        }
        return parts
    }

    private static func repairOrderReservations(of part: Part.ID, at site: Site.ID, _ stores: any StoreTransaction)
        async throws -> [Reservation]
    {
        var found: [Reservation] = []
        var after: String?
        while true {
            let page = try await stores.reservations.list(part: part, site: site, openOnly: false,
                                                          PageRequest(after: after, limit: 500))
            found += page.filter { $0.demand.kind == .repairOrder }
            guard page.count == 500, let last = page.last else { return found }
            after = last.id.description
        }
    }

    /// The value of the issue movements whose document is one of the reservations.
    private static func issueValues(_ items: [(part: Part.ID, site: Site.ID, reservations: Set<Reservation.ID>)],
                                    _ stores: any StoreTransaction) async throws -> [Reservation.ID: Money] {
        var values: [Reservation.ID: Money] = [:]
        for item in items {
            var after: Int64?
            while true {
                let page = try await stores.ledger.history(part: item.part, site: item.site,
                                                           PageRequest(after: after, limit: 500))
                for entry in page where entry.movement.reason == .issue && entry.movement.document.type == .reservation {
                    guard let id = Reservation.ID(entry.movement.document.id), item.reservations.contains(id) else {
                        continue
                    }
                    values[id] = try values[id].map { try $0 + entry.movement.value } ?? entry.movement.value
                }
                guard page.count == 500, let last = page.last else { break }
                after = last.sequence
            }
        }
        return values
    }

    private static func allVehicles(_ stores: any StoreTransaction) async throws -> [Vehicle] {
        var vehicles: [Vehicle] = []
        var after: String?
        while true {
            let page = try await stores.vehicles.list(PageRequest(after: after, limit: 500))
            vehicles += page
            guard page.count == 500, let last = page.last else { return vehicles }
            after = last.vin.rawValue
        }
    }
}

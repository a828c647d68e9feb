import AxleApplication
import AxleDomain
import AxleStore
import Foundation
import Synchronization

/// The demo group's service departments: the two dealerships and the Oak Park workshop with
/// their rates, technicians, bays and labor operations; customers owning every demo vehicle;
/// twelve months of repair orders built around the stock history's repair-order reservations
/// (`ServiceHistory`); and the next two weeks booked through the use cases (`ServiceBookings`).
///
/// Master data and the history are written in bulk with one audit record per row or document,
/// as the rest of the demo is. The next two weeks go through the command runner with
/// identifiers drawn from the demo's seeded sequence, so that they too are the same for the
/// same seed and clock.
struct ServiceDemo {
    static let horizonDays = 14

    let seed: UInt64
    let audit: AuditContext

    func load(into services: AxleServices, ids: inout DemoIdentifiers, counts: inout DemoCounts,
              progress: (String) -> Void) async throws {
        progress("service departments: labor operations, technicians, bays and customers")
        let input = try await ServiceHistoryInput.read(from: services)
        precondition(input.workshops.count == ServiceWorkshopTemplates.workshops.count,
                     "the demo's sites include its three workshops")
        let history = HistoryCalendar(now: audit.at, timeZone: SiteTemplates.timeZone)
        let past = history.days.map(\.date)
        let today = past[past.count - 1].next
        let horizon = (0..<Self.horizonDays).map { ServiceHolidays.shifted(today, by: Int64($0)) }
        let (technicianUsers, approver) = try await demoUsers(services)
        var random = DemoRandom(seed: seed, stream: "service setup")
        let setup = ServiceSetup(input: input, dates: past + horizon, technicianUsers: technicianUsers, ids: &ids,
                                 random: &random)
        var customerRandom = DemoRandom(seed: seed, stream: "service customers")
        let customers = ServiceCustomerFactory(
            vehicles: input.vehicles, workshops: ServiceWorkshopTemplates.workshops.map(\.siteCode),
            since: history.days[0].midnight, startYear: past[0].year, ids: &ids, random: &customerRandom)
        try await writeMasterData(setup, customers, into: services)

        progress("service history from \(past[0]): repair orders around the repair-order reservations, with "
                 + "labor, clocked time, appointments and invoices")
        var agendas = setup.workshops.map { ServiceAgenda(workshop: $0, dates: horizon) }
        var jobs: [ServiceJob] = []
        var cancelled: [(workshop: Int, vehicle: Int, operations: [LaborOperation], booking: ServiceJob.Booking,
                         cancelledAt: Int64, concern: String)] = []
        for (index, workshop) in setup.workshops.enumerated() {
            var builder = ServiceHistory(workshop: workshop, index: index, setup: setup, owned: customers.owned,
                                         input: input, dates: past, seed: seed)
            try builder.run(agenda: &agendas[index])
            jobs += builder.jobs
            cancelled += builder.cancelledBookings.map { (index, $0.vehicle, $0.operations, $0.booking, $0.cancelledAt,
                                                          $0.concern) }
        }
        let rows = try ServiceRows(jobs: jobs, cancelledBookings: cancelled, workshops: setup.workshops,
                               customers: customers, input: input, ids: &ids)
        try await write(rows, into: services)

        progress("the next \(Self.horizonDays) days: deliveries, transfers and appointments through the use cases")
        let identifiers = SeededIdentifiers(ids)
        let seeded = AxleServices(dependencies: Dependencies(
            database: services.database, clock: services.dependencies.clock, ids: identifiers.source))
        let monthAgo = audit.at.microseconds - 30 * 86_400_000_000
        var bookings = ServiceBookings(
            services: seeded, setup: setup, customers: customers, input: input,
            recent: Set(jobs.filter { $0.openedAt > monthAgo }.map(\.vehicle)), approver: approver,
            random: DemoRandom(seed: seed, stream: "service bookings"))
        let outcome = try await bookings.run(agendas: &agendas)
        ids = identifiers.current

        counts.movements += outcome.movements
        counts.receipts += outcome.receipts
        counts.service = [
            ("customers", customers.customers.count), ("fleet customers", customers.customers.count { $0.kind == .fleet }),
            ("labor operations", setup.operations.count), ("technicians", setup.workshops.reduce(0) { $0 + $1.technicians.count }),
            ("bays", setup.workshops.reduce(0) { $0 + $1.bays.count }),
            ("repair orders", rows.orders.count + outcome.walkIns),
            ("open repair orders", rows.orders.count { $0.status.isOpen } + outcome.walkIns),
            ("time entries", rows.entries.count), ("past appointments", rows.appointments.count),
            ("appointments booked ahead", outcome.appointments), ("transfers on their way to workshops", outcome.transfers),
        ]
        // Booking re-checks what the agenda chose; a refusal means the two disagree, which the summary shows.
        if outcome.refused > 0 { counts.service.append(("appointments refused by booking", outcome.refused)) }
    }

    /// The demo users who clock on as technicians, by site code, and the administrator, who
    /// approves what the operator asks for.
    private func demoUsers(_ services: AxleServices) async throws -> ([String: Principal.ID], Caller?) {
        try await services.database.read { stores in
            var technicians: [String: Principal.ID] = [:]
            if let user = try await stores.principals.find(name: "demo-tech-oakpark") { technicians["WS-OAKPARK"] = user.id }
            let admin = try await stores.principals.find(name: "demo-admin")
            return (technicians, admin.map { Caller(principal: $0, requestID: nil) })
        }
    }

    private func writeMasterData(_ setup: ServiceSetup, _ customers: ServiceCustomerFactory,
                                 into services: AxleServices) async throws {
        try await services.database.write { [audit] stores in
            let writer = audit.writer(stores)
            let workshops = setup.workshops
            try await writer.insert(workshops.map(\.settings), action: "serviceSettings.save",
                                    entityType: "serviceSettings", id: \.siteID.description) { rows in
                for settings in rows { try await stores.serviceSettings.save(settings) }
            }
            try await writer.insert(setup.operations, action: "laborOperation.create", entityType: "laborOperation",
                                    id: \.id.description, using: stores.laborOperations.insert)
            try await writer.insert(workshops.flatMap(\.technicians), action: "technician.create",
                                    entityType: "technician", id: \.id.description, using: stores.workshop.insert)
            try await writer.insert(workshops.flatMap(\.absences), action: "technician.absence",
                                    entityType: "technician", id: \.technicianID.description,
                                    using: stores.workshop.insert)
            try await writer.insert(workshops.flatMap(\.bays), action: "bay.create", entityType: "bay",
                                    id: \.id.description, using: stores.workshop.insert)
            try await writer.insert(customers.customers, action: "customer.create", entityType: "customer",
                                    id: \.id.description, using: stores.customers.insert)
            try await writer.insert(customers.links, action: "customer.vehicle.add", entityType: "customer",
                                    id: \.customerID.description, using: stores.customers.addVehicles)
        }
    }

    /// One transaction, appointments before the orders that name them; the audit snapshots are
    /// encoded while the rows are written.
    private func write(_ rows: ServiceRows, into services: AxleServices) async throws {
        let records = Task { [audit] in try await rows.audit.encoded(for: audit) }
        do {
            try await services.database.write { stores in
                try await stores.appointments.insert(rows.appointments)
                try await stores.repairOrders.insert(rows.orders)
                try await stores.repairOrders.insert(rows.entries)
                try await stores.customers.recordMileage(rows.readings)
                try await stores.schedule.insert(rows.blocks)
                try await stores.audit.append(try await records.value)
            }
        } catch {
            records.cancel()
            throw error
        }
    }
}

/// The demo's seeded identifiers as an `IdentifierSource`, for the use cases the demo runs.
final class SeededIdentifiers: Sendable {
    private let state: Mutex<DemoIdentifiers>

    init(_ start: DemoIdentifiers) {
        state = Mutex(start)
    }

    var source: IdentifierSource {
        IdentifierSource { [self] in state.withLock { $0.next() as Identifier<SeededIdentifiers> }.rawValue }
    }

    /// Where the sequence stands: the next identifier the demo draws comes after every one handed out.
    var current: DemoIdentifiers { state.withLock { $0 } }
}

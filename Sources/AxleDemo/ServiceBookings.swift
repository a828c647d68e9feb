import AxleApplication
import AxleDomain
import AxleStore

/// The coming two weeks, made through the use cases a service desk uses, so that every
/// technician's and bay's booked time and every part reservation is exactly what booking
/// makes it: this morning's deliveries of the kit parts a workshop stocks, transfers from
/// the distribution center of those it does not (kits booked after they arrive), appointments
/// filling most of the next few days and less of the days after, and a walk-in that jumps the
/// queue for a part on its way, which puts booked work at risk.
struct ServiceBookings {
    struct Outcome: Sendable {
        var receipts = 0
        var transfers = 0
        var movements = 0
        var appointments = 0
        var refused = 0
        var walkIns = 0
    }

    /// A kit part waiting for a transfer at a workshop.
    private struct Awaited {
        let workshop: Int
        let part: Part
        let perKit: Int64
    }

    let services: AxleServices
    let setup: ServiceSetup
    let customers: ServiceCustomerFactory
    let input: ServiceHistoryInput
    /// Vehicles in a workshop lately: they are not booked again so soon.
    let recent: Set<Int>
    /// Approves transfers the operator requested (an approver is never the requester).
    let approver: Caller?
    var random: DemoRandom

    private let system = Caller(principal: .system, requestID: nil)
    private static let minute: Int64 = 60_000_000

    /// Stock each workshop keeps of a kit part after this morning's delivery, in thousandths.
    private static let targets: [String: Int64] = [
        "Engine oil": 220_000, "Automatic transmission fluid": 60_000, "Engine coolant": 80_000,
        "A/C refrigerant": 10_000, "Brake cleaner": 24_000, "Brake fluid": 12_000, "Starter battery": 8_000,
        "Halogen bulb": 20_000, "All-season tyre": 24_000,
    ]

    mutating func run(agendas: inout [ServiceAgenda]) async throws -> Outcome {
        var outcome = Outcome()
        let now = services.dependencies.clock.now()
        let today = setup.workshops[0].calendar.local(now).date
        let awaited = try await deliver(today: today, outcome: &outcome)
        var stock = try await kitStock()
        var booked = recent
        for index in setup.workshops.indices {
            try await book(at: index, agenda: &agendas[index], stock: &stock[index], vehicles: &booked, now: now,
                           today: today, outcome: &outcome)
        }
        for wait in awaited where stock[wait.workshop][wait.part.id].map({ $0.available - $0.backordered <= 0 }) == true {
            try await walkIn(wait, vehicles: &booked, now: now, outcome: &outcome)
            break
        }
        return outcome
    }

    // MARK: - This morning's deliveries and transfers

    private var kitParts: [(part: Part, kind: String, perKit: Int64)] {
        var parts: [(part: Part, kind: String, perKit: Int64)] = []
        for operation in setup.operations {
            for line in operation.kit {
                guard let part = input.parts[line.partID] else { continue }
                if let index = parts.firstIndex(where: { $0.part.id == part.id }) {
                    parts[index].perKit = max(parts[index].perKit, line.quantity.milli)
                } else {
                    parts.append((part, ServiceOperationTemplates.kind(of: part.description), line.quantity.milli))
                }
            }
        }
        return parts
    }

    /// Tops up the kit parts each workshop stocks; asks the site with most to spare for those
    /// it does not, shipped today. Returns the parts on their way.
    private mutating func deliver(today: CalendarDate, outcome: inout Outcome) async throws -> [Awaited] {
        var stocked = Set(input.stock.map { "\($0.partID) \($0.siteID)" })
        let kits = kitParts
        // When every workshop stocks every kit part, the first waits for its tyres from elsewhere all the same.
        if let tyres = kits.first(where: { $0.kind == "All-season tyre" }), let first = setup.workshops.first,
           kits.allSatisfy({ kit in setup.workshops.allSatisfy { stocked.contains("\(kit.part.id) \($0.site.id)") } }) {
            stocked.remove("\(tyres.part.id) \(first.site.id)")
        }
        var awaited: [Awaited] = []
        for (index, workshop) in setup.workshops.enumerated() {
            for kit in kits {
                if stocked.contains("\(kit.part.id) \(workshop.site.id)") {
                    try await restock(kit.part, kind: kit.kind, at: workshop, today: today, outcome: &outcome)
                } else if try await transfer(kit.part, perKit: kit.perKit, to: workshop, today: today,
                                             outcome: &outcome) {
                    awaited.append(Awaited(workshop: index, part: kit.part, perKit: kit.perKit))
                }
            }
        }
        return awaited
    }

    private mutating func restock(_ part: Part, kind: String, at workshop: ServiceWorkshop, today: CalendarDate,
                                  outcome: inout Outcome) async throws {
        guard let target = Self.targets[kind], part.tracking != .serial else { return }
        let site = workshop.site.id
        let (totals, bin) = try await services.database.read { stores in
            let totals = try await stores.stock.siteStock(part: part.id, site: site, forUpdate: false)
            let bin = try await stores.stock.balances(part: part.id, site: site)
                .first { $0.position.status == .unrestricted }?.position.binID
            return (totals, bin)
        }
        let free = try totals.available.milli - totals.backordered.milli
        guard free < target, let bin else { return }
        let units = (target - free + Quantity.scale - 1) / Quantity.scale
        _ = try await services.commands.run(ReceiveStock(.init(
            siteId: site, binId: bin, partId: part.id, quantity: Quantity(units: units),
            lot: part.tracking == .lot ? lot(for: part, today: today) : nil,
            reference: "PO-\(workshop.site.code)-\(today)")), as: system)
        outcome.receipts += 1
        outcome.movements += 1
    }

    /// A transfer of two or three kits' worth from the site with most available, arriving the
    /// day after tomorrow; false when no site has that much to spare.
    private mutating func transfer(_ part: Part, perKit: Int64, to workshop: ServiceWorkshop, today: CalendarDate,
                                   outcome: inout Outcome) async throws -> Bool {
        let destination = workshop.site.id
        let sources = try await services.database.read { try await $0.stock.siteStock(part: part.id) }
            .filter { try $0.siteID != destination && $0.available.milli >= 2 * perKit }
            .sorted { (try $0.available, $0.siteID.description) > (try $1.available, $1.siteID.description) }
        guard let source = sources.first else { return false }
        let kits = min(3, try source.available.milli / perKit / 2 + 1)
        var transfer = try await services.commands.run(RequestTransfer(.init(
            partId: part.id, sourceSiteId: source.siteID, destinationSiteId: destination,
            quantity: Quantity(milli: kits * perKit), priority: .scheduledService, needBy: today)), as: system)
        if transfer.state == .requested {
            guard let approver else { return false }
            transfer = try await services.commands.run(ApproveTransfer(transferID: transfer.id), as: approver)
        }
        var arrival = ServiceHolidays.shifted(today, by: 2)
        if Weekday(of: arrival) == .sunday { arrival = arrival.next }
        let shipped = try await services.commands.run(
            ShipTransfer(transferID: transfer.id, input: .init(expectedArrival: arrival)), as: system)
        outcome.transfers += 1
        outcome.movements += shipped.movements.count
        return true
    }

    /// Tyres carry a DOT week and year; fluids a filling batch.
    private func lot(for part: Part, today: CalendarDate) -> String {
        let year = today.year % 100 < 10 ? "0\(today.year % 100)" : "\(today.year % 100)"
        if part.category == .tyres { return "DOT 12" + year }
        return "L" + year + (today.month < 10 ? "0\(today.month)" : "\(today.month)") + "01-01"
    }

    /// Each workshop's kit parts as booking sees them after the deliveries.
    private func kitStock() async throws -> [[Part.ID: ServiceKitStock]] {
        let parts = kitParts.map(\.part.id), sites = setup.workshops.map(\.site.id)
        return try await services.database.read { stores in
            var stock: [[Part.ID: ServiceKitStock]] = []
            for site in sites {
                var here: [Part.ID: ServiceKitStock] = [:]
                for part in parts {
                    let totals = try await stores.stock.siteStock(part: part, site: site, forUpdate: false)
                    let inbound = try await stores.inbound.expected(part: part, site: site)
                    here[part] = ServiceKitStock(available: try totals.available.milli, backordered: totals.backordered.milli,
                                                 inbound: inbound.map { ($0.expected, $0.quantity.milli) })
                }
                stock.append(here)
            }
            return stock
        }
    }

    // MARK: - Appointments

    /// Books most of the next days and less of the days after: 75 % of the technicians' free
    /// time today, 5 points less each day after, never below 10 %.
    private mutating func book(at index: Int, agenda: inout ServiceAgenda, stock: inout [Part.ID: ServiceKitStock],
                               vehicles: inout Set<Int>, now: Instant, today: CalendarDate,
                               outcome: inout Outcome) async throws {
        let workshop = setup.workshops[index]
        let pool = customers.owned.indices.filter { customers.owned[$0].home == index }
        var date = today
        for offset in 0..<ServiceDemo.horizonDays {
            defer { date = date.next }
            let target = Double(agenda.freeMinutes(on: date)) * max(0.1, 0.75 - 0.05 * Double(offset))
            var bookedMinutes = 0.0, misses = 0
            while bookedMinutes < target && misses < 12 {
                guard let vehicle = pickVehicle(from: pool, excluding: vehicles) else { return }
                guard let plan = try plan(for: vehicle, at: workshop, stock: stock, today: today, date: date),
                      let slot = slot(for: plan, on: date, agenda: agenda, now: now) else {
                    misses += 1
                    continue
                }
                let owner = customers.owned[vehicle]
                do {
                    _ = try await services.commands.run(BookAppointment(.init(
                        siteId: workshop.site.id, customerId: customers.customers[owner.customer].id,
                        vehicleId: owner.vehicle.id, operationIds: plan.operations.map(\.id),
                        start: Instant(microseconds: slot.start), technicianId: agenda.technicians[slot.technician].item.id,
                        bayId: agenda.bays[slot.bay].item.id, concern: plan.concern)), as: system)
                } catch is ServiceError {
                    // The agenda mirrors what booking checks; a refusal means it drifted: count it and go on.
                    outcome.refused += 1
                    misses += 1
                    continue
                }
                agenda.take(technician: slot.technician, bay: slot.bay, start: slot.start,
                            end: slot.start + plan.minutes * Self.minute)
                for (part, quantity) in plan.kit { stock[part]?.reserve(quantity) }
                vehicles.insert(vehicle)
                bookedMinutes += Double(plan.minutes)
                outcome.appointments += 1
            }
        }
    }

    private struct Plan {
        let operations: [LaborOperation]
        let kit: [(Part.ID, Int64)]
        let minutes: Int64
        let concern: String
        /// When every kit part is at the site.
        let readyOn: CalendarDate
    }

    /// The work a customer asks for, as one or two operations whose kit can be at the site by `date`.
    private mutating func plan(for vehicle: Int, at workshop: ServiceWorkshop, stock: [Part.ID: ServiceKitStock],
                               today: CalendarDate, date: CalendarDate) throws -> Plan? {
        let owner = customers.owned[vehicle]
        var codes = [operation(for: owner, at: workshop, on: date)]
        if random.chance(0.3) {
            let extra = random.pick(["MPI", "TYR-ROT", "FLT-SVC"])
            if !codes.contains(extra) { codes.append(extra) }
        }
        let operations = codes.compactMap { setup.byCode[$0] }
        var kit: [Part.ID: Int64] = [:]
        for line in operations.flatMap(\.kit) { kit[line.partID, default: 0] += line.quantity.milli }
        var readyOn = today
        for (part, quantity) in kit {
            guard let ready = stock[part]?.readyOn(quantity, today: today), ready <= date else { return nil }
            readyOn = max(readyOn, ready)
        }
        let hours = try operations.reduce(Quantity.zero) { try $0 + $1.standardHours }
        return Plan(operations: operations, kit: kit.sorted { $0.key.description < $1.key.description }.map { ($0.key, $0.value) },
                    minutes: LaborOperation.minutes(of: hours), concern: random.pick(operations[0].concernTexts),
                    readyOn: readyOn)
    }

    private mutating func operation(for owner: ServiceCustomerFactory.Owned, at workshop: ServiceWorkshop,
                                    on date: CalendarDate) -> String {
        var table: [(String, Int)] = [
            ("LOF-SYN", 24), ("TYR-ROT", 8), ("MPI", 6), ("BRK-PAD-F", 7), ("BRK-PAD-R", 4), ("ALN-4W", 6),
            ("BAT-RPL", 4), ("DIAG-CEL", 6), ("ELE-DIAG", 3), ("COOL-FLUSH", 3), ("ATF-SVC", 3), ("FLT-SVC", 5),
            ("TYR-NEW", 4), ("SUS-DAMP", 2), ("ENG-IGN", 2), ("BRK-HYD", 2), ("LGT-RPL", 2),
            ("AC-SVC", (5...8).contains(date.month) ? 8 : 2),
        ]
        if [3, 4, 10, 11].contains(date.month) || (date.month == 12 && date.day < 15) { table.append(("TYR-SEAS", 12)) }
        if workshop.site.kind == .dealership { table.append(("RCL-CAMP", 4)) }
        if owner.vehicle.engine?.contains("Hybrid") == true { table += [("EV-HV-INSP", 10), ("EV-HV-COOL", 3)] }
        if owner.fleet && ["F-150", "Silverado 1500", "1500", "Tacoma"].contains(owner.vehicle.model) {
            table.append(("HD-INSP", 15))
        }
        return Weighted(table).draw(using: &random)
    }

    /// Customers like to drop the car off first thing; the rest spread over the day.
    private mutating func slot(for plan: Plan, on date: CalendarDate, agenda: ServiceAgenda, now: Instant)
        -> (technician: Int, bay: Int, start: Int64)?
    {
        let calendar = agenda.calendar
        let earliest = max(now.microseconds + 60 * Self.minute,
                           calendar.instant(on: plan.readyOn, at: TimeOfDay(minutes: 0)!).microseconds)
        let preferred = random.chance(0.55) ? random.int(in: 450...540) : random.int(in: 540...870)
        let skills = Set(plan.operations.map(\.skill)), bays = Set(plan.operations.map(\.bayType))
        let wanted = calendar.instant(on: date, at: TimeOfDay(minutes: preferred)!).microseconds
        return agenda.firstFit(skills: skills, bayTypes: bays, minutes: plan.minutes, on: date, from: max(wanted, earliest))
            ?? agenda.firstFit(skills: skills, bayTypes: bays, minutes: plan.minutes, on: date, from: earliest)
    }

    private mutating func pickVehicle(from pool: [Int], excluding taken: Set<Int>) -> Int? {
        guard !pool.isEmpty else { return nil }
        for _ in 0..<20 {
            let vehicle = random.pick(pool)
            if !taken.contains(vehicle) { return vehicle }
        }
        return pool.first { !taken.contains($0) }
    }

    // MARK: - A walk-in ahead of the queue

    /// A customer waiting in the shop needs the part the transfer brings: approved, the order's
    /// backorder goes before the booked work's, which is then at risk.
    private mutating func walkIn(_ wait: Awaited, vehicles: inout Set<Int>, now: Instant, outcome: inout Outcome)
        async throws {
        let workshop = setup.workshops[wait.workshop]
        guard let operation = setup.operations.first(where: { $0.kit.contains { $0.partID == wait.part.id } }),
              let vehicle = pickVehicle(from: customers.owned.indices.filter { customers.owned[$0].home == wait.workshop },
                                        excluding: vehicles) else { return }
        let owner = customers.owned[vehicle]
        let customer = customers.customers[owner.customer]
        var order = try await services.commands.run(OpenRepairOrder(.init(
            siteId: workshop.site.id, customerId: customer.id, vehicleId: owner.vehicle.id,
            concern: random.pick(operation.concernTexts) + " (waiting in the lounge)",
            mileage: owner.odometer(at: now.microseconds), labor: [LaborLineInput(operationId: operation.id)])),
            as: system)
        order = try await services.commands.run(
            ChangeRepairOrderStatus(orderID: order.order.id, input: .init(event: .estimate)), as: system)
        _ = try await services.commands.run(ChangeRepairOrderStatus(orderID: order.order.id, input: .init(
            event: .approve, approvedBy: customer.name, method: .inPerson)), as: system)
        vehicles.insert(vehicle)
        outcome.walkIns += 1
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

/// Service operations through the HTTP API: a workshop set up, a customer booked by
/// availability, the repair order worked, clocked and invoiced; and the rules the API keeps.
/// The test clock starts on Monday 2026-03-02 at 03:00 in Chicago (09:00Z).
@Suite("Service API")
struct ServiceAPITests {
    @Test(arguments: TestBackend.available)
    func aCustomerIsBookedByAvailabilityRepairedClockedAndInvoicedThroughTheAPI(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let shop = try await APIWorkshop.make(api)
            let operations = try await api.send(.get, "/api/v1/labor-operations")
            #expect(operations.items.map { $0["code"] as? String } == ["BRK-F"])
            #expect(try await api.send(.get, "/api/v1/technicians?site=\(shop.site.id)", token: shop.advisor).items
                .map { $0["name"] as? String } == ["Ana"])
            #expect(try await api.send(.get, "/api/v1/bays?site=\(shop.site.id)").items.count == 1)
            let found = try await api.send(.get, "/api/v1/customers?q=whit", token: shop.advisor)
            #expect(found.items.map { $0["id"] as? String } == [shop.customer])
            let customer = try await api.send(.get, "/api/v1/customers/\(shop.customer)", token: shop.advisor)
            #expect((customer.json["vehicles"] as? [[String: Any]])?.first?["vehicleId"] as? String == shop.vehicle)
            let settings = try await api.send(.get, "/api/v1/sites/\(shop.site.id)/service-settings")
            #expect(settings.string("laborRate") == "120.00")

            // The earliest slot: Ana, the lift and two pads in stock coincide at 08:00 local.
            let search = try await api.send(.post, "/api/v1/appointments/search", token: shop.advisor, json: """
                {"siteId": "\(shop.site.id)", "vehicleId": "\(shop.vehicle)", "operationIds": ["\(shop.brakeJob)"]}
                """)
            #expect(search.status == .ok, "\(search)")
            #expect(search.json["minutes"] as? Int == 120)
            let slot = try #require(search.array("slots").first)
            #expect(slot["start"] as? String == "2026-03-02T08:00:00-06:00")
            #expect(slot["technicianName"] as? String == "Ana")
            #expect((slot["reasons"] as? [String])?.contains("2 × BP-100 in stock at the site") == true)

            let booking = """
                {"siteId": "\(shop.site.id)", "customerId": "\(shop.customer)", "vehicleId": "\(shop.vehicle)",
                 "operationIds": ["\(shop.brakeJob)"], "start": "\(slot["start"] as! String)",
                 "technicianId": "\(slot["technicianId"] as! String)", "bayId": "\(slot["bayId"] as! String)",
                 "concern": "Grinding noise when braking"}
                """
            let booked = try await api.send(.post, "/api/v1/appointments", token: shop.advisor, json: booking,
                                            headers: [.idempotencyKey: "book-dana-brakes"])
            #expect(booked.status == .created, "\(booked)")
            #expect(booked.string("status") == "booked")
            #expect(booked.string("end") == "2026-03-02T10:00:00-06:00")
            #expect(booked.json["operationIds"] as? [String] == [shop.brakeJob])
            let appointment = try #require(booked.string("id"))
            let replay = try await api.send(.post, "/api/v1/appointments", token: shop.advisor, json: booking,
                                            headers: [.idempotencyKey: "book-dana-brakes"])
            #expect(replay.headers[.idempotentReplayed] == "true")
            #expect(replay.body == booked.body)
            #expect(try await api.fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))
            let day = try await api.send(
                .get, "/api/v1/appointments?site=\(shop.site.id)&from=2026-03-02T00:00:00-06:00&days=1&status=booked",
                token: shop.advisor)
            #expect(day.items.map { $0["id"] as? String } == [appointment])

            // The car arrives: the order carries the booked work, technician and parts on.
            let opened = try await api.send(.post, "/api/v1/repair-orders", token: shop.advisor, json: """
                {"siteId": "\(shop.site.id)", "customerId": "\(shop.customer)", "vehicleId": "\(shop.vehicle)",
                 "concern": "Grinding noise when braking", "mileage": 48250, "appointmentId": "\(appointment)"}
                """)
            #expect(opened.status == .created, "\(opened)")
            #expect(opened.string("number") == "RO-000001")
            #expect(opened.string("status") == "scheduled")
            #expect(opened.json["allowedEvents"] as? [String] == ["start", "awaitParts", "cancel"])
            // Two hours at 120.00 plus two pads at 9.95 (259.90), and 8.25 % tax (21.44).
            #expect((opened.json["totals"] as? [String: Any])?["total"] as? String == "281.34")
            let order = try #require(opened.string("id"))
            let arrived = try await api.send(.get, "/api/v1/appointments/\(appointment)", token: shop.advisor)
            #expect(arrived.string("status") == "arrived")
            #expect(arrived.string("repairOrderId") == order)

            let started = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.technician,
                                             json: #"{"event": "start"}"#)
            #expect(started.string("status") == "inProgress", "\(started)")
            let line = try #require(started.array("laborLines").first?["id"] as? String)
            let on = try await api.send(.post, "/api/v1/repair-orders/\(order)/labor/\(line)/clock-on",
                                        token: shop.technician)
            #expect(on.status == .created, "\(on)")
            #expect(on.string("technicianId") == shop.anaTechnician)
            #expect(on.json["end"] == nil)
            api.clock.advance(seconds: 5_400)
            let off = try await api.send(.post, "/api/v1/repair-orders/\(order)/labor/\(line)/clock-off",
                                         token: shop.technician)
            #expect(off.status == .ok, "\(off)")
            #expect(off.string("end") == "2026-03-02T10:30:00.000Z")
            let entries = try await api.send(.get, "/api/v1/repair-orders/\(order)/time-entries", token: shop.advisor)
            #expect(entries.items.map { $0["id"] as? String } == [on.string("id")])

            _ = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.technician,
                                   json: #"{"event": "requestQualityCheck"}"#)
            let completed = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.technician,
                                               json: #"{"event": "complete"}"#)
            #expect(completed.string("status") == "completed", "\(completed)")
            // The two pads left the ledger at their moving-average cost of 4.10.
            #expect(completed.string("partsCost") == "8.20")
            let pads = try await api.fixtures.siteStock(shop.pads, at: shop.site)
            #expect((pads.unrestricted, pads.reserved) == (Quantity(units: 2), .zero))

            // The technician did the work but does not bill it.
            let notTheirs = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.technician,
                                               json: #"{"event": "invoice"}"#)
            #expect(notTheirs.status == .forbidden)
            #expect(notTheirs.errorCode == "auth.permission_denied")
            let invoiced = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.advisor,
                                              json: #"{"event": "invoice", "note": "paid by card"}"#)
            #expect(invoiced.string("status") == "invoiced", "\(invoiced)")
            let invoice = try #require(invoiced.json["invoice"] as? [String: Any])
            #expect((invoice["totals"] as? [String: Any])?["total"] as? String == "281.34")
            #expect(invoice["costOfParts"] as? String == "8.20")
            #expect(invoice["grossMargin"] as? String == "251.70")
            let closed = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.advisor,
                                            json: #"{"event": "close"}"#)
            #expect(closed.string("status") == "closed")
            #expect(closed.json["allowedEvents"] as? [String] == [])
            let listed = try await api.send(.get, "/api/v1/repair-orders?site=\(shop.site.id)&status=closed",
                                            token: shop.advisor)
            #expect(listed.items.map { $0["id"] as? String } == [order])

            // Monday's KPIs: one order done in 1.5 hours without a comeback, 90 of Ana's 540 minutes
            // clocked, both pads at the site when the car arrived.
            let kpis = try await api.send(.get, "/api/v1/service/kpis?site=\(shop.site.id)"
                + "&from=2026-03-02T00:00:00-06:00&to=2026-03-03T00:00:00-06:00", token: shop.advisor)
            #expect(kpis.status == .ok, "\(kpis)")
            #expect((kpis.json["serviceCycleTime"] as? [String: Any])?["orders"] as? Int == 1)
            #expect((kpis.json["serviceCycleTime"] as? [String: Any])?["meanHours"] as? Double == 1.5)
            let firstTimeFix = kpis.json["firstTimeFix"] as? [String: Any]
            #expect((firstTimeFix?["numerator"] as? Int, firstTimeFix?["denominator"] as? Int) == (1, 1))
            let utilization = kpis.json["technicianUtilization"] as? [String: Any]
            #expect((utilization?["clockedMinutes"] as? Int, utilization?["availableMinutes"] as? Int) == (90, 540))
            #expect((kpis.json["partsFillRate"] as? [String: Any])?["percent"] as? Int == 100)

            let trail = try await api.fixtures.auditTrail().filter { $0.entityType == "repairOrder" }.map(\.action)
            #expect(trail == ["repairOrder.open", "repairOrder.start", "repairOrder.clockOn", "repairOrder.clockOff",
                              "repairOrder.requestQualityCheck", "repairOrder.complete", "repairOrder.invoice",
                              "repairOrder.close"])
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aVisitMovedAcrossTheClockChangeKeepsItsWallClockTimeAndCancellingReleasesItsPads(_ backend: TestBackend)
        async throws
    {
        try await APIHarness.run(backend) { api in
            let shop = try await APIWorkshop.make(api)
            let search = #"{"siteId": "\#(shop.site.id)", "vehicleId": "\#(shop.vehicle)", "operationIds": ["\#(shop.brakeJob)"]}"#
            let slot = try #require(try await api.send(.post, "/api/v1/appointments/search", token: shop.advisor,
                                                       json: search).array("slots").first)
            let booked = try await api.send(.post, "/api/v1/appointments", token: shop.advisor, json: """
                {"siteId": "\(shop.site.id)", "customerId": "\(shop.customer)", "vehicleId": "\(shop.vehicle)",
                 "operationIds": ["\(shop.brakeJob)"], "start": "\(slot["start"] as! String)",
                 "technicianId": "\(shop.anaTechnician)", "bayId": "\(slot["bayId"] as! String)", "concern": "Brakes"}
                """)
            let appointment = try #require(booked.string("id"))

            // The clocks go forward on 2026-03-08: 09:00 local is then 14:00Z.
            let moved = try await api.send(.post, "/api/v1/appointments/\(appointment)/reschedule", token: shop.advisor,
                                           json: """
                {"start": "2026-03-09T09:00:00-05:00", "technicianId": "\(shop.anaTechnician)",
                 "bayId": "\(slot["bayId"] as! String)"}
                """)
            #expect(moved.status == .ok, "\(moved)")
            #expect(moved.string("start") == "2026-03-09T09:00:00-05:00")
            #expect((moved.json["period"] as? [String: Any])?["start"] as? String == "2026-03-09T14:00:00.000Z")
            #expect(try await api.fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))

            // Monday is free again, unless Ana is away: then Tuesday is the earliest.
            let away = try await api.send(.post, "/api/v1/technicians/\(shop.anaTechnician)/absences", json: """
                {"start": "2026-03-02T00:00:00-06:00", "end": "2026-03-03T00:00:00-06:00", "reason": "Training"}
                """)
            #expect(away.status == .created, "\(away)")
            let next = try await api.send(.post, "/api/v1/appointments/search", token: shop.advisor, json: search)
            #expect(next.array("slots").first?["start"] as? String == "2026-03-03T08:00:00-06:00")

            let cancelled = try await api.send(.post, "/api/v1/appointments/\(appointment)/cancel", token: shop.advisor)
            #expect(cancelled.string("status") == "cancelled", "\(cancelled)")
            #expect(try await api.fixtures.siteStock(shop.pads, at: shop.site).reserved == .zero)
            let listed = try await api.send(.get, "/api/v1/appointments?site=\(shop.site.id)&days=14&status=cancelled",
                                            token: shop.advisor)
            #expect(listed.items.map { $0["id"] as? String } == [appointment])
            let trail = try await api.fixtures.auditTrail().filter { $0.entityType == "appointment" }.map(\.action)
            #expect(trail == ["appointment.book", "appointment.reschedule", "appointment.cancel"])
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func rotorsFoundDuringTheJobWaitForTheCustomerAndOneCallFetchesThemFromTheWarehouse(_ backend: TestBackend)
        async throws
    {
        try await APIHarness.run(backend) { api in
            let shop = try await APIWorkshop.make(api)
            let warehouse = try await api.fixtures.site("DC-1", kind: .distributionCenter)
            let rotor = try await api.fixtures.part("BR-200", description: "Brake rotor", category: .brakes,
                                                    cost: "40.00", listPrice: "89.00")
            try await api.fixtures.receive(6, of: rotor, into: try await api.fixtures.bin("R-01", at: warehouse))
            let opened = try await api.send(.post, "/api/v1/repair-orders", token: shop.advisor, json: """
                {"siteId": "\(shop.site.id)", "customerId": "\(shop.customer)", "vehicleId": "\(shop.vehicle)",
                 "concern": "Squeal from the front brakes", "labor": [{"operationId": "\(shop.brakeJob)"}]}
                """)
            let order = try #require(opened.string("id"))
            for event in [#"{"event": "estimate"}"#, #"{"event": "approve", "approvedBy": "Dana Whitfield", "method": "inPerson"}"#] {
                let stepped = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.advisor,
                                                 json: event)
                #expect(stepped.status == .ok, "\(stepped)")
            }
            _ = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.technician,
                                   json: #"{"event": "start"}"#)

            // Two rotors (+192.69 with tax) are far beyond 10 % of 281.34: they wait for the customer.
            let found = try await api.send(.post, "/api/v1/repair-orders/\(order)/lines", token: shop.technician,
                                           json: #"{"parts": [{"partId": "\#(rotor.id)", "quantity": 2}]}"#)
            #expect(found.status == .ok, "\(found)")
            let rotorLine = try #require(found.array("partLines").last)
            #expect(rotorLine["state"] as? String == "awaitingCustomer")
            #expect(rotorLine["reservationId"] == nil)

            let decided = try await api.send(.post, "/api/v1/repair-orders/\(order)/customer-decisions",
                                             token: shop.advisor,
                                             json: #"{"decision": "approve", "approvedBy": "Dana Whitfield", "method": "sms"}"#)
            #expect(decided.status == .ok, "\(decided)")
            #expect(decided.string("status") == "awaitingParts")
            let shortage = try #require(decided.array("shortages").first)
            #expect(shortage["lineId"] as? String == rotorLine["id"] as? String)
            let offers = (shortage["proposals"] as? [String: Any])?["otherSites"] as? [[String: Any]]
            #expect(offers?.map { ($0["site"] as? [String: Any])?["code"] as? String } == ["DC-1"])

            // The manager's morning list shows the order, the rotors and where to get them.
            let atRisk = try await api.send(.get, "/api/v1/service/at-risk?site=\(shop.site.id)&days=7", token: shop.advisor)
            #expect(atRisk.status == .ok, "\(atRisk)")
            let job = try #require(atRisk.array("jobs").first)
            #expect(job["number"] as? String == "RO-000001")
            let missing = try #require((job["parts"] as? [[String: Any]])?.first)
            #expect(missing["number"] as? String == "BR-200")
            #expect(missing["reason"] as? String == "short")
            #expect((missing["remedy"] as? [String: Any])?["kind"] as? String == "transfer")
            #expect((missing["remedy"] as? [String: Any])?["siteCode"] as? String == "DC-1")

            let transfer = try await api.send(
                .post, "/api/v1/repair-orders/\(order)/parts/\(rotorLine["id"] as! String)/transfer", token: shop.advisor)
            #expect(transfer.status == .created, "\(transfer)")
            #expect(transfer.string("sourceSiteId") == warehouse.id.description)
            #expect(transfer.string("destinationSiteId") == shop.site.id.description)
            #expect(transfer.json["quantity"] as? Int == 2)
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func twoBookingsOfTheLastFreeSlotOverRealSocketsGetOne201AndOneSlotTaken409(_ backend: TestBackend)
        async throws
    {
        try await APIHarness.runLive(backend, connections: 2) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-A")
            try await fixtures.serviceSettings(at: site)
            let bin = try await fixtures.bin("A-01", at: site)
            let pads = try await fixtures.part("BP-100", description: "Brake pads, front", category: .brakes)
            try await fixtures.receive(10, of: pads, into: bin)
            let brakeJob = try await fixtures.operation("BRK-F", hours: 2, skill: .brakes, kit: [(pads, 2)])
            // Ana works two hours a week: Monday 08:00–10:00, the only slot for a two-hour job.
            _ = try await fixtures.technician("Ana", at: site, skills: [.brakes], shifts: [
                WorkingWindow(weekday: .monday, start: TimeOfDay("08:00")!, end: TimeOfDay("10:00")!),
            ])
            _ = try await fixtures.bay("L1", .generalLift, at: site)
            let (customer, vehicle) = try await fixtures.customerWithVehicle()
            let search = #"{"siteId": "\#(site.id)", "vehicleId": "\#(vehicle.id)", "operationIds": ["\#(brakeJob.id)"], "days": 7}"#
            let slots = try await api.send(.post, "/api/v1/appointments/search", json: search).array("slots")
            #expect(slots.count == 1)
            let slot = try #require(slots.first)
            let booking = """
                {"siteId": "\(site.id)", "customerId": "\(customer.id)", "vehicleId": "\(vehicle.id)",
                 "operationIds": ["\(brakeJob.id)"], "start": "\(slot["start"] as! String)",
                 "technicianId": "\(slot["technicianId"] as! String)", "bayId": "\(slot["bayId"] as! String)",
                 "concern": "Brakes"}
                """

            let responses = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await api.send(.post, "/api/v1/appointments", json: booking) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == .created }.count == 1, "\(responses)")
            let lost = try #require(responses.first { $0.status != .created })
            #expect(lost.status == .conflict, "\(lost)")
            #expect(lost.errorCode == "service.booking.slot_taken")

            #expect(try await api.send(.post, "/api/v1/appointments/search", json: search).array("slots").isEmpty)
            #expect(try await fixtures.siteStock(pads, at: site).reserved == Quantity(units: 2))
            let booked = try await fixtures.auditTrail().filter { $0.action == "appointment.book" }
            #expect(booked.count == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func anIllegalStepIsA409ThatNamesTheStepsAllowedNow(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let shop = try await APIWorkshop.make(api)
            let opened = try await api.send(.post, "/api/v1/repair-orders", token: shop.advisor, json: """
                {"siteId": "\(shop.site.id)", "customerId": "\(shop.customer)", "vehicleId": "\(shop.vehicle)",
                 "concern": "Squeal from the front brakes", "labor": [{"operationId": "\(shop.brakeJob)"}]}
                """)
            #expect(opened.string("status") == "draft", "\(opened)")
            let order = try #require(opened.string("id"))

            let refused = try await api.send(.post, "/api/v1/repair-orders/\(order)/events", token: shop.advisor,
                                             json: #"{"event": "complete"}"#)
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "service.repair_order.illegal_transition")
            let details = try #require((refused.json["error"] as? [String: Any])?["details"] as? [String: Any])
            #expect(details["allowedEvents"] as? [String] == ["estimate", "cancel"])
            #expect(details["status"] as? String == "draft")
            #expect(details["event"] as? String == "complete")

            let unchanged = try await api.send(.get, "/api/v1/repair-orders/\(order)", token: shop.advisor)
            #expect(unchanged.string("status") == "draft")
            #expect(unchanged.json["allowedEvents"] as? [String] == ["estimate", "cancel"])
            let trail = try await api.fixtures.auditTrail().filter { $0.entityType == "repairOrder" }.map(\.action)
            #expect(trail == ["repairOrder.open"])
        }
    }

    @Test(arguments: TestBackend.available)
    func anAdvisorAtOneSiteCannotBookOrReadRepairOrdersAtAnother(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let shop = try await APIWorkshop.make(api)
            let fixtures = api.fixtures
            let north = try await fixtures.site("DLR-N")
            try await fixtures.serviceSettings(at: north)
            let technician = try await fixtures.technician("Nils", at: north, skills: [.brakes])
            let lift = try await fixtures.bay("N1", .generalLift, at: north)
            let vehicle = try #require(Vehicle.ID(shop.vehicle)), customer = try #require(Customer.ID(shop.customer))
            let northOrder = try await fixtures.services.commands.run(OpenRepairOrder(.init(
                siteId: north.id, customerId: customer, vehicleId: vehicle, concern: "Noise")), as: Fixtures.system)

            let attempts: [(HTTPRequest.Method, String, String?)] = [
                (.post, "/api/v1/appointments/search",
                 #"{"siteId": "\#(north.id)", "vehicleId": "\#(vehicle)", "operationIds": ["\#(shop.brakeJob)"]}"#),
                (.post, "/api/v1/appointments", """
                    {"siteId": "\(north.id)", "customerId": "\(customer)", "vehicleId": "\(vehicle)",
                     "operationIds": ["\(shop.brakeJob)"], "start": "2026-03-02T08:00:00-06:00",
                     "technicianId": "\(technician.id)", "bayId": "\(lift.id)", "concern": "Brakes"}
                    """),
                (.get, "/api/v1/appointments?site=\(north.id)", nil),
                (.get, "/api/v1/repair-orders/\(northOrder.order.id)", nil),
                (.get, "/api/v1/repair-orders?site=\(north.id)", nil),
                (.get, "/api/v1/repair-orders/\(northOrder.order.id)/time-entries", nil),
                (.post, "/api/v1/repair-orders/\(northOrder.order.id)/events", #"{"event": "cancel"}"#),
            ]
            for (method, path, body) in attempts {
                let response = try await api.send(method, path, token: shop.advisor, json: body)
                #expect(response.status == .forbidden, "\(method) \(path) → \(response)")
                #expect(response.errorCode == "auth.site_out_of_scope", "\(method) \(path) → \(response)")
            }
            // At their own site the same advisor is served.
            #expect(try await api.send(.get, "/api/v1/repair-orders?site=\(shop.site.id)", token: shop.advisor).status
                == .ok)
            #expect(try await fixtures.auditTrail().filter { $0.entityType == "appointment" }.isEmpty)
            #expect(try await api.send(.get, "/api/v1/repair-orders/\(northOrder.order.id)").string("status") == "draft")
        }
    }
}

/// A workshop set up through the API: site DLR-A with its settings, a brake job using two
/// pads (four in stock), Ana (a brake technician with her own user) and a lift, and a
/// customer with her car. Tokens: an advisor and Ana, both scoped to DLR-A.
struct APIWorkshop {
    let site: Site
    let pads: Part
    let brakeJob: String
    let anaTechnician: String
    let customer: String
    let vehicle: String
    let advisor: String
    let technician: String

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"]
        .map { #"{"weekday": "\#($0)", "start": "08:00", "end": "17:00"}"# }.joined(separator: ", ")

    static func make(_ api: APIHarness) async throws -> APIWorkshop {
        let fixtures = api.fixtures
        let site = try await fixtures.site("DLR-A")
        let bin = try await fixtures.bin("A-01", at: site)
        let pads = try await fixtures.part("BP-100", description: "Brake pads, front", category: .brakes)
        try await fixtures.receive(4, of: pads, into: bin)
        let (anaUser, technician) = try await fixtures.user("ana", role: .technician, sites: [site.code])
        let (_, advisor) = try await fixtures.user("sam-advisor", role: .serviceAdvisor, sites: [site.code])

        try await created(api.send(.put, "/api/v1/sites/\(site.id)/service-settings", json: """
            {"laborRate": "120.00", "taxRate": 8.25, "approvalThreshold": {"kind": "percent", "value": "10"}}
            """), status: .ok)
        let brakeJob = try await created(api.send(.post, "/api/v1/labor-operations", json: """
            {"code": "BRK-F", "description": "Replace front brake pads", "standardHours": 2, "skill": "brakes",
             "bayType": "generalLift", "kit": [{"partId": "\(pads.id)", "quantity": 2}]}
            """))
        let ana = try await created(api.send(.post, "/api/v1/technicians", json: """
            {"siteId": "\(site.id)", "name": "Ana", "skills": ["brakes", "general"], "shifts": [\(weekdays)],
             "principalId": "\(anaUser.principal.id)"}
            """))
        _ = try await created(api.send(.post, "/api/v1/bays", json: """
            {"siteId": "\(site.id)", "code": "L1", "type": "generalLift", "hours": [\(weekdays)]}
            """))
        let customer = try await created(api.send(.post, "/api/v1/customers", token: advisor, json: """
            {"kind": "person", "name": "Dana Whitfield", "email": "dana@example.com"}
            """))
        let vehicle = try await created(api.send(.post, "/api/v1/vehicles", token: advisor, json: """
            {"vin": "\(vin("123456"))", "model": "Focus"}
            """))
        _ = try await created(api.send(.post, "/api/v1/customers/\(customer)/vehicles", token: advisor,
                                       json: #"{"vehicleId": "\#(vehicle)"}"#))
        _ = try await created(api.send(.post, "/api/v1/vehicles/\(vehicle)/mileage", token: advisor,
                                       json: #"{"kilometres": 48200}"#))
        return APIWorkshop(site: site, pads: pads, brakeJob: brakeJob, anaTechnician: ana, customer: customer,
                           vehicle: vehicle, advisor: advisor, technician: technician)
    }

    /// The `id` of a successful write; anything else fails the test.
    @discardableResult
    static func created(_ response: APIResponse, status: HTTPResponse.Status = .created) throws -> String {
        #expect(response.status == status, "\(response)")
        return response.string("id") ?? ""
    }

    /// A valid 2014 Ford Focus VIN ending in `serial`.
    static func vin(_ serial: String) -> String {
        let draft = "1FADP3K20EL" + serial
        return String(draft.prefix(8)) + String(VIN.checkDigit(for: draft)!) + String(draft.dropFirst(9))
    }
}

extension APIResponse {
    /// The objects of the list under `key`.
    func array(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }

    /// The objects of a list answer.
    var items: [[String: Any]] { array("items") }
}

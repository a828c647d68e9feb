import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Repair order scenarios")
struct RepairOrderScenarioTests {
    typealias Workshop = BookingScenarioTests.Workshop

    static func walkIn(_ shop: Workshop, _ services: AxleServices) async throws -> RepairOrderView {
        try await services.commands.run(OpenRepairOrder(.init(
            siteId: shop.site.id, customerId: shop.customer.id, vehicleId: shop.vehicle.id,
            concern: "Squeal from the front brakes", mileage: 48_200, labor: [.init(operationId: shop.brakeJob.id)])),
            as: Fixtures.system)
    }

    static func step(_ order: RepairOrderView, _ event: RepairOrderEvent, _ services: AxleServices,
                     as caller: Caller = Fixtures.system) async throws -> RepairOrderView {
        try await services.commands.run(ChangeRepairOrderStatus(orderID: order.order.id, input: .init(
            event: event, approvedBy: event == .approve ? "Dana Whitfield" : nil,
            method: event == .approve ? .phone : nil)), as: caller)
    }

    @Test(arguments: TestBackend.available)
    func aWalkInGoesFromEstimateToInvoiceAndIssuesExactlyItsReservedParts(_ backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withServices(clock: clock) { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(5, of: shop.pads, into: shop.bin)
            let (anaUser, _) = try await fixtures.user("ana", role: .technician, sites: [shop.site.code])
            let ana = try await fixtures.technician("Ana Two", at: shop.site, skills: [.brakes], user: anaUser)

            var order = try await Self.walkIn(shop, services)
            #expect(order.order.number == "RO-000001")
            #expect(order.order.status == .draft)
            #expect(order.order.partLines.map(\.quantity) == [Quantity(units: 2)])
            #expect(order.order.partLines.allSatisfy { $0.state == .proposed && $0.reservationID == nil })
            // Two hours at 120.00 plus two pads at 9.95, and 8.25 % tax.
            #expect(order.totals.total.amountText == "281.34")

            order = try await Self.step(order, .estimate, services)
            order = try await Self.step(order, .approve, services)
            #expect(order.order.status == .approved)
            #expect(order.order.approval?.approvedBy == "Dana Whitfield")
            #expect(order.order.approvedTotal?.amountText == "281.34")
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 2))
            order = try await Self.step(order, .start, services)

            let line = order.order.laborLines[0]
            _ = try await services.commands.run(ClockLabor(orderID: order.order.id, lineID: line.id, action: .on), as: anaUser)
            await #expect(throws: ServiceError.alreadyClockedOn(line.id.description)) {
                _ = try await services.commands.run(ClockLabor(orderID: order.order.id, lineID: line.id, action: .on),
                                                    as: anaUser)
            }
            clock.advance(seconds: 5_400)
            let entry = try await services.commands.run(ClockLabor(orderID: order.order.id, lineID: line.id, action: .off),
                                                        as: anaUser)
            #expect(entry.technicianID == ana.id)
            #expect(entry.end == clock.now)

            order = try await Self.step(order, .requestQualityCheck, services)
            order = try await Self.step(order, .complete, services)
            #expect(order.order.status == .completed)
            let pads = try await fixtures.siteStock(shop.pads, at: shop.site)
            #expect((pads.unrestricted, pads.reserved) == (Quantity(units: 3), .zero))
            let reservation = try await services.inventory.reservation(order.order.partLines[0].reservationID!,
                                                                        as: Fixtures.system)
            #expect((reservation.status, reservation.consumed) == (.consumed, Quantity(units: 2)))
            #expect(order.order.partsCost?.amountText == "8.20")

            order = try await Self.step(order, .invoice, services)
            let invoice = try #require(order.order.invoice)
            #expect(invoice.totals.total.amountText == "281.34")
            #expect(invoice.costOfParts.amountText == "8.20")
            #expect(invoice.grossMargin.amountText == "251.70")
            order = try await Self.step(order, .close, services)
            #expect(order.order.status == .closed)

            let trail = try await fixtures.auditTrail().filter { $0.entityType == "repairOrder" }.map(\.action)
            #expect(trail == ["repairOrder.open", "repairOrder.estimate", "repairOrder.approve", "repairOrder.start",
                              "repairOrder.clockOn", "repairOrder.clockOff", "repairOrder.requestQualityCheck",
                              "repairOrder.complete", "repairOrder.invoice", "repairOrder.close"])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func anIllegalStepIsRefusedWithTheStepsAllowedNow(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            let order = try await Self.walkIn(shop, services)
            await #expect(throws: ServiceError.illegalTransition(from: .draft, event: .complete,
                                                                 allowed: [.estimate, .cancel])) {
                _ = try await Self.step(order, .complete, services)
            }
            let estimated = try await Self.step(order, .estimate, services)
            await #expect(throws: ServiceError.approvalRequired) {
                _ = try await services.commands.run(ChangeRepairOrderStatus(orderID: estimated.order.id,
                                                                            input: .init(event: .approve)),
                                                    as: Fixtures.system)
            }
            #expect(try await services.service.repairOrder(order.order.id, as: Fixtures.system).order.status == .estimated)
        }
    }

    @Test(arguments: TestBackend.available)
    func diagnosticsBeyondTheThresholdWaitForTheCustomer(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(10, of: shop.pads, into: shop.bin)
            let rotor = try await fixtures.part("BR-200", description: "Brake rotor", category: .brakes,
                                                cost: "40.00", listPrice: "89.00")
            try await fixtures.receive(4, of: rotor, into: shop.bin)
            let (anaUser, _) = try await fixtures.user("ana", role: .technician, sites: [shop.site.code])
            _ = try await fixtures.technician("Ana Two", at: shop.site, skills: [.brakes], user: anaUser)
            var order = try await Self.walkIn(shop, services)
            order = try await Self.step(order, .estimate, services)
            order = try await Self.step(order, .approve, services)
            order = try await Self.step(order, .start, services)
            #expect(order.order.approvedTotal?.amountText == "281.34")

            // One more pad set (+10.77 with tax) stays within 10 %: approved and reserved at once.
            order = try await services.commands.run(AddRepairOrderLines(orderID: order.order.id, input: .init(
                parts: [.init(partId: shop.pads.id, quantity: Quantity(units: 1))])), as: anaUser)
            #expect(order.order.partLines.last?.state == .approved)
            #expect(order.order.partLines.last?.reservationID != nil)
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == Quantity(units: 3))

            // Two rotors and an hour of labor (+322.57) go far beyond: they wait for the customer.
            order = try await services.commands.run(AddRepairOrderLines(orderID: order.order.id, input: .init(
                labor: [.init(description: "Replace front rotors", hours: Quantity(units: 1), skill: .brakes)],
                parts: [.init(partId: rotor.id, quantity: Quantity(units: 2))])), as: anaUser)
            let waitingLabor = try #require(order.order.laborLines.last)
            #expect(waitingLabor.state == .awaitingCustomer)
            #expect(order.order.partLines.last?.state == .awaitingCustomer)
            #expect(order.order.partLines.last?.reservationID == nil)
            #expect(try await fixtures.siteStock(rotor, at: shop.site).reserved == .zero)
            await #expect(throws: ServiceError.lineNotApproved(waitingLabor.id.description, state: .awaitingCustomer)) {
                _ = try await services.commands.run(ClockLabor(orderID: order.order.id, lineID: waitingLabor.id,
                                                               action: .on), as: anaUser)
            }

            order = try await services.commands.run(RecordCustomerDecision(orderID: order.order.id, input: .init(
                decision: .approve, approvedBy: "Dana Whitfield", method: .sms)), as: Fixtures.system)
            #expect(order.order.laborLines.last?.state == .approved)
            #expect(order.order.approval?.method == .sms)
            #expect(order.order.approvedTotal == order.totals.total)
            #expect(try await fixtures.siteStock(rotor, at: shop.site).reserved == Quantity(units: 2))
            await #expect(throws: ServiceError.nothingAwaitingCustomer) {
                _ = try await services.commands.run(RecordCustomerDecision(orderID: order.order.id, input: .init(
                    decision: .approve, approvedBy: "Dana Whitfield", method: .sms)), as: Fixtures.system)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aShortPartSendsTheOrderToAwaitingPartsAndOneCallFetchesItFromTheNearestSite(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            let near = try await fixtures.site("DLR-B", latitude: 41.95, longitude: -87.65)
            let far = try await fixtures.site("DLR-C", latitude: 42.40, longitude: -88.10)
            try await fixtures.receive(5, of: shop.pads, into: try await fixtures.bin("B-01", at: near))
            try await fixtures.receive(5, of: shop.pads, into: try await fixtures.bin("C-01", at: far))
            try await fixtures.receive(1, of: shop.pads, into: shop.bin)

            var order = try await Self.walkIn(shop, services)
            order = try await Self.step(order, .estimate, services)
            order = try await Self.step(order, .approve, services)
            #expect(order.order.status == .awaitingParts)
            let shortage = try #require(order.shortages.first)
            #expect(shortage.backordered == Quantity(units: 1))
            #expect(shortage.proposals.otherSites.map(\.site.code.rawValue) == ["DLR-B", "DLR-C"])
            await #expect(throws: ServiceError.partsOutstanding(parts: [shop.pads.number])) {
                _ = try await Self.step(order, .partsArrived, services)
            }

            let transfer = try await services.commands.run(RequestPartTransfer(orderID: order.order.id,
                                                                               lineID: shortage.lineId), as: Fixtures.system)
            #expect(transfer.sourceSiteID == near.id)
            #expect(transfer.destinationSiteID == shop.site.id)
            #expect(transfer.quantity == Quantity(units: 1))
            _ = try await fixtures.ship(transfer, arriving: "2026-03-03")
            _ = try await fixtures.receive(transfer, good: 1, into: shop.bin)
            // The arriving pad went to the order's backorder first.
            let reservation = try await services.inventory.reservation(shortage.lineId == order.order.partLines[0].id
                ? order.order.partLines[0].reservationID! : order.order.partLines[1].reservationID!, as: Fixtures.system)
            #expect((reservation.reserved, reservation.backordered) == (Quantity(units: 2), .zero))
            order = try await Self.step(order, .partsArrived, services)
            #expect(order.order.status == .inProgress)
            let trail = try await fixtures.auditTrail().filter { $0.entityType == "repairOrder" }.map(\.action)
            #expect(trail == ["repairOrder.open", "repairOrder.estimate", "repairOrder.approve", "repairOrder.awaitParts",
                              "repairOrder.partsArrived"])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func anOrderFromAnAppointmentCarriesItsWorkAndCancellingReleasesEverything(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            try await fixtures.receive(2, of: shop.pads, into: shop.bin)
            let slot = try #require(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site))
            let booked = try await fixtures.book(slot, operations: [shop.brakeJob], customer: shop.customer,
                                                 vehicle: shop.vehicle)
            let order = try await services.commands.run(OpenRepairOrder(.init(
                siteId: shop.site.id, customerId: shop.customer.id, vehicleId: shop.vehicle.id, concern: "Booked brakes",
                appointmentId: booked.appointment.id)), as: Fixtures.system)
            #expect(order.order.status == .scheduled)
            #expect(order.order.laborLines.map(\.technicianID) == [shop.ana.id])
            #expect(order.order.partLines.map(\.reservationID) == booked.appointment.reservationIDs)
            let arrived = try await services.service.appointment(booked.appointment.id, as: Fixtures.system)
            #expect(arrived.appointment.status == .arrived)
            #expect(arrived.appointment.repairOrderID == order.order.id)

            let cancelled = try await Self.step(order, .cancel, services)
            #expect(cancelled.order.status == .cancelled)
            #expect(try await fixtures.siteStock(shop.pads, at: shop.site).reserved == .zero)
            // Ana and the lift are free again at the booked time.
            #expect(try await fixtures.firstSlot(for: [shop.brakeJob], vehicle: shop.vehicle, at: shop.site)?.start
                == slot.start)
            await #expect(throws: ServiceError.illegalTransition(from: .cancelled, event: .start, allowed: [])) {
                _ = try await Self.step(cancelled, .start, services)
            }
            #expect(try await fixtures.verify() == [])
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// The purchasing store keeps supplier offers and purchase orders as the domain built them, on
/// both backends, and counts the open quantities of sent orders as inbound stock.
@Suite("Purchasing store")
struct PurchasingStoreContractTests {
    let usd = Currency(code: "USD")!
    let buyer = PurchaseOrder.Step(actorID: Principal.system.id, at: Instant(microseconds: 1_772_442_000_000_000))

    func dollars(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: usd) }

    struct World {
        let site: Site
        let supplier: Supplier
        let filter: Part
        let pads: Part
    }

    func world(_ services: AxleServices) async throws -> World {
        let fixtures = Fixtures(services: services)
        let supplier = try await services.commands.run(
            CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
        return World(site: try await fixtures.site("DC-1"), supplier: supplier, filter: try await fixtures.part("OF-1"),
                     pads: try await fixtures.part("BP-1", category: .brakes))
    }

    @Test(arguments: TestBackend.available)
    func anOfferIsSavedWithItsPriceBreaksAndReplacedWhole(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let world = try await world(services)
            let offer = SupplierPart(
                supplierID: world.supplier.id, partID: world.filter.id, supplierPartNumber: "0 451 103 316",
                unitPrice: dollars(410),
                priceBreaks: [.init(minimum: Quantity(units: 100), unitPrice: dollars(350)),
                              .init(minimum: Quantity(units: 24), unitPrice: dollars(390))],
                packMultiple: Quantity(units: 12), minimumOrder: Quantity(units: 12), quotedLeadTimeDays: 4)
            try await services.database.write { try await $0.purchasing.save(offer) }
            let found = try await services.database.read { stores in
                try await stores.purchasing.supplierPart(supplier: world.supplier.id, part: world.filter.id)
            }
            #expect(found == offer)

            let repriced = SupplierPart(supplierID: world.supplier.id, partID: world.filter.id,
                                        supplierPartNumber: "0 451 103 316", unitPrice: dollars(420),
                                        quotedLeadTimeDays: 5)
            try await services.database.write { try await $0.purchasing.save(repriced) }
            let offers = try await services.database.read { try await $0.purchasing.supplierParts(part: world.filter.id) }
            #expect(offers == [repriced])
            let none = try await services.database.read { try await $0.purchasing.supplierParts(part: world.pads.id) }
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func anOrderRoundTripsThroughItsStepsAndItsOpenLinesAreInbound(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let world = try await world(services)
            var order = try PurchaseOrder.draft(
                id: PurchaseOrder.ID(UUID()), supplierID: world.supplier.id, shipToSiteID: world.site.id,
                kind: .specialOrder, reason: nil,
                lines: [
                    PurchaseOrderLine(number: 1, partID: world.filter.id, ordered: Quantity(units: 24),
                                      unitPrice: dollars(390), promisedOn: CalendarDate("2026-03-12")!,
                                      demand: Demand(kind: .repairOrder, reference: "RO-1/1")),
                    PurchaseOrderLine(number: 2, partID: world.pads.id, ordered: Quantity(units: 2),
                                      unitPrice: dollars(4_500), promisedOn: CalendarDate("2026-03-10")!,
                                      demand: Demand(kind: .customerOrder, reference: "CO-9")),
                ],
                requested: buyer)
            try await services.database.write { [order] in try await $0.purchasing.insert(order) }
            #expect(try await inbound(world.filter, at: world.site, services).isEmpty, "a draft is not inbound")

            try order.submit(by: buyer, buyerLimit: dollars(100_000))
            try order.send(by: buyer)
            try order.receive(Quantity(units: 10), onLine: 1, tolerance: .zero)
            try await services.database.write { [order] in try await $0.purchasing.update(order) }
            let id = order.id
            let found = try await services.database.write { try await $0.purchasing.find(id: id, forUpdate: true) }
            #expect(found == order)
            #expect(try await inbound(world.filter, at: world.site, services)
                == [AvailableToPromise.Inbound(quantity: Quantity(units: 14), expected: CalendarDate("2026-03-12")!)])

            try order.receive(Quantity(units: 2), onLine: 2, tolerance: .zero)
            try await services.database.write { [order] in try await $0.purchasing.update(order) }
            #expect(try await inbound(world.pads, at: world.site, services).isEmpty, "a line received in full is not inbound")

            let listed = try await services.database.read { stores in
                (try await stores.purchasing.list(site: world.site.id, supplier: nil, status: .partiallyReceived,
                                                  PageRequest(after: nil, limit: 10)),
                 try await stores.purchasing.list(site: nil, supplier: world.supplier.id, status: .sent,
                                                  PageRequest(after: nil, limit: 10)))
            }
            #expect(listed.0 == [order])
            #expect(listed.1.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func dueLinesAreTheSentLinesPromisedInThePeriodWithTheirReceipts(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let world = try await world(services)
            func order(_ promised: [String], send: Bool) throws -> PurchaseOrder {
                var order = try PurchaseOrder.draft(
                    id: PurchaseOrder.ID(UUID()), supplierID: world.supplier.id, shipToSiteID: world.site.id, kind: .stock,
                    reason: nil,
                    lines: promised.enumerated().map { index, date in
                        PurchaseOrderLine(number: index + 1, partID: world.filter.id, ordered: Quantity(units: 10),
                                          unitPrice: dollars(100), promisedOn: CalendarDate(date)!, demand: nil)
                    },
                    requested: buyer)
                try order.submit(by: buyer, buyerLimit: dollars(1_000_000))
                if send { try order.send(by: buyer) }
                return order
            }
            var sent = try order(["2026-03-05", "2026-03-20", "2026-04-02"], send: true)
            let draft = try order(["2026-03-06"], send: false)
            var withdrawn = try order(["2026-03-07"], send: true)
            try sent.receive(Quantity(units: 4), onLine: 1, tolerance: .zero)
            try sent.receive(Quantity(units: 6), onLine: 1, tolerance: .zero)
            try withdrawn.cancel(by: buyer)
            let receipts = [("2026-03-04", 4), ("2026-03-06", 6)].map { date, units in
                PurchaseOrderReceipt(id: PurchaseOrderReceipt.ID(UUID()), orderID: sent.id, lineNumber: 1,
                                     quantity: Quantity(units: units), status: .unrestricted,
                                     receivedOn: CalendarDate(date)!, received: buyer)
            }
            try await services.database.write { [sent, draft, withdrawn] stores in
                for order in [sent, draft, withdrawn] { try await stores.purchasing.insert(order) }
                try await stores.purchasing.insert(receipts)
            }
            let due = try await services.database.read { stores in
                try await stores.purchasing.dueLines(supplier: world.supplier.id, from: CalendarDate("2026-03-01")!,
                                                     through: CalendarDate("2026-03-31")!)
            }
            #expect(due.map(\.promisedOn) == [CalendarDate("2026-03-05")!, CalendarDate("2026-03-20")!],
                    "the draft, the withdrawn line and April's are not due in March")
            #expect(due[0].receipts.map(\.quantity) == [Quantity(units: 4), Quantity(units: 6)])
            #expect(due[0].receipts.map(\.on) == [CalendarDate("2026-03-04")!, CalendarDate("2026-03-06")!])
            #expect(due[1].receipts.isEmpty)
            #expect(due.allSatisfy { $0.sentAt == buyer.at && $0.shipToSiteID == world.site.id })
        }
    }

    private func inbound(_ part: Part, at site: Site, _ services: AxleServices) async throws
        -> [AvailableToPromise.Inbound]
    {
        try await services.database.read { try await $0.inbound.expected(part: part.id, site: site.id) }
    }
}

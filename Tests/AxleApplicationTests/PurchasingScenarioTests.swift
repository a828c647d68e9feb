import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

/// Buying parts: a buyer drafts, submits and sends; a manager approves what is over the buyer's
/// limit; the warehouse receives; what is on order counts as inbound, and what arrives serves
/// backorders first.
@Suite("Purchasing")
struct PurchasingScenarioTests {
    struct Shop {
        let fixtures: Fixtures
        let dc: Site
        let dealer: Site
        let bin: Bin
        let supplier: Supplier
        let filter: Part
        let buyer: Caller
        let manager: Caller
        let otherManager: Caller
        let warehouse: Caller
    }

    func shop(_ services: AxleServices) async throws -> Shop {
        let fixtures = Fixtures(services: services)
        let dc = try await fixtures.site("DC-1"), dealer = try await fixtures.site("DLR-1")
        let supplier = try await services.commands.run(
            CreateSupplier(.init(code: Code("BOSCH")!, name: "Bosch", leadTimeDays: 3)), as: Fixtures.system)
        return Shop(fixtures: fixtures, dc: dc, dealer: dealer, bin: try await fixtures.bin("A-01", at: dc),
                    supplier: supplier, filter: try await fixtures.part("OF-1", cost: "4.10"),
                    buyer: try await fixtures.user("bea", role: .buyer, sites: [dc.code]).caller,
                    manager: try await fixtures.user("max", role: .partsManager, sites: [dc.code]).caller,
                    otherManager: try await fixtures.user("dora", role: .partsManager, sites: [dealer.code]).caller,
                    warehouse: try await fixtures.user("wes", role: .warehouse, sites: [dc.code]).caller)
    }

    func draft(_ shop: Shop, _ units: Int64, kind: PurchaseOrderKind = .stock, reason: String? = nil,
               part: Part? = nil, as caller: Caller? = nil) async throws -> PurchaseOrder {
        try await shop.fixtures.services.commands.run(CreatePurchaseOrder(.init(
            supplierId: shop.supplier.id, shipToSiteId: shop.dc.id, kind: kind, reason: reason,
            lines: [.init(partId: (part ?? shop.filter).id, quantity: Quantity(units: units))])), as: caller ?? shop.buyer)
    }

    @Test(arguments: TestBackend.available)
    func anOrderWithinTheLimitGoesStraightToTheSupplierAndArrivesIntoBackorders(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let shop = try await shop(services)
            try await services.commands.run(SaveSupplierPart(supplierID: shop.supplier.id, partID: shop.filter.id, input: .init(
                supplierPartNumber: "0 451 103 316", unitPrice: "3.90",
                priceBreaks: [.init(minimum: Quantity(units: 24), unitPrice: "3.50")], quotedLeadTimeDays: 4)),
                as: shop.buyer)
            // A customer order waits for stock the DC does not have.
            _ = try await shop.fixtures.reserve(5, of: shop.filter, at: shop.dc, priority: .customerWaiting,
                                                backorder: true)

            var order = try await draft(shop, 24)
            #expect(order.lines[0].unitPrice.amountText == "3.50", "the supplier's price break for 24")
            #expect(order.lines[0].promisedOn == CalendarDate("2026-03-06"), "the quoted lead time from the site's today")
            order = try await services.commands.run(SubmitPurchaseOrder(orderID: order.id), as: shop.buyer)
            #expect(order.status == .approved && !order.approvalRequired)
            order = try await services.commands.run(SendPurchaseOrder(orderID: order.id), as: shop.buyer)

            let atp = try await services.inventory.availableToPromise(
                part: shop.filter.id, site: shop.dc.id, through: CalendarDate("2026-03-06"), as: Fixtures.system)
            #expect(atp.days.last?.inbound == Quantity(units: 24))
            #expect(atp.days.last?.available == Quantity(units: 19), "24 on order less the 5 backordered")

            let receipt = try await services.commands.run(ReceivePurchaseOrder(orderID: order.id, input: .init(
                binId: shop.bin.id, lines: [.init(lineNumber: 1, quantity: Quantity(units: 10))])), as: shop.warehouse)
            #expect(receipt.order.status == .partiallyReceived)
            #expect(receipt.allocations.map(\.allocated) == [Quantity(units: 5)])
            #expect(receipt.movements.map(\.unitCost.amountText) == ["3.50"])
            let stock = try await shop.fixtures.siteStock(shop.filter, at: shop.dc)
            #expect(stock.unrestricted == Quantity(units: 10) && stock.reserved == Quantity(units: 5))
            #expect(stock.backordered == .zero)
            let after = try await services.database.read { try await $0.inbound.expected(part: shop.filter.id, site: shop.dc.id) }
            #expect(after.map(\.quantity) == [Quantity(units: 14)])
            #expect(try await shop.fixtures.verify().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func anOrderOverTheLimitWaitsForAManagerOfItsSiteOtherThanTheRequester(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let shop = try await shop(services)
            try await services.commands.run(SetPurchasingPolicy(siteID: shop.dc.id, input: .init(buyerApprovalLimit: "100.00")),
                                            as: Fixtures.system)
            var order = try await draft(shop, 30)
            order = try await services.commands.run(SubmitPurchaseOrder(orderID: order.id), as: shop.buyer)
            #expect(order.status == .submitted && order.approvalRequired, "30 × 4.10 = 123.00 is over 100.00")
            await #expect(throws: AccessError.self) {
                try await services.commands.run(ApprovePurchaseOrder(orderID: order.id), as: shop.buyer)
            }
            await #expect(throws: AccessError.siteOutOfScope(shop.dc.id)) {
                try await services.commands.run(ApprovePurchaseOrder(orderID: order.id), as: shop.otherManager)
            }
            await #expect(throws: PurchasingError.illegalTransition(from: .submitted, event: .send,
                                                                    allowed: [.approve, .cancel])) {
                try await services.commands.run(SendPurchaseOrder(orderID: order.id), as: shop.buyer)
            }
            order = try await services.commands.run(ApprovePurchaseOrder(orderID: order.id), as: shop.manager)
            #expect(order.status == .approved)

            // A manager's own emergency order needs another manager.
            let emergency = try await draft(shop, 1, kind: .emergency, reason: "car on the lift", as: shop.manager)
            _ = try await services.commands.run(SubmitPurchaseOrder(orderID: emergency.id), as: shop.manager)
            await #expect(throws: PurchasingError.cannotApproveOwnOrder) {
                try await services.commands.run(ApprovePurchaseOrder(orderID: emergency.id), as: shop.manager)
            }
            await #expect(throws: PurchasingError.emergencyWithoutReason) {
                try await draft(shop, 1, kind: .emergency)
            }
            let trail = try await shop.fixtures.auditTrail().filter { $0.entityType == "purchaseOrder" }
            #expect(trail.map(\.action) == ["purchaseOrder.create", "purchaseOrder.submit", "purchaseOrder.approve",
                                            "purchaseOrder.create", "purchaseOrder.submit"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aSupersededPartIsOrderedAsItsReplacementAndCancellingCancelsWhatIsOpen(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let shop = try await shop(services)
            let replacement = try await shop.fixtures.part("OF-2", cost: "4.50")
            _ = try await shop.fixtures.supersede(shop.filter, by: replacement)
            var order = try await draft(shop, 6)
            #expect(order.lines.map(\.partID) == [replacement.id])
            order = try await services.commands.run(SubmitPurchaseOrder(orderID: order.id), as: shop.buyer)
            order = try await services.commands.run(SendPurchaseOrder(orderID: order.id), as: shop.buyer)
            _ = try await services.commands.run(ReceivePurchaseOrder(orderID: order.id, input: .init(
                binId: shop.bin.id, lines: [.init(lineNumber: 1, quantity: Quantity(units: 2))])), as: shop.warehouse)
            order = try await services.commands.run(CancelPurchaseOrder(orderID: order.id), as: shop.buyer)
            #expect(order.lines[0].received == Quantity(units: 2) && order.lines[0].cancelled == Quantity(units: 4))
            let inbound = try await services.database.read { try await $0.inbound.expected(part: replacement.id, site: shop.dc.id) }
            #expect(inbound.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func aSpecialOrderGoesToTheRepairOrderItWasBoughtForBeforeMoreUrgentBackorders(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let shop = try await shop(services)
            let waiting = try await shop.fixtures.reserve(2, of: shop.filter, at: shop.dc, priority: .customerWaiting,
                                                          reference: "CO-1", backorder: true)
            let job = try await shop.fixtures.reserve(2, of: shop.filter, at: shop.dc, priority: .scheduledService,
                                                      reference: "RO-7/1", backorder: true)
            var order = try await services.commands.run(CreatePurchaseOrder(.init(
                supplierId: shop.supplier.id, shipToSiteId: shop.dc.id, kind: .specialOrder,
                lines: [.init(partId: shop.filter.id, quantity: Quantity(units: 3),
                              demand: Demand(kind: .repairOrder, reference: "RO-7/1"))])), as: shop.buyer)
            order = try await services.commands.run(SubmitPurchaseOrder(orderID: order.id), as: shop.buyer)
            order = try await services.commands.run(SendPurchaseOrder(orderID: order.id), as: shop.buyer)
            let receipt = try await services.commands.run(ReceivePurchaseOrder(orderID: order.id, input: .init(
                binId: shop.bin.id, lines: [.init(lineNumber: 1, quantity: Quantity(units: 3))])), as: shop.warehouse)
            // Two go to the job it was bought for; the third, not earmarked beyond that, by priority.
            #expect(receipt.allocations.map(\.reservationID) == [job.reservations[0].id, waiting.reservations[0].id])
            #expect(receipt.allocations.map(\.allocated) == [Quantity(units: 2), Quantity(units: 1)])
            let stock = try await shop.fixtures.siteStock(shop.filter, at: shop.dc)
            #expect(stock.reserved == Quantity(units: 3) && stock.backordered == Quantity(units: 1))
            #expect(try await shop.fixtures.verify().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentReceiptsOfOneLineNeverReceiveMoreThanWasOrdered(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let shop = try await shop(services)
            var order = try await draft(shop, 10)
            order = try await services.commands.run(SubmitPurchaseOrder(orderID: order.id), as: shop.buyer)
            order = try await services.commands.run(SendPurchaseOrder(orderID: order.id), as: shop.buyer)
            let id = order.id
            let accepted = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await services.commands.run(ReceivePurchaseOrder(orderID: id, input: .init(
                                binId: shop.bin.id, lines: [.init(lineNumber: 1, quantity: Quantity(units: 3))])),
                                as: shop.warehouse)
                            return 3
                        } catch PurchasingError.overReceipt {
                            return 0
                        } catch PurchasingError.illegalTransition {
                            return 0
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(accepted == 9, "three receipts of 3 fit in 10; the rest are refused")
            let stock = try await shop.fixtures.siteStock(shop.filter, at: shop.dc)
            #expect(stock.unrestricted == Quantity(units: 9))
            let stored = try await services.database.read { try await $0.purchasing.find(id: id, forUpdate: false) }
            #expect(stored?.lines[0].received == Quantity(units: 9))
            #expect(try await shop.fixtures.verify().isEmpty)
        }
    }
}

import AxleDomain
import Testing

@Suite("Audit actions")
struct AuditActionTests {
    /// Every action the audit trail holds, with its entity type, written out independently of the
    /// declarations: stored text never changes (a new action is added here and nowhere removed).
    static let stored: [String: String] = [
        "part.create": "part", "part.update": "part", "part.supersede": "part", "site.create": "site",
        "site.update": "site", "bin.create": "bin", "supplier.create": "supplier", "supplier.update": "supplier",
        "supersession.record": "supersession", "substitute.approve": "substitute", "fitment.record": "fitment",
        "vehicle.register": "vehicle",
        "principal.create": "principal", "token.issue": "token", "token.revoke": "token",
        "reservation.create": "reservation", "reservation.release": "reservation",
        "reservation.consume": "reservation", "reservation.allocate": "reservation", "receipt.post": "receipt",
        "openingStock.post": "openingStock", "site.stock_policy": "site", "countPolicy.update": "countPolicy", "count.create": "count",
        "count.enter": "count", "count.approve": "count", "count.reject": "count",
        "adjustment.request": "adjustment", "adjustment.post": "adjustment", "adjustment.approve": "adjustment",
        "adjustment.reject": "adjustment",
        "stock.release": "stockMove", "stock.reject": "stockMove", "stock.block": "stockMove",
        "stock.unblock": "stockMove", "stock.markDamaged": "stockMove", "stock.binMove": "stockMove",
        "transfer.request": "transfer", "transfer.approve": "transfer", "transfer.cancel": "transfer",
        "transfer.ship": "transfer", "transfer.receive": "transfer", "exception.open": "exception",
        "exception.resolve": "exception",
        "supplierPart.save": "supplierPart", "purchasingPolicy.set": "purchasingPolicy",
        "purchaseOrder.create": "purchaseOrder", "purchaseOrder.submit": "purchaseOrder",
        "purchaseOrder.approve": "purchaseOrder", "purchaseOrder.send": "purchaseOrder",
        "purchaseOrder.receive": "purchaseOrder", "purchaseOrder.cancel": "purchaseOrder",
        "customer.create": "customer", "customer.update": "customer", "customer.vehicle.add": "customer",
        "vehicle.mileage": "vehicle",
        "technician.create": "technician", "technician.absence": "technician", "bay.create": "bay",
        "laborOperation.create": "laborOperation", "serviceSettings.save": "serviceSettings",
        "appointment.book": "appointment", "appointment.reschedule": "appointment",
        "appointment.cancel": "appointment", "appointment.arrive": "appointment",
        "repairOrder.open": "repairOrder", "repairOrder.lines.add": "repairOrder",
        "repairOrder.customer.approve": "repairOrder", "repairOrder.customer.decline": "repairOrder",
        "repairOrder.clockOn": "repairOrder", "repairOrder.clockOff": "repairOrder",
        "repairOrder.estimate": "repairOrder", "repairOrder.approve": "repairOrder",
        "repairOrder.schedule": "repairOrder", "repairOrder.start": "repairOrder",
        "repairOrder.awaitParts": "repairOrder", "repairOrder.partsArrived": "repairOrder",
        "repairOrder.requestQualityCheck": "repairOrder", "repairOrder.failQualityCheck": "repairOrder",
        "repairOrder.complete": "repairOrder", "repairOrder.invoice": "repairOrder",
        "repairOrder.close": "repairOrder", "repairOrder.cancel": "repairOrder",
    ]

    @Test("every declared action is unique")
    func unique() {
        let texts = AuditAction.declared.map(\.rawValue)
        #expect(Set(texts).count == texts.count, "duplicates: \(Dictionary(grouping: texts) { $0 }.filter { $1.count > 1 }.keys)")
    }

    @Test("the declared actions are exactly the stored texts, each on its entity type")
    func storedTextsUnchanged() {
        let declared = Dictionary(AuditAction.declared.map { ($0.rawValue, $0.entity.rawValue) },
                                  uniquingKeysWith: { first, _ in first })
        #expect(declared == Self.stored)
    }

    @Test("an action read back from its stored text is the action declared", arguments: AuditAction.declared)
    func readsBack(_ action: AuditAction) {
        #expect(AuditAction(rawValue: action.rawValue) == action)
        #expect(EntityKind(rawValue: action.entity.rawValue) == action.entity)
    }

    @Test("text no feature declares is no action")
    func undeclared() {
        #expect(AuditAction(rawValue: "part.delete") == nil)
        #expect(AuditAction(rawValue: "") == nil)
        #expect(AuditAction(rawValue: "Part.create") == nil)
    }

    @Test("document kinds keep the texts the ledger stores")
    func documentKinds() {
        #expect(DocumentKind.allCases.map(\.rawValue).sorted()
                == ["adjustment", "count", "openingStock", "purchaseOrder", "receipt", "reservation", "stockMove",
                   "transfer"])
    }
}

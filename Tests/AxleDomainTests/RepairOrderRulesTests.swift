import AxleDomain
import Testing

@Suite("Repair order rules")
struct RepairOrderRulesTests {
    /// The whole table, written out independently of the declaration it checks.
    static let legal: Set<String> = [
        "draft-estimate-estimated", "draft-cancel-cancelled",
        "estimated-approve-approved", "estimated-estimate-estimated", "estimated-cancel-cancelled",
        "approved-schedule-scheduled", "approved-start-inProgress", "approved-awaitParts-awaitingParts",
        "approved-cancel-cancelled",
        "scheduled-start-inProgress", "scheduled-awaitParts-awaitingParts", "scheduled-cancel-cancelled",
        "inProgress-awaitParts-awaitingParts", "inProgress-requestQualityCheck-qualityCheck", "inProgress-cancel-cancelled",
        "awaitingParts-partsArrived-inProgress", "awaitingParts-schedule-scheduled", "awaitingParts-cancel-cancelled",
        "qualityCheck-complete-completed", "qualityCheck-failQualityCheck-inProgress", "qualityCheck-cancel-cancelled",
        "completed-invoice-invoiced", "invoiced-close-closed",
    ]

    @Test(arguments: RepairOrderStatus.allCases)
    func everyEventIsAllowedOrRefusedWithTheAllowedOnes(_ status: RepairOrderStatus) {
        for event in RepairOrderEvent.allCases {
            let allowed = Self.legal.filter { $0.hasPrefix("\(status.rawValue)-") }
            do {
                let next = try status.after(event)
                #expect(Self.legal.contains("\(status.rawValue)-\(event.rawValue)-\(next.rawValue)"))
            } catch {
                #expect(!Self.legal.contains { $0.hasPrefix("\(status.rawValue)-\(event.rawValue)-") })
                #expect(error.category == .conflict)
                #expect(error.details["allowedEvents"] == .list(status.allowedEvents.map(\.rawValue)))
                #expect(status.allowedEvents.count == allowed.count)
            }
        }
    }

    @Test func cancellingIsPossibleFromEveryOpenStatusOnly() {
        for status in RepairOrderStatus.allCases {
            #expect(status.allowedEvents.contains(.cancel) == status.isOpen)
        }
    }

    static let dollars = Currency(code: "USD")!

    static func usd(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: dollars) }

    @Test func anEstimateTotalsPartsLaborAndTax() throws {
        let totals = try Totals(labor: [Quantity(milli: 1_500), Quantity(milli: 300)], parts: [Self.usd(4_990), Self.usd(1_005)],
                            laborRate: Self.usd(12_000), taxRate: Percentage(basisPoints: 825))
        #expect(totals.labor == Self.usd(21_600))
        #expect(totals.parts == Self.usd(5_995))
        // 8.25 % of 275.95 = 22.765875 → 22.77
        #expect(totals.tax == Self.usd(2_277))
        #expect(totals.total == Self.usd(29_872))
    }

    @Test func theThresholdIsAPercentageOrAnAmountOverTheApprovedTotal() throws {
        let tenPercent = ApprovalThreshold.percent(Percentage(basisPoints: 1_000))
        #expect(try !tenPercent.needsApproval(approved: Self.usd(50_000), proposed: Self.usd(55_000)))
        #expect(try tenPercent.needsApproval(approved: Self.usd(50_000), proposed: Self.usd(55_001)))
        let fifty = ApprovalThreshold.amount(Self.usd(5_000))
        #expect(try !fifty.needsApproval(approved: Self.usd(10_000), proposed: Self.usd(15_000)))
        #expect(try fifty.needsApproval(approved: Self.usd(10_000), proposed: Self.usd(15_001)))
        #expect(try !fifty.needsApproval(approved: Self.usd(10_000), proposed: Self.usd(9_000)))
    }

    @Test func grossMarginIsSalesBeforeTaxLessTheCostOfParts() throws {
        let totals = try Totals(labor: [Quantity(units: 1)], parts: [Self.usd(10_000)], laborRate: Self.usd(12_000),
                            taxRate: Percentage(basisPoints: 1_000))
        let invoice = try Invoice(totals: totals, costOfParts: Self.usd(6_000), invoicedAt: Instant(microseconds: 0))
        #expect(invoice.grossMargin == Self.usd(16_000))
        #expect(invoice.totals.total == Self.usd(24_200))
    }
}

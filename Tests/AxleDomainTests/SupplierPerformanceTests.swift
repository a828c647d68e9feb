import AxleDomain
import Testing

@Suite("Supplier performance")
struct SupplierPerformanceTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    func line(_ ordered: Int64, receipts: [(String, Int64)]) -> SupplierPerformance.DueLine {
        SupplierPerformance.DueLine(
            ordered: Quantity(units: ordered), promisedOn: day("2026-03-06"), sentOn: day("2026-03-02"),
            receipts: receipts.map { .init(on: day($0.0), quantity: Quantity(units: $0.1)) })
    }

    @Test func aWorkedExampleFollowsTheDefinitions() {
        let performance = SupplierPerformance([
            line(10, receipts: [("2026-03-05", 10)]),                     // on time, 3 days
            line(10, receipts: [("2026-03-09", 6), ("2026-03-06", 4)]),   // late: complete on the 9th, 7 days
            line(5, receipts: [("2026-03-10", 2)]),                       // short: never complete
            line(4, receipts: [("2026-03-04", 6)]),                       // over, early: on time, 2 days
        ])
        #expect(performance.linesDue == 4)
        #expect(performance.linesOnTime == 2)
        #expect(performance.onTimeBasisPoints == 5_000)
        #expect(performance.fillRateBasisPoints == 8_966, "26 of 29 ordered, the over-delivery capped")
        #expect(performance.linesReceivedInFull == 3)
        #expect(performance.actualLeadTimeTenthsOfDays == 40, "(3 + 7 + 2) ÷ 3 days")
        #expect(performance.actualLeadTimeDeviationTenthsOfDays == 22, "√(14 ÷ 3) = 2.16 days")
        #expect(performance.promisedLeadTimeTenthsOfDays == 40)
    }

    @Test func nothingDueMeasuresNothing() {
        let performance = SupplierPerformance([])
        #expect(performance.linesDue == 0)
        #expect(performance.onTimeBasisPoints == nil)
        #expect(performance.fillRateBasisPoints == nil)
        #expect(performance.actualLeadTimeTenthsOfDays == nil)
        #expect(performance.actualLeadTimeDeviationTenthsOfDays == nil)
    }

    @Test func aSupplierAlwaysExactlyOnTimeHasNoDeviation() {
        let performance = SupplierPerformance([line(3, receipts: [("2026-03-06", 3)]), line(1, receipts: [("2026-03-06", 1)])])
        #expect(performance.onTimeBasisPoints == 10_000)
        #expect(performance.fillRateBasisPoints == 10_000)
        #expect(performance.actualLeadTimeDeviationTenthsOfDays == 0)
        #expect(performance.actualLeadTimeTenthsOfDays == 40)
    }
}

import AxleDomain
import Foundation
import Testing

@Suite("Which numbers' stock serves a demand")
struct SupersessionSupplyTests {
    let past = CalendarDate("2025-06-01")!
    let today = CalendarDate("2026-03-02")!
    let a = Self.id(1), b = Self.id(2), c = Self.id(3), d = Self.id(4)

    static func id(_ index: Int) -> Part.ID {
        Identifier(UUID(uuidString: "00000000-0000-7000-8000-00000000000\(index)")!)
    }

    func link(_ old: Part.ID, _ new: Part.ID, _ interchangeability: Supersession.Interchangeability = .oneWay,
              useUp: Bool = true, on date: CalendarDate? = nil) -> Supersession {
        Supersession(id: Identifier(UUID()), partID: old, replacementID: new, interchangeability: interchangeability,
                     effectiveOn: date ?? past, useUpOldStock: useUp)
    }

    @Test func aPartNobodyReplacedIsItsOnlySupply() {
        #expect(SupersessionGraph([]).supply(for: a, asOf: today) == [a])
    }

    @Test func aDemandForTheOldestNumberUsesUpOldStockOldestFirstThenTheCurrentPart() {
        let graph = SupersessionGraph([link(a, b), link(b, c)])
        #expect(graph.supply(for: a, asOf: today) == [a, b, c])
        #expect(graph.supply(for: b, asOf: today) == [b, c])
    }

    @Test func oneWayOldStockDoesNotServeADemandForTheNewNumber() {
        let graph = SupersessionGraph([link(a, b), link(b, c)])
        #expect(graph.supply(for: c, asOf: today) == [c])
    }

    @Test func twoWayOldStockServesADemandForTheNewNumberFirst() {
        let graph = SupersessionGraph([link(a, b, .twoWay), link(b, c, .twoWay)])
        #expect(graph.supply(for: c, asOf: today) == [a, b, c])
        // Two-way only as far as it reaches: A→B one-way keeps A from demands for B or C.
        let mixed = SupersessionGraph([link(a, b), link(b, c, .twoWay)])
        #expect(mixed.supply(for: c, asOf: today) == [b, c])
        #expect(mixed.supply(for: b, asOf: today) == [b, c])
    }

    @Test func aLinkWithoutUseUpKeepsThatNumbersStockOutOfEveryDemand() {
        let graph = SupersessionGraph([link(a, b, useUp: false), link(b, c)])
        #expect(graph.supply(for: a, asOf: today) == [b, c])
        let twoWay = SupersessionGraph([link(a, b, .twoWay, useUp: false)])
        #expect(twoWay.supply(for: b, asOf: today) == [b])
        #expect(twoWay.supply(for: a, asOf: today) == [b])
    }

    @Test func aLinkNotYetEffectiveLeavesTheOldNumberCurrentAndOutOfTheNewOnesSupply() {
        let graph = SupersessionGraph([link(a, b, .twoWay, on: CalendarDate("2026-03-03")!)])
        #expect(graph.supply(for: a, asOf: today) == [a])
        #expect(graph.supply(for: b, asOf: today) == [b])
        #expect(graph.supply(for: a, asOf: CalendarDate("2026-03-03")!) == [a, b])
    }

    @Test func aSideBranchServesOnlyWhenTwoWayToTheDemandsChain() {
        // D → B two-way, A → B one-way, B → C: D's stock fits what B fits, and B fits A's vehicles.
        let graph = SupersessionGraph([link(a, b, on: CalendarDate("2025-01-01")!), link(d, b, .twoWay), link(b, c)])
        #expect(graph.supply(for: a, asOf: today) == [a, d, b, c])
        let oneWayBranch = SupersessionGraph([link(a, b), link(d, b), link(b, c)])
        #expect(oneWayBranch.supply(for: a, asOf: today) == [a, b, c])
    }
}

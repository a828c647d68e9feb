import AxleDomain
import Foundation
import Testing

@Suite("Supersession chains")
struct SupersessionGraphTests {
    let usd = Currency(code: "USD")!
    let past = CalendarDate("2025-06-01")!
    let today = CalendarDate("2026-03-02")!

    func part(_ number: String, _ index: Int) -> Part {
        Part(id: Identifier(UUID(uuidString: "00000000-0000-7000-8000-00000000000\(index)")!),
             number: PartNumber(number)!, description: number, brand: "OEM", category: .filters, unit: .each,
             cost: Money(minorUnits: 100, currency: usd), listPrice: Money(minorUnits: 200, currency: usd))
    }

    func link(_ old: Part, _ new: Part, _ date: CalendarDate) -> Supersession {
        Supersession(id: Identifier(UUID()), partID: old.id, replacementID: new.id, interchangeability: .oneWay,
                     effectiveOn: date, useUpOldStock: true)
    }

    @Test func aLookupOfTheFirstPartResolvesThroughAChainOfThree() {
        let (a, b, c) = (part("A", 1), part("B", 2), part("C", 3))
        let graph = SupersessionGraph([link(a, b, past), link(b, c, past)])
        #expect(graph.current(for: a.id, asOf: today) == c.id)
        #expect(graph.chain(from: a.id, asOf: today).map(\.replacementID) == [b.id, c.id])
        #expect(graph.current(for: c.id, asOf: today) == c.id)
    }

    @Test func aLinkNotYetEffectiveEndsTheChain() {
        let (a, b, c) = (part("A", 1), part("B", 2), part("C", 3))
        let graph = SupersessionGraph([link(a, b, past), link(b, c, CalendarDate("2027-01-01")!)])
        #expect(graph.current(for: a.id, asOf: today) == b.id)
    }

    @Test func closingACycleIsRejected() {
        let (a, b, c) = (part("A", 1), part("B", 2), part("C", 3))
        let graph = SupersessionGraph([link(a, b, past), link(b, c, past)])
        #expect(throws: CatalogError.supersessionCycle(c.number, a.number)) { try graph.validateNewLink(from: c, to: a) }
    }

    @Test func aPartIsSupersededByOnePartAndNeverByItself() {
        let (a, b, c) = (part("A", 1), part("B", 2), part("C", 3))
        let graph = SupersessionGraph([link(a, b, past)])
        #expect(throws: CatalogError.alreadySuperseded(a.number)) { try graph.validateNewLink(from: a, to: c) }
        #expect(throws: CatalogError.supersessionOfItself(c.number)) { try graph.validateNewLink(from: c, to: c) }
        #expect(throws: Never.self) { try graph.validateNewLink(from: b, to: c) }
    }
}

@Suite("Part lifecycle edits")
struct PartLifecycleTests {
    @Test(arguments: PartLifecycle.allCases, PartLifecycle.allCases)
    func everyEditIsDecidedByTheTable(_ from: PartLifecycle, _ to: PartLifecycle) {
        let allowed: Set<String> = ["active>active", "active>obsolete", "superseded>superseded",
                                    "superseded>obsolete", "obsolete>obsolete", "obsolete>active"]
        let result = Result { try from.edit(to: to) }
        if allowed.contains("\(from.rawValue)>\(to.rawValue)") {
            #expect((try? result.get()) == to)
        } else {
            #expect(throws: CatalogError.self) { try result.get() }
        }
    }
}

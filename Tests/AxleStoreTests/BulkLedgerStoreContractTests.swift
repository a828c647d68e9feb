import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// Bulk loading (the demo's stock history): many movements or reservations in a few statements,
/// ending exactly where the one-at-a-time calls end.
@Suite("Bulk ledger stores")
struct BulkLedgerStoreContractTests {
    @Test("a bulk post leaves the same balances, site totals and running balances as posting one by one",
          arguments: TestBackend.available)
    func bulkPostEndsWhereSinglePostsEnd(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let north = try await fixtures.site("DLR-N"), west = try await fixtures.site("DLR-W")
            let shelf = try await fixtures.bin("A-01", at: north), overflow = try await fixtures.bin("B-01", at: north)
            let westShelf = try await fixtures.bin("A-01", at: west)
            let single = try await fixtures.part("OF-1"), bulk = try await fixtures.part("OF-2")
            let layout = Layout(north: north, west: west, shelf: shelf, overflow: overflow, westShelf: westShelf)

            let one = try layout.movements(of: single, ids: 1), many = try layout.movements(of: bulk, ids: 100)
            try await services.database.write { stores in
                for movement in one { try await stores.ledger.post([movement]) }
                try await stores.audit.append(Self.auditRecords(for: one))
            }
            try await services.database.write { stores in
                try await stores.ledger.postInBulk(many)
                try await stores.audit.append(Self.auditRecords(for: many))
            }

            for site in [north, west] {
                let expected = try await services.database.read { try await $0.stock.balances(part: single.id, site: site.id) }
                let actual = try await services.database.read { try await $0.stock.balances(part: bulk.id, site: site.id) }
                #expect(actual.map(\.position) == expected.map(\.position))
                #expect(actual.map(\.quantity) == expected.map(\.quantity))
                #expect(Self.totals(try await fixtures.siteStock(bulk, at: site))
                        == Self.totals(try await fixtures.siteStock(single, at: site)))
            }
            let westStock = try await fixtures.siteStock(bulk, at: west)
            #expect(westStock.unrestricted == .zero && westStock.inTransit == Quantity(units: 1))
            let history = try await services.database.read { stores in
                try await stores.ledger.history(part: bulk.id, site: nil, PageRequest(after: nil, limit: 50))
            }
            #expect(history.map(\.movement) == many, "appended in the order given")
            let expectedHistory = try await services.database.read { stores in
                try await stores.ledger.history(part: single.id, site: north.id, PageRequest(after: nil, limit: 50))
            }
            let bulkHistory = try await services.database.read { stores in
                try await stores.ledger.history(part: bulk.id, site: north.id, PageRequest(after: nil, limit: 50))
            }
            #expect(bulkHistory.map(\.balanceAfter) == expectedHistory.map(\.balanceAfter))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test("a bulk post larger than one statement keeps its order and adds every movement once",
          arguments: TestBackend.available)
    func largeBulkPost(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("DC-1", kind: .distributionCenter)
            let bins = [try await fixtures.bin("A-01", at: site), try await fixtures.bin("A-02", at: site)]
            let part = try await fixtures.part("BP-1")
            let movements = try (0..<1_201).map { index in
                try Movement(id: Identifier(UUID.stub(10_000 + index)), partID: part.id, quantity: Quantity(units: 1),
                         from: nil, to: StockPosition(siteID: site.id, binID: bins[index % 2].id, status: .unrestricted),
                         reason: .receipt, document: DocumentReference(type: .receipt, id: "R-\(index)"),
                         actorID: Principal.system.id, at: Instant(microseconds: 1_772_442_000_000_000 + Int64(index)),
                         unitCost: part.cost)
            }
            try await services.database.write { stores in
                try await stores.ledger.postInBulk(movements)
                try await stores.audit.append(Self.auditRecords(for: movements))
            }
            let balances = try await services.database.read { try await $0.stock.balances(part: part.id, site: site.id) }
            #expect(balances.map(\.quantity) == [Quantity(units: 601), Quantity(units: 600)])
            #expect(try await fixtures.siteStock(part, at: site).unrestricted == Quantity(units: 1_201))
            var after: Int64?
            var read: [LedgerEntry] = []
            while true {
                let page = try await services.database.read { [after] stores in
                    try await stores.ledger.history(part: part.id, site: nil, PageRequest(after: after, limit: 500))
                }
                read += page
                guard let last = page.last else { break }
                after = last.sequence
            }
            #expect(read.map(\.movement.id) == movements.map(\.id))
            #expect(read.last?.balanceAfter == Quantity(units: 1_201))
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test("reservations inserted in bulk read back field for field", arguments: TestBackend.available)
    func bulkReservationsRoundTrip(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let site = try await fixtures.site("WS-1", kind: .workshop)
            let part = try await fixtures.part("WB-1")
            let reservations = (0..<700).map { index in
                Reservation(id: Identifier(UUID.stub(20_000 + index)), partID: part.id, siteID: site.id,
                            demand: Demand(kind: index % 2 == 0 ? .repairOrder : .customerOrder, reference: "RO-\(index)"),
                            priority: PriorityClass.allCases[index % 4], needBy: CalendarDate("2026-03-10")!,
                            requested: Quantity(milli: 2_500), reserved: .zero, backordered: .zero,
                            consumed: Quantity(milli: 2_500), status: index % 3 == 0 ? .released : .consumed,
                            createdAt: Instant(microseconds: 1_772_442_000_000_000 + Int64(index)),
                            updatedAt: Instant(microseconds: 1_772_443_000_000_000 + Int64(index)))
            }
            try await services.database.write { try await $0.reservations.insert(contentsOf: reservations) }
            for reservation in [reservations[0], reservations[499], reservations[699]] {
                #expect(try await services.database.read { try await $0.reservations.find(id: reservation.id) }
                        == reservation)
            }
            let newest = try await services.database.read { stores in
                try await stores.reservations.list(part: part.id, site: site.id, openOnly: false,
                                                   PageRequest(after: nil, limit: 2))
            }
            #expect(newest == [reservations[699], reservations[698]])
        }
    }

    // MARK: - Helpers

    /// The same stock story for any part: receipts, a hold released, a bin move, an issue, a
    /// shipment to another site, and a lot received and issued in full.
    private struct Layout {
        let north: Site
        let west: Site
        let shelf: Bin
        let overflow: Bin
        let westShelf: Bin

        func movements(of part: Part, ids base: Int) throws -> [Movement] {
            let onShelf = StockPosition(siteID: north.id, binID: shelf.id, status: .unrestricted)
            let held = StockPosition(siteID: north.id, binID: overflow.id, status: .qualityHold)
            let inOverflow = StockPosition(siteID: north.id, binID: overflow.id, status: .unrestricted)
            let inTransit = StockPosition(siteID: west.id, binID: nil, status: .inTransit)
            let lot = StockPosition(siteID: west.id, binID: westShelf.id, status: .unrestricted, lot: "L2503-17")
            let steps: [(Int64, StockPosition?, StockPosition?, MovementReason)] = [
                (10, nil, onShelf, .receipt), (4, nil, held, .receipt), (3, onShelf, inOverflow, .binMove),
                (4, held, inOverflow, .release), (2, inOverflow, nil, .issue), (1, onShelf, inTransit, .transferShip),
                (5, nil, lot, .receipt), (5, lot, nil, .issue),
            ]
            return try steps.enumerated().map { index, step in
                try Movement(id: Identifier(UUID.stub(base + index)), partID: part.id, quantity: Quantity(units: step.0),
                         from: step.1, to: step.2, reason: step.3,
                         document: DocumentReference(type: .stockMove, id: "\(part.number)-\(index)"),
                         actorID: Principal.system.id, at: Instant(microseconds: 1_772_442_000_000_000 + Int64(index)),
                         unitCost: part.cost)
            }
        }
    }

    /// `axle verify` wants every movement's document audited.
    private static func auditRecords(for movements: [Movement]) -> [AuditEntry] {
        movements.map { movement in
            AuditEntry(at: movement.at, actor: .system, action: "\(movement.document.type.rawValue).post",
                       entityType: movement.document.type.rawValue, entityID: movement.document.id, before: nil, after: nil,
                       reason: nil, requestID: nil)
        }
    }

    private static func totals(_ stock: SiteStock) -> [Quantity] {
        [stock.unrestricted, stock.qualityHold, stock.damaged, stock.blocked, stock.inTransit, stock.reserved,
         stock.backordered]
    }
}

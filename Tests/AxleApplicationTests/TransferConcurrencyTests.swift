import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Transfers under concurrency")
struct TransferConcurrencyTests {
    /// What one worker did that changes the company's stock.
    struct Tally: Sendable {
        var received: Int64 = 0
        var consumed: Int64 = 0
    }

    static let workers = 12
    static let rounds = 12

    @Test(arguments: TestBackend.available)
    func transfersBothWaysAlongsideReceiptsAndConsumptionsNeverCreateOrLoseStock(_ backend: TestBackend)
        async throws
    {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let north = try await fixtures.site("DLR-NORTH"), south = try await fixtures.site("DLR-SOUTH")
            let bins = [north.id: try await fixtures.bin("N-01", at: north), south.id: try await fixtures.bin("S-01", at: south)]
            let filter = try await fixtures.part("OF-1", cost: "1.00")
            try await fixtures.receive(40, of: filter, into: bins[north.id]!)
            try await fixtures.receive(40, of: filter, into: bins[south.id]!)

            // Each worker runs its own fixed sequence; only the interleaving is left to the scheduler.
            let tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
                for worker in 0..<Self.workers {
                    group.addTask {
                        var tally = Tally()
                        for round in 0..<Self.rounds {
                            let (here, there) = (worker + round) % 2 == 0 ? (north, south) : (south, north)
                            switch (worker + round) % 4 {
                            case 0, 1:
                                // Every other shipment stays in transit, so the end state has stock on the road.
                                guard let transfer = try await Self.transferIfAvailable(2, of: filter, from: here, to: there,
                                                                                        fixtures) else { continue }
                                try await fixtures.ship(transfer)
                                if round % 2 == 0 { try await fixtures.receive(transfer, good: 2, into: bins[there.id]!) }
                            case 2:
                                try await fixtures.receive(3, of: filter, into: bins[here.id]!)
                                tally.received += 3
                            default:
                                tally.consumed += try await Self.consumeIfAvailable(1, of: filter, at: here, fixtures)
                            }
                        }
                        return tally
                    }
                }
                return try await group.reduce(into: [Tally]()) { $0.append($1) }
            }

            let received = 80 + tallies.reduce(0) { $0 + $1.received }
            let consumed = tallies.reduce(0) { $0 + $1.consumed }
            #expect(try await fixtures.companyStock(filter) == Quantity(units: received - consumed))
            // What is in transit to each site is exactly what shipped to it and was not yet received.
            let onTheRoad = try await services.transfers.transfers(site: nil, state: .shipped,
                                                                   PageRequest(after: nil, limit: 500), as: Fixtures.system)
            #expect(!onTheRoad.isEmpty)
            for site in [north, south] {
                let expected = try onTheRoad.filter { $0.destinationSiteID == site.id }.reduce(Quantity.zero) { try $0 + $1.quantity }
                let stock = try await fixtures.siteStock(filter, at: site)
                #expect(stock.inTransit == expected)
                #expect(stock.reserved == .zero)
            }
            #expect(try await fixtures.verify() == [])
        }
    }

    /// Requests a transfer, or nil when the source has too little available right now.
    static func transferIfAvailable(_ quantity: Int64, of part: Part, from source: Site, to destination: Site,
                                    _ fixtures: Fixtures) async throws -> Transfer? {
        do {
            return try await fixtures.requestTransfer(quantity, of: part, from: source, to: destination)
        } catch TransferError.insufficientAtSource {
            return nil
        }
    }

    /// Reserves and issues stock; the quantity consumed, zero when the site had none available.
    static func consumeIfAvailable(_ quantity: Int64, of part: Part, at site: Site, _ fixtures: Fixtures)
        async throws -> Int64
    {
        let reservation: Reservation
        do {
            reservation = try await fixtures.reserve(quantity, of: part, at: site, reference: "RO-LOAD").reservations[0]
        } catch is ReservationRefused {
            return 0
        }
        _ = try await fixtures.services.commands.run(ConsumeReservation(reservationID: reservation.id, input: .init()),
                                                     as: Fixtures.system)
        return quantity
    }
}

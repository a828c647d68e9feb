import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// Many clients over real sockets racing for the same stock: the ledger never over-commits,
/// and a retried request posts once.
@Suite("Reservations under load")
struct ReservationLoadTests {
    static let clients = 64
    static let requests = 200
    static let stock: Int64 = 100

    @Test(arguments: TestBackend.available)
    func sixtyFourClientsRacingForAHundredUnitsReserveExactlyAHundredAndAreToldNoForTheRest(
        _ backend: TestBackend
    ) async throws {
        try await APIHarness.runLive(backend, connections: Self.clients) { api in
            let shelf = try await StockedShelf.make(api, units: Self.stock)
            let responses = try await Self.race(api, requests: Self.requests) { index in
                shelf.reservationJSON(reference: "RO-\(index)")
            }
            let reserved = responses.filter { $0.status == .created }
            let refused = responses.filter { $0.status == .conflict }
            #expect(reserved.count == 100)
            #expect(refused.count == 100)
            #expect(refused.allSatisfy { $0.errorCode == "inventory.reservation.short" }, "\(refused.first.map { "\($0)" } ?? "")")
            #expect(try reserved.map { try ReservationJSON(outcome: $0) }.allSatisfy {
                $0.reserved == 1 && $0.backordered == 0
            })

            let stock = try await api.fixtures.siteStock(shelf.part, at: shelf.site)
            #expect(stock.unrestricted == Quantity(units: Self.stock))
            #expect(stock.reserved == Quantity(units: Self.stock))
            #expect(try stock.available == .zero)
            let created = try await api.fixtures.auditTrail().filter { $0.action == "reservation.create" }
            #expect(created.count == 100)
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func sixtyFourClientsAskingForBackordersGetAHundredReservedAndAHundredBackordered(
        _ backend: TestBackend
    ) async throws {
        try await APIHarness.runLive(backend, connections: Self.clients) { api in
            let shelf = try await StockedShelf.make(api, units: Self.stock)
            let responses = try await Self.race(api, requests: Self.requests) { index in
                shelf.reservationJSON(reference: "RO-\(index)", backorder: true)
            }
            #expect(responses.allSatisfy { $0.status == .created }, "\(responses.first { $0.status != .created }.map { "\($0)" } ?? "")")
            let outcomes = try responses.map { try ReservationJSON(outcome: $0) }
            #expect(outcomes.filter { $0.reserved == 1 && $0.backordered == 0 }.count == 100)
            #expect(outcomes.filter { $0.reserved == 0 && $0.backordered == 1 }.count == 100)

            let stock = try await api.fixtures.siteStock(shelf.part, at: shelf.site)
            #expect(stock.reserved == Quantity(units: Self.stock))
            #expect(stock.backordered == Quantity(units: 100))
            #expect(try stock.available == .zero)
            #expect(try await api.fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func tenConcurrentRetriesWithOneIdempotencyKeyReserveOnce(_ backend: TestBackend) async throws {
        try await APIHarness.runLive(backend, connections: 10) { api in
            let shelf = try await StockedShelf.make(api, units: 10)
            let json = shelf.reservationJSON(reference: "RO-RETRY", quantity: 3)
            let key: HTTPFields = [.idempotencyKey: "reserve-ro-retry"]
            let responses = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await api.send(.post, "/api/v1/reservations", json: json, headers: key) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.allSatisfy { $0.status == .created }, "\(responses.map(\.description))")
            #expect(Set(responses.map(\.body)).count == 1)
            #expect(responses.filter { $0.headers[.idempotentReplayed] == "true" }.count == 9)

            let created = try await api.fixtures.auditTrail().filter { $0.action == "reservation.create" }
            #expect(created.count == 1)
            let stock = try await api.fixtures.siteStock(shelf.part, at: shelf.site)
            #expect(stock.reserved == Quantity(units: 3))
            #expect(try stock.available == Quantity(units: 7))
            #expect(try await api.fixtures.verify() == [])
        }
    }

    /// Sends `requests` reservation POSTs from `clients` concurrent tasks that take the next
    /// request number from one shared counter, and returns every answer.
    static func race(_ api: APIHarness, requests: Int, clients: Int = Self.clients,
                     body: @escaping @Sendable (Int) -> String) async throws -> [APIResponse] {
        let tickets = Tickets(count: requests)
        let responses = try await withThrowingTaskGroup(of: [APIResponse].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var answered: [APIResponse] = []
                    while let index = tickets.next() {
                        answered.append(try await api.send(.post, "/api/v1/reservations", json: body(index)))
                    }
                    return answered
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(responses.count == requests)
        return responses
    }
}

/// Request numbers handed out once each to concurrent clients.
final class Tickets: Sendable {
    private let issued = Mutex(0)
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next number, or nil when all have been handed out.
    func next() -> Int? {
        issued.withLock { issued in
            guard issued < count else { return nil }
            issued += 1
            return issued - 1
        }
    }
}

/// A part with unrestricted stock in one bin at one site, for load tests to reserve from.
struct StockedShelf: Sendable {
    let site: Site
    let bin: Bin
    let part: Part

    static func make(_ api: APIHarness, units: Int64) async throws -> StockedShelf {
        let site = try await api.fixtures.site("DLR-LOAD")
        let bin = try await api.fixtures.bin("A-01", at: site)
        let part = try await api.fixtures.part("BP-LOAD", description: "Brake pad set", category: .brakes)
        try await api.fixtures.receive(units, of: part, into: bin)
        return StockedShelf(site: site, bin: bin, part: part)
    }

    func reservationJSON(reference: String, quantity: Int = 1, backorder: Bool = false) -> String {
        """
        {"partId": "\(part.id)", "siteId": "\(site.id)", "quantity": \(quantity),
         "demand": {"kind": "repairOrder", "reference": "\(reference)"}, "priority": "customerWaiting",
         "needBy": "2026-03-10", "backorderRemainder": \(backorder)}
        """
    }
}

/// The parts of a reservation a load test checks, read from a `POST /api/v1/reservations` answer
/// or from `GET /api/v1/reservations/{id}`.
struct ReservationJSON: Decodable, Sendable {
    let id: String
    let status: String
    let reserved: Decimal
    let backordered: Decimal

    private struct Outcome: Decodable {
        let reservations: [ReservationJSON]
    }

    /// The one reservation of an answer for a part nothing supersedes.
    init(outcome response: APIResponse) throws {
        let reservations = try JSONDecoder().decode(Outcome.self, from: Data(response.body.utf8)).reservations
        guard reservations.count == 1 else { throw DecodingError.dataCorrupted(.init(codingPath: [],
            debugDescription: "expected one reservation, got \(reservations.count): \(response.body)")) }
        self = reservations[0]
    }

    init(reservation response: APIResponse) throws {
        self = try JSONDecoder().decode(ReservationJSON.self, from: Data(response.body.utf8))
    }
}

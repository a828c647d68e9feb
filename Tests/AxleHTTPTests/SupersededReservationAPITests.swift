import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Reserving a superseded number over HTTP")
struct SupersededReservationAPITests {
    @Test(arguments: TestBackend.available)
    func theAnswerListsOneReservationPerNumberAndEachCanBeConsumed(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let fixtures = api.fixtures
            let site = try await fixtures.site("DLR-N")
            let a = try await fixtures.part("WP-100"), b = try await fixtures.part("WP-100A")
            let c = try await fixtures.part("WP-100B")
            _ = try await fixtures.supersede(a, by: b, effectiveOn: CalendarDate("2026-01-01"))
            _ = try await fixtures.supersede(b, by: c, effectiveOn: CalendarDate("2026-01-01"))
            let bin = try await fixtures.bin("A-01", at: site)
            try await fixtures.receive(3, of: a, into: bin)
            try await fixtures.receive(5, of: c, into: bin)

            let answer = try await api.send(.post, "/api/v1/reservations", json: """
                {"partNumber": "WP-100", "siteId": "\(site.id)", "quantity": 4,
                 "demand": {"kind": "repairOrder", "reference": "RO-77"}, "priority": "customerWaiting",
                 "needBy": "2026-03-10"}
                """)
            #expect(answer.status == .created, "\(answer)")
            #expect(answer.string("requestedPart") == "WP-100")
            let parts = try #require(answer.json["parts"] as? [[String: Any]])
            #expect(parts.map { $0["number"] as? String } == ["WP-100", "WP-100B"])
            #expect(parts.map { ($0["reserved"] as? NSNumber)?.intValue } == [3, 1])
            #expect(parts.map { ($0["backordered"] as? NSNumber)?.intValue } == [0, 0])
            let reservations = try #require(answer.json["reservations"] as? [[String: Any]])
            #expect(reservations.map { $0["partId"] as? String }
                    == [a.id.description, c.id.description])
            #expect(reservations.map { $0["id"] as? String } == parts.map { $0["reservationId"] as? String })
            #expect(answer.json["reservation"] == nil)

            for id in parts.compactMap({ $0["reservationId"] as? String }) {
                let consumed = try await api.send(.post, "/api/v1/reservations/\(id)/consume")
                #expect(consumed.status == .ok, "\(consumed)")
                #expect((consumed.json["reservation"] as? [String: Any])?["status"] as? String == "consumed")
            }
            #expect(try await fixtures.siteStock(a, at: site).onHand == .zero)
            #expect(try await fixtures.siteStock(c, at: site).onHand == Quantity(units: 4))
            #expect(try await fixtures.verify() == [])
        }
    }
}

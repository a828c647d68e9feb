import HTTPTypes
import AxleApplication
import AxleDomain
import AxleTestSupport
import Foundation
import Testing

@Suite("The catalogue over HTTP")
struct CatalogueAPITests {
    /// A Ford VIN for a 2014 model year (position 10 `E`, position 7 a letter) with its check digit.
    static func fordVIN(serial: String) -> String {
        let draft = "1FADP3K20EL" + serial
        let check = VIN.checkDigit(for: draft)!
        return String(draft.prefix(8)) + String(check) + String(draft.dropFirst(9))
    }

    @Test(arguments: TestBackend.available)
    func partsThatFitAVehicleAreFoundByItsVIN(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            let focusFilter = try await api.fixtures.part("OF-FOCUS")
            let rangerFilter = try await api.fixtures.part("OF-RANGER")
            let ecoBoostPlug = try await api.fixtures.part("SP-ECO", description: "Spark plug", category: .electrical)
            for (part, body) in [
                (focusFilter, #"{"make": "Ford", "model": "Focus", "yearFrom": 2012, "yearTo": 2018}"#),
                (rangerFilter, #"{"make": "Ford", "model": "Ranger", "yearFrom": 2011, "yearTo": 2022}"#),
                (ecoBoostPlug, #"{"make": "Ford", "model": "Focus", "yearFrom": 2012, "yearTo": 2018, "engine": "1.0 EcoBoost"}"#),
            ] {
                let response = try await api.send(.post, "/api/v1/parts/\(part.id)/fitments", json: body)
                #expect(response.status == .created, "\(response)")
            }
            let registered = Self.fordVIN(serial: "123456")
            let vehicle = try await api.send(.post, "/api/v1/vehicles", json: """
                {"vin": "\(registered.lowercased())", "model": "Focus", "engine": "2.0 Duratec"}
                """)
            #expect(vehicle.status == .created, "\(vehicle)")
            #expect(vehicle.string("make") == "Ford")
            #expect(vehicle.json["modelYear"] as? Int == 2014)

            let fitting = try await api.send(.get, "/api/v1/parts/fitting?vin=\(registered)")
            #expect(fitting.status == .ok, "\(fitting)")
            #expect(Self.numbers(fitting) == ["OF-FOCUS"])
            #expect((fitting.json["matchedOn"] as? [String: Any])?["model"] as? String == "Focus")

            let unknown = try await api.send(.get, "/api/v1/parts/fitting?vin=\(Self.fordVIN(serial: "654321"))")
            #expect(Self.numbers(unknown) == ["OF-FOCUS", "OF-RANGER", "SP-ECO"])
            #expect((unknown.json["matchedOn"] as? [String: Any])?["model"] == nil)

            let decoded = try await api.send(.get, "/api/v1/vehicles/decode?vin=1M8GDM9AXKP042788")
            #expect(decoded.status == .ok)
            #expect(decoded.string("checkDigit") == "valid")
            #expect(decoded.json["modelYear"] as? Int == 1989)
        }
    }

    @Test(arguments: TestBackend.available)
    func aLookupOfASupersededNumberReturnsTheCurrentPartAndTheChain(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            var ids: [String] = []
            for number in ["BP-1", "BP-1A", "BP-1B"] {
                let body = PartJSON.oilFilter.replacingOccurrences(of: "OF-100", with: number)
                ids.append(try #require(try await api.send(.post, "/api/v1/parts", json: body).string("id")))
            }
            for (old, new) in [(ids[0], ids[1]), (ids[1], ids[2])] {
                let link = try await api.send(.post, "/api/v1/parts/\(old)/supersessions", json: """
                    {"replacementId": "\(new)", "interchangeability": "oneWay", "effectiveOn": "2026-01-15"}
                    """)
                #expect(link.status == .created, "\(link)")
            }
            let cycle = try await api.send(.post, "/api/v1/parts/\(ids[2])/supersessions", json: """
                {"replacementId": "\(ids[0])", "interchangeability": "twoWay"}
                """)
            #expect(cycle.status == .unprocessableContent)
            #expect(cycle.errorCode == "catalog.supersession.cycle")

            let lookup = try await api.send(.get, "/api/v1/parts/lookup?number=bp-1")
            #expect((lookup.json["current"] as? [String: Any])?["number"] as? String == "BP-1B")
            let chain = lookup.json["chain"] as? [[String: Any]]
            #expect(chain?.compactMap { ($0["part"] as? [String: Any])?["number"] as? String } == ["BP-1A", "BP-1B"])
            #expect((chain?.first?["supersession"] as? [String: Any])?["partId"] as? String == ids[0])
        }
    }

    @Test(arguments: TestBackend.available)
    func listsArePagedWithAnOpaqueCursor(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            for code in ["S-3", "S-1", "S-2"] {
                let body = #"{"code": "\#(code)", "name": "Supplier \#(code)", "leadTimeDays": 3}"#
                #expect(try await api.send(.post, "/api/v1/suppliers", json: body).status == .created)
            }
            let first = try await api.send(.get, "/api/v1/suppliers?limit=2")
            #expect((first.json["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["S-1", "S-2"])
            let cursor = try #require(first.string("nextCursor"))
            let second = try await api.send(.get, "/api/v1/suppliers?limit=2&cursor=\(cursor)")
            #expect((second.json["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["S-3"])
            #expect(second.json["nextCursor"] == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func theNearestSiteComesFirst(_ backend: TestBackend) async throws {
        try await APIHarness.run(backend) { api in
            _ = try await api.fixtures.site("DLR-LOOP", latitude: 41.8781, longitude: -87.6298)
            _ = try await api.fixtures.site("WS-EVANSTON", kind: .workshop, latitude: 42.0451, longitude: -87.6877)
            _ = try await api.fixtures.site("DC-JOLIET", kind: .distributionCenter, latitude: 41.5250, longitude: -88.0817)
            let nearest = try await api.send(.get, "/api/v1/sites/nearest?latitude=42.03&longitude=-87.70")
            let items = try #require(nearest.json["items"] as? [[String: Any]])
            #expect(items.compactMap { ($0["site"] as? [String: Any])?["code"] as? String }
                == ["WS-EVANSTON", "DLR-LOOP", "DC-JOLIET"])
            let distance = try #require(items.first?["distanceKm"] as? Double)
            #expect(distance < 3)
        }
    }

    static func numbers(_ response: APIResponse) -> [String] {
        (response.json["items"] as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? []
    }
}

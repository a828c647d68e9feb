import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Testing

@Suite("Standard kits for a vehicle")
struct PartsKitScenarioTests {
    @Test(arguments: TestBackend.available)
    func aKitResolvesThroughSupersessionAndToASubstituteThatFitsTheVehicle(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let shop = try await BookingScenarioTests.workshop(fixtures)
            let oldFilter = try await fixtures.part("OF-OLD"), newFilter = try await fixtures.part("OF-NEW")
            _ = try await fixtures.supersede(oldFilter, by: newFilter)
            // The kit's rotor fits Mustangs only; an approved substitute fits the customer's 2014 Focus.
            let mustangRotor = try await fixtures.part("BR-MUS", description: "Brake rotor", category: .brakes)
            let focusRotor = try await fixtures.part("BR-FOC", description: "Brake rotor", category: .brakes)
            _ = try await services.commands.run(RecordFitment(partID: mustangRotor.id, input: .init(
                make: "Ford", model: "Mustang", yearFrom: 2010, yearTo: 2020)), as: Fixtures.system)
            _ = try await services.commands.run(RecordFitment(partID: focusRotor.id, input: .init(
                make: "Ford", model: "Focus", yearFrom: 2012, yearTo: 2018)), as: Fixtures.system)
            _ = try await services.commands.run(ApproveSubstitute(partID: mustangRotor.id, input: .init(
                substituteId: focusRotor.id, rule: .always)), as: Fixtures.system)
            let service = try await fixtures.operation("SVC-B", hours: 2, skill: .brakes,
                                                       kit: [(oldFilter, 1), (mustangRotor, 2)])
            try await fixtures.receive(3, of: newFilter, into: shop.bin)
            try await fixtures.receive(4, of: focusRotor, into: shop.bin)

            let result = try await services.service.slots(.init(
                siteId: shop.site.id, vehicleId: shop.vehicle.id, operationIds: [service.id]), as: Fixtures.system)
            #expect(result.kit.needs.map(\.part.number.rawValue) == ["OF-NEW", "BR-FOC"])
            #expect(result.kit.needs.map(\.kitPart?.rawValue) == ["OF-OLD", "BR-MUS"])
            let slot = try #require(result.slots.first)
            let booked = try await fixtures.book(slot, operations: [service], customer: shop.customer, vehicle: shop.vehicle)
            #expect(try await fixtures.siteStock(newFilter, at: shop.site).reserved == Quantity(units: 1))
            #expect(try await fixtures.siteStock(focusRotor, at: shop.site).reserved == Quantity(units: 2))
            #expect(booked.appointment.reservationIDs.count == 2)

            // With no fitting substitute the work cannot be planned for this car.
            let mustangOnly = try await fixtures.part("BR-MUS2", description: "Brake rotor", category: .brakes)
            _ = try await services.commands.run(RecordFitment(partID: mustangOnly.id, input: .init(
                make: "Ford", model: "Mustang", yearFrom: 2010, yearTo: 2020)), as: Fixtures.system)
            let misfit = try await fixtures.operation("SVC-M", hours: 1, skill: .brakes, kit: [(mustangOnly, 2)])
            await #expect(throws: ServiceError.partDoesNotFit(mustangOnly.number)) {
                _ = try await services.service.slots(.init(siteId: shop.site.id, vehicleId: shop.vehicle.id,
                                                           operationIds: [misfit.id]), as: Fixtures.system)
            }
        }
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

/// A customer is found by its account number, which no two customers share (customers without
/// one are not compared).
@Suite("Customer account numbers")
struct CustomerAccountNumberTests {
    @Test(arguments: TestBackend.available)
    func anAccountNumberFindsOneCustomerAndASecondIsRefused(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let database = services.database
            let fleet = Customer(id: Identifier(UUID.stub(1)), kind: .fleet, name: "Lakeside", accountNumber: "F-0042")
            let people = [2, 3].map { Customer(id: Identifier(UUID.stub($0)), kind: .person, name: "Dana \($0)") }
            try await database.write { try await $0.customers.insert([fleet] + people) }
            #expect(try await database.read { try await $0.customers.find(accountNumber: "F-0042") } == fleet)
            #expect(try await database.read { try await $0.customers.find(accountNumber: "f-0042") } == nil)

            let copy = Customer(id: Identifier(UUID.stub(4)), kind: .fleet, name: "Copy", accountNumber: "F-0042")
            await #expect(throws: StoreError.self) {
                try await database.write { try await $0.customers.insert([copy]) }
            }
            #expect(try await database.read { try await $0.customers.find(id: copy.id) } == nil)
        }
    }
}

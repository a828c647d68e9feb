import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

@Suite("CSV import of customers, their vehicles and count policies")
struct CustomerImportTests {
    @Test(arguments: TestBackend.available)
    func customersAreFoundByAccountNumberAndAChangedFieldUpdatesThemAudited(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importAll()
            let lakeside = try #require(try await customer("FL-1001", services))
            #expect(lakeside.kind == .fleet && lakeside.name == "Lakeside Logistics, Inc."
                    && lakeside.email == "fleet@lakeside.example" && lakeside.phone == "+1 312 555 0100")
            let dana = try #require(try await customer("P-20417", services))
            #expect(dana.kind == .person && dana.email == nil && dana.phone == nil)
            let links = try await services.database.read { try await $0.customers.vehicles(of: lakeside.id) }
            #expect(links.map(\.unitNumber) == ["U-17"])

            // The phone column left out keeps the phone; the changed name is an update, audited with the import's tag.
            let renamed = "accountNumber,kind,name,email\nFL-1001,fleet,Lakeside Logistics LLC,fleet@lakeside.example\n"
            let report = try await services.importFile(.customers, renamed)
            #expect((report.created, report.updated, report.unchanged) == (0, 1, 0) && report.committed)
            let after = try #require(try await customer("FL-1001", services))
            #expect(after.id == lakeside.id && after.name == "Lakeside Logistics LLC" && after.phone == lakeside.phone)
            let update = try #require(try await Fixtures(services: services).auditTrail().last)
            #expect(update.action == "customer.update" && update.entityID == lakeside.id.description)
            #expect(update.requestID == "import:\(report.importID)")
            #expect(update.before?.contains("Lakeside Logistics, Inc.") == true)
            #expect(try await services.importFile(.customers, renamed).unchanged == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aLinkNamesAKnownCustomerAndVehicleAndIsNotEditedByImport(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importAll()
            let file = """
                customer,vin,unitNumber
                FL-1001,1HGCM82633A004352,U-18
                FL-9999,1HGCM82633A004352,
                P-20417,1HGCM82633A004353,
                P-20417,1HGCM82633A004352,

                """
            let report = try await services.importFile(.customerVehicles, file, options: ImportOptions(mode: .validOnly))
            #expect(report.issues.map { "\($0.row) \($0.column)" } == ["2 unitNumber", "3 customer", "4 vin"],
                    "\(report.issues)")
            #expect(report.created == 1 && report.committed)
            let dana = try #require(try await customer("P-20417", services))
            #expect(try await services.database.read { try await $0.customers.vehicles(of: dana.id) }.count == 2)
            #expect(try await services.export(.customerVehicles) == """
                customer,vin,unitNumber
                FL-1001,1HGCM82633A004352,U-17
                P-20417,1HGCM82633A004352,
                P-20417,WP0ZZZ99ZTS392124,

                """)
        }
    }

    /// Two imports of the same customers at once: the unique account number makes the second
    /// writer's insert fail, its pass runs again and finds them, so each is created once.
    @Test(arguments: TestBackend.available)
    func twoOverlappingImportsOfTheSameCustomersCreateEachOnce(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            async let first = services.importFile(.customers, ImportFiles.customers)
            async let second = services.importFile(.customers, ImportFiles.customers)
            let reports = try await [first, second]
            #expect(reports.allSatisfy { $0.committed && $0.issues.isEmpty }, "\(reports)")
            #expect(reports.map(\.created).reduce(0, +) == 2)
            let creations = try await Fixtures(services: services).auditTrail().filter { $0.action == "customer.create" }
            #expect(creations.count == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAccountNumberBelongsToOneCustomer(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importFile(.customers, ImportFiles.customers)
            await #expect(throws: ServiceError.accountNumberTaken("P-20417")) {
                _ = try await services.commands.run(CreateCustomer(CreateCustomer.Input(
                    kind: .person, name: "Another Dana", accountNumber: "P-20417")), as: Fixtures.system)
            }
            let dana = try #require(try await customer("P-20417", services))
            let lakeside = try #require(try await customer("FL-1001", services))
            await #expect(throws: ServiceError.accountNumberTaken("P-20417")) {
                _ = try await services.commands.run(UpdateCustomer(customerID: lakeside.id, input: CreateCustomer.Input(
                    kind: .fleet, name: lakeside.name, accountNumber: "P-20417")), as: Fixtures.system)
            }
            #expect(try await customer("P-20417", services) == dana)
        }
    }

    @Test(arguments: TestBackend.available)
    func countPolicyRowsSetOneClassEachThroughUpdateCountPolicy(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importFile(.sites, ImportFiles.sites)
            let report = try await services.importFile(.countPolicies, ImportFiles.countPolicies)
            #expect((report.created, report.updated, report.unchanged) == (0, 2, 0) && report.committed)
            let trail = try await Fixtures(services: services).auditTrail().filter { $0.action == "countPolicy.update" }
            #expect(trail.count == 2 && trail.allSatisfy { $0.requestID == "import:\(report.importID)" })
            #expect(try await services.export(.countPolicies) == """
                site,abcClass,intervalDays,toleranceBasisPoints
                DC-1,A,30,200
                DC-1,B,91,500
                DC-1,C,180,1000
                DLR-A,A,14,100
                DLR-A,B,91,500
                DLR-A,C,365,1000

                """)
            let bad = "site,abcClass,intervalDays,toleranceBasisPoints\nDLR-A,B,0,500\nDLR-A,D,30,100\nNOPE,A,30,100\n"
            let refused = try await services.importFile(.countPolicies, bad)
            #expect(refused.issues.map { "\($0.row) \($0.column) \($0.value)" }
                    == ["2 intervalDays 0", "3 abcClass D", "4 site NOPE"], "\(refused.issues)")
            #expect(!refused.committed)
        }
    }

    private func customer(_ account: String, _ services: AxleServices) async throws -> Customer? {
        try await services.database.read { try await $0.customers.find(accountNumber: account) }
    }
}

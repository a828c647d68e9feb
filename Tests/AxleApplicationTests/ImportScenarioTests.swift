import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation
import Testing

@Suite("CSV import and export")
struct ImportScenarioTests {
    @Test(arguments: TestBackend.available)
    func everyEntityLoadsThroughItsUseCaseAndEachChangeIsAuditedWithTheImportsID(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let all = try await services.importAll()
            // Every site has its stock and count policies from its creation: their files only update them.
            let reports = all.filter { ![.stockPolicies, .countPolicies].contains($0.entity) }
            #expect(reports.map(\.created) == [2, 3, 2, 5, 1, 1, 2, 4, 2, 2, 2])
            #expect(reports.allSatisfy { $0.committed && $0.issues.isEmpty && $0.updated == 0 && $0.unchanged == 0 })
            let policies = try #require(all.first { $0.entity == .stockPolicies })
            #expect(policies.committed && policies.issues.isEmpty && policies.created == 0 && policies.updated == 2)
            let dc = try #require(try await services.database.read { try await $0.sites.find(code: Code("DC-1")!) })
            let dcPolicy = try await services.database.read { try await $0.stock.policy(site: dc.id) }
            #expect(dcPolicy.allowsNegativeStock && dcPolicy.adjustmentApprovalThreshold.amountText == "500.00"
                    && dcPolicy.transferApprovalThreshold.amountText == "5000.00")

            let filter = try #require(try await services.part("OF-2"))
            #expect(filter.description == #"Oil filter, "long life""#)
            #expect(filter.packs == [PackConversion(name: "box", quantity: Quantity(units: 10)),
                                     PackConversion(name: "case", quantity: Quantity(units: 50))])
            #expect(filter.criticality == .routine && filter.tracking == .none && !filter.hazardous)
            let alternator = try #require(try await services.part("AL-1"))
            #expect(alternator.coreCharge?.amountText == "40.00" && alternator.tracking == .serial)
            #expect(alternator.criticality == .vehicleOffRoad)
            let coolant = try #require(try await services.part("CL-9"))
            #expect(coolant.lifecycle == .obsolete && coolant.hazardous && coolant.unit == .litre)
            // The supersession made OF-1 superseded, as recording it through the API would.
            #expect(try await services.part("OF-1")?.lifecycle == .superseded)

            let fixtures = Fixtures(services: services)
            let trail = try await fixtures.auditTrail()
            for report in reports {
                let tagged = trail.filter { $0.requestID == "import:\(report.importID)" }
                #expect(tagged.count >= report.created, "\(report.entity)")
            }
            // One record per entity change: CL-9 was created, then made obsolete by the same rule as a PATCH.
            #expect(trail.filter { $0.entityType == "part" }.map(\.action).sorted()
                    == ["part.create", "part.create", "part.create", "part.create", "part.create", "part.supersede",
                        "part.update"])
            #expect(trail.filter { $0.entityType == "openingStock" }.count == 4)
            let porsche = try await services.database.read { try await $0.vehicles.find(vin: try VIN(validating: "WP0ZZZ99ZTS392124")) }
            #expect(porsche?.make == "Porsche" && porsche?.modelYear == 1996 && porsche?.engine == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func openingStockPostsLedgerMovementsWithTheirValueAndVerifyStaysClean(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importAll()
            let fixtures = Fixtures(services: services)
            #expect(try await fixtures.verify() == [])
            let (filter, dealer) = (try #require(try await services.part("OF-2")), try #require(try await site("DLR-A", services)))
            let stock = try await services.database.read {
                try await $0.stock.siteStock(part: filter.id, site: dealer.id, forUpdate: false)
            }
            #expect(stock.unrestricted == Quantity(units: 12))
            #expect(stock.damaged == Quantity(milli: 1500))
            let history = try await services.database.read {
                try await $0.ledger.history(part: filter.id, site: nil, PageRequest(after: nil, limit: 10))
            }
            #expect(history.map(\.movement.reason) == [.opening, .opening])
            #expect(history.map(\.movement.value.amountText) == ["54.00", "6.75"])
            let average = try await services.database.read { try await $0.stock.averageCost(part: filter.id) }
            #expect(average?.unitCost.amountText == "4.50")
        }
    }

    @Test(arguments: TestBackend.available)
    func importingTheSameFilesTwiceChangesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importAll()
            let fixtures = Fixtures(services: services)
            let trail = try await fixtures.auditTrail().count
            let partsBefore = try await services.export(.parts)

            let again = try await services.importAll()
            #expect(again.allSatisfy { $0.created == 0 && $0.updated == 0 && $0.issues.isEmpty })
            #expect(again.map(\.unchanged) == [2, 3, 2, 5, 1, 1, 2, 4, 2, 2, 2, 2, 2])
            #expect(try await fixtures.auditTrail().count == trail)
            #expect(try await services.export(.parts) == partsBefore)
            #expect(try await services.part("OF-2")?.version == 1)
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aChangedPriceUpdatesThePartLikeAPatch(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importFile(.parts, ImportFiles.parts)
            let changed = ImportFiles.parts.replacingOccurrences(of: "22.00,49.00", with: "22.00,52.50")
            let report = try await services.importFile(.parts, changed)
            #expect((report.created, report.updated, report.unchanged) == (0, 1, 4))
            let pads = try #require(try await services.part("BP-1"))
            #expect(pads.listPrice.amountText == "52.50" && pads.version == 2)
            let update = try #require(try await Fixtures(services: services).auditTrail().last)
            #expect(update.action == "part.update" && update.entityID == pads.id.description)
            #expect(update.requestID == "import:\(report.importID)")
            #expect(update.before?.contains(#""listPrice":"49.00""#) == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFileWithManyErrorsReportsThemAllWithRowAndColumnInOnePass(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let file = """
                number,description,brand,category,unit,cost,listPrice,hazardous
                OF 1!,,Mann,filterz,each,abc,9.95,false
                OK-1,Fine,Mann,filters,each,1.00,2.00,
                X-2,Pads,,brakes,box,1.00,-2,maybe
                OK-1,Again,Mann,filters,each,1.00,2.00,
                Y-3,"\(String(repeating: "d", count: 201))",Bosch,brakes,each,1.00,2.00,

                """
            let report = try await services.importFile(.parts, file)
            let found = report.issues.map { "\($0.row) \($0.column) \($0.value)" }
            #expect(found == [
                "2 category filterz", "2 cost abc", "2 description ", "2 number OF 1!",
                "4 brand ", "4 hazardous maybe", "4 listPrice -2", "4 unit box",
                "5 number OK-1",
                "6 description \(String(repeating: "d", count: 201))",
            ])
            #expect(report.issues.first { $0.row == 6 }?.reason == "must be at most 200 characters")
            #expect(report.rejected == 4 && !report.committed)
            #expect(try await services.part("OK-1") == nil)
            #expect(try await Fixtures(services: services).auditTrail() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aDryRunValidatesAgainstTheDatabaseAndWritesNothing(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let report = try await services.importFile(.parts, ImportFiles.parts, options: ImportOptions(dryRun: true))
            #expect(report.created == 5 && report.issues.isEmpty && !report.committed)
            #expect(try await services.part("OF-1") == nil)
            #expect(try await Fixtures(services: services).auditTrail() == [])

            // Rows that refer to what is not there are found without writing anything either.
            let links = try await services.importFile(.supersessions, ImportFiles.supersessions,
                                                      options: ImportOptions(dryRun: true))
            #expect(links.issues.map(\.column) == ["part"])
            #expect(links.issues.first?.reason == "no part OF-1")
        }
    }

    @Test(arguments: TestBackend.available)
    func validOnlyWritesTheGoodRowsAndReturnsTheRejectedOnesToFix(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let file = """
                code,name,leadTimeDays
                BOSCH,Robert Bosch GmbH,5
                MANN,"Mann, Hummel",999
                ELRING,Elring,2

                """
            let report = try await services.importFile(.suppliers, file, options: ImportOptions(mode: .validOnly))
            #expect(report.committed && report.created == 2 && report.rejected == 1)
            #expect(report.rejectedRows == """
                code,name,leadTimeDays,error
                MANN,"Mann, Hummel",999,"row 3, column leadTimeDays (""999""): must be between 0 and 365"

                """)
            let exported = try await services.export(.suppliers)
            #expect(exported == "code,name,leadTimeDays\nBOSCH,Robert Bosch GmbH,5\nELRING,Elring,2\n")
        }
    }

    @Test(arguments: TestBackend.available)
    func exportThenImportIntoAnEmptyDatabaseGivesTheSameData(_ backend: TestBackend) async throws {
        var exported: [(ImportEntity, String)] = []
        try await backend.withServices { services in
            _ = try await services.importAll()
            for (entity, _) in ImportFiles.all { exported.append((entity, try await services.export(entity))) }
        }
        try await backend.withServices { services in
            for (entity, text) in exported {
                let report = try await services.importFile(entity, text)
                #expect(report.issues.isEmpty && report.committed, "\(entity): \(report.issues)")
            }
            for (entity, text) in exported {
                #expect(try await services.export(entity) == text, "\(entity)")
            }
            #expect(try await Fixtures(services: services).verify() == [])
        }
        #expect(exported.first { $0.0 == .openingStock }?.1.contains("DC-1,R-10,AL-1,qualityHold,2,120.00,SN-0001") == true)
    }

    @Test(arguments: TestBackend.available)
    func aWrongHeaderBadUTF8OrAnOversizedFileIsRefusedWhole(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let service = ImportService(dependencies: services.dependencies)
            await #expect(throws: ImportError.header(missing: ["listPrice"], unknown: ["price"], duplicated: [])) {
                _ = try await services.importFile(.parts, "number,description,brand,category,unit,cost,price\n")
            }
            var latin1 = Data("code,name,leadTimeDays\nMUL,M".utf8)
            latin1.append(0xFC)
            latin1.append(contentsOf: Data("ller,3\n".utf8))
            await #expect(throws: ImportError.notUTF8(byteOffset: 28)) {
                _ = try await service.run(.suppliers, file: latin1, as: Fixtures.system)
            }
            let small = ImportOptions(limits: ImportLimits(maximumBytes: 64, maximumRows: 2))
            await #expect(throws: ImportError.fileTooLarge(limitBytes: 64)) {
                _ = try await services.importFile(.bins, ImportFiles.bins, options: small)
            }
            await #expect(throws: ImportError.tooManyRows(limit: 2)) {
                _ = try await services.importFile(.suppliers, "code,name,leadTimeDays\nA,a,1\nB,b,1\nC,c,1\n",
                                                  options: small)
            }
            await #expect(throws: ImportError.missingHeader) { _ = try await services.importFile(.sites, "") }
            let trail = try await Fixtures(services: services).auditTrail()
            #expect(trail.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func masterDataNeedsAnAdminAndOpeningStockAPartsManagerAtTheSite(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            for (entity, text) in ImportFiles.all where entity != .openingStock {
                _ = try await services.importFile(entity, text)
            }
            let fixtures = Fixtures(services: services)
            let (manager, _) = try await fixtures.user("maria", role: .partsManager, sites: [Code("DLR-A")!])
            await #expect(throws: AccessError.missingPermission(.importMasterData, role: .partsManager)) {
                _ = try await services.importFile(.parts, ImportFiles.parts, as: manager)
            }
            let report = try await services.importFile(.openingStock, ImportFiles.openingStock,
                                                       options: ImportOptions(mode: .validOnly), as: manager)
            #expect(report.created == 2 && report.rejected == 2 && report.committed)
            #expect(report.issues.map { "\($0.row) \($0.reason)" }
                    == ["4 this site is outside your site scope", "5 this site is outside your site scope"])
            #expect(try await fixtures.verify() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aRowWithMoreOrFewerCellsThanTheHeaderIsRefused(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let file = """
                code,name,leadTimeDays
                BOSCH,Robert Bosch, GmbH,5
                MANN,Mann+Hummel
                ELRING,Elring,2

                """
            let report = try await services.importFile(.suppliers, file, options: ImportOptions(mode: .validOnly))
            #expect(report.issues.map { "\($0.row) \($0.reason)" } == [
                "2 has 4 cells where the header names 3 columns", "3 has 2 cells where the header names 3 columns",
            ])
            #expect(report.created == 1 && report.committed)
        }
    }

    @Test(arguments: TestBackend.available)
    func aVehicleWithABadVINOrOtherDetailsIsRefusedAtItsVIN(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            _ = try await services.importFile(.vehicles, ImportFiles.vehicles)
            let file = """
                vin,make,model,modelYear,engine
                1HGCM82633A004352,Honda,Civic,2003,2.4 i-VTEC
                1HGCM82633A004353,Honda,Accord,2003,
                WP0ZZZ99ZTS392124,,911,,

                """
            let report = try await services.importFile(.vehicles, file)
            #expect(report.issues.map { "\($0.row) \($0.column)" } == ["2 vin", "3 vin"], "\(report.issues)")
            #expect(report.issues.first?.reason.contains("not edited") == true)
            #expect(report.unchanged == 1 && !report.committed)
        }
    }

    /// Two imports of the same parts at once: whichever stores a part second finds it there (on
    /// PostgreSQL its insert waits for the first import's commit, loses on the unique number and
    /// the pass runs again), so each part is created once, by one of them, and audited once.
    @Test(arguments: TestBackend.available)
    func twoOverlappingImportsOfTheSamePartsEndConsistent(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            async let first = services.importFile(.parts, ImportFiles.parts)
            async let second = services.importFile(.parts, ImportFiles.parts)
            let reports = try await [first, second]
            #expect(reports.allSatisfy { $0.committed && $0.issues.isEmpty && $0.updated == 0 }, "\(reports)")
            #expect(reports.map(\.created).reduce(0, +) == 5, "\(reports.map(\.created))")
            #expect(reports.map { $0.created + $0.unchanged } == [5, 5])
            let creations = try await Fixtures(services: services).auditTrail().filter { $0.action == "part.create" }
            #expect(creations.count == 5)
            #expect(try await services.export(.parts).split(separator: "\n").count == 6)
        }
    }

    private func site(_ code: String, _ services: AxleServices) async throws -> Site? {
        try await services.database.read { try await $0.sites.find(code: Code(code)!) }
    }
}

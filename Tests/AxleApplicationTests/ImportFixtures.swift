import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Foundation

/// A small dealer group as import files, in the order they load (each refers to earlier ones).
enum ImportFiles {
    static let sites = """
        code,name,kind,latitude,longitude,timeZone
        DLR-A,North dealership,dealership,41.88,-87.63,America/Chicago
        DC-1,"Central warehouse, Joliet",distributionCenter,41.52,-88.08,America/Chicago

        """
    static let bins = """
        site,code,description
        DLR-A,A-01,Front shelf
        DLR-A,A-02,
        DC-1,R-10,"Rack 10, level 1"

        """
    static let suppliers = """
        code,name,leadTimeDays
        BOSCH,Robert Bosch GmbH,5
        MANN,Mann+Hummel,3

        """
    static let parts = #"""
        number,description,brand,category,unit,packs,cost,listPrice,criticality,lifecycle,tracking,hazardous,coreCharge
        OF-1,"Oil filter, spin-on",Mann,filters,each,box=10,4.10,9.95,routine,active,none,false,
        OF-2,"Oil filter, ""long life""",Mann,filters,each,box=10;case=50,4.60,10.95,,,,,
        BP-1,Brake pad set,Bosch,brakes,set,,22.00,49.00,safetyCritical,active,none,false,
        AL-1,Alternator,Bosch,electrical,each,,120.00,250.00,vehicleOffRoad,active,serial,false,40.00
        CL-9,Coolant 5 l,Mann,fluids,litre,,8.00,15.00,routine,obsolete,none,true,

        """#
    static let supersessions = """
        part,replacement,interchangeability,effectiveOn,useUpOldStock
        OF-1,OF-2,oneWay,2026-01-15,true

        """
    static let substitutes = """
        part,substitute,rule,note
        BP-1,OF-1,customerApproval,only for the demo

        """
    static let fitments = """
        part,make,model,yearFrom,yearTo,engine
        OF-2,Ford,Focus,2015,2020,1.0 EcoBoost
        BP-1,Ford,Focus,2012,2018,

        """
    static let openingStock = """
        site,bin,part,status,quantity,unitCost,lot
        DLR-A,A-01,OF-2,unrestricted,12,4.50,
        DLR-A,A-02,OF-2,damaged,1.5,4.50,
        DC-1,R-10,BP-1,,40,21.00,
        DC-1,R-10,AL-1,qualityHold,2,,SN-0001

        """

    /// Every file, in load order.
    static let all: [(ImportEntity, String)] = [
        (.sites, sites), (.bins, bins), (.suppliers, suppliers), (.parts, parts), (.supersessions, supersessions),
        (.substitutes, substitutes), (.fitments, fitments), (.openingStock, openingStock),
    ]
}

extension AxleServices {
    func importFile(_ entity: ImportEntity, _ text: String, options: ImportOptions = ImportOptions(),
                    as caller: Caller = Fixtures.system) async throws -> ImportReport {
        try await ImportService(dependencies: dependencies).run(entity, file: Data(text.utf8), options: options,
                                                                as: caller)
    }

    func export(_ entity: ImportEntity, as caller: Caller = Fixtures.system) async throws -> String {
        try await ExportService(dependencies: dependencies).run(entity, as: caller)
    }

    /// Loads every file of `ImportFiles` and returns the reports.
    func importAll() async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for (entity, text) in ImportFiles.all { reports.append(try await importFile(entity, text)) }
        return reports
    }

    func part(_ number: String) async throws -> Part? {
        try await database.read { try await $0.parts.find(number: PartNumber(number)!) }
    }
}

import AxleApplication
import AxleDomain

/// The demo's users: every role at least once, each scoped to the sites where that job is done.
enum DemoUsers {
    /// Site codes; empty for roles that see every site.
    static let users: [(name: String, role: Role, sites: [String])] = [
        ("demo-admin", .admin, []),
        ("demo-auditor", .auditor, []),
        ("demo-parts-north", .partsManager, ["DLR-NORTH"]),
        ("demo-parts-west", .partsManager, ["DLR-WEST"]),
        ("demo-parts-dc", .partsManager, ["DC-JOLIET"]),
        // The van is stocked and counted from the workshop it is based at.
        ("demo-parts-oakpark", .partsManager, ["WS-OAKPARK", "VAN-01"]),
        ("demo-advisor-north", .serviceAdvisor, ["DLR-NORTH"]),
        ("demo-advisor-oakpark", .serviceAdvisor, ["WS-OAKPARK"]),
        ("demo-tech-oakpark", .technician, ["WS-OAKPARK"]),
        // The van restocks from the workshop it is based at.
        ("demo-tech-van", .technician, ["VAN-01", "WS-OAKPARK"]),
        ("demo-buyer", .buyer, ["DC-JOLIET", "DLR-NORTH", "DLR-WEST"]),
        ("demo-warehouse-dc", .warehouse, ["DC-JOLIET"]),
        ("demo-warranty", .warrantyAdmin, ["DLR-NORTH", "DLR-WEST"]),
        ("demo-finance", .finance, ["DLR-NORTH", "DLR-WEST", "DC-JOLIET", "WS-OAKPARK", "VAN-01"]),
    ]

    /// The users as principals with the dataset's own identifiers, written before the stock
    /// history, which names them as the people who handled transfers and counts.
    static func principals(at sites: [Site], ids: inout DemoIdentifiers) -> [Principal] {
        users.map { user in
            Principal(id: ids.next(), name: user.name, role: user.role,
                      sites: Set(sites.filter { user.sites.contains($0.code.rawValue) }.map(\.id)))
        }
    }

    /// A token for each user through the ordinary use case, which audits it (and finds the user
    /// written before). Tokens do not expire: a demo database is for trying Axle, not for real data.
    static func issueTokens(through services: AxleServices) async throws -> [DemoSummary.User] {
        let system = Caller(principal: .system, requestID: nil)
        var issued: [DemoSummary.User] = []
        for user in users {
            // The table holds valid codes; a bad one is a programming error.
            let codes = user.sites.map { Code($0)! }
            let output = try await services.commands.run(
                IssueToken(name: user.name, role: user.role, siteCodes: codes, validForSeconds: nil), as: system)
            issued.append(DemoSummary.User(name: user.name, role: user.role, sites: codes, token: output.secret))
        }
        return issued
    }
}

import AxleApplication
import AxleDomain
public import ArgumentParser

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue and revoke API tokens.", subcommands: [Create.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for a user (created on first use); prints the token alone on standard output.")

        @OptionGroup var options: DatabaseOptions

        @Option(help: "The user's name.")
        var name: String

        @Option(help: "admin, partsManager, serviceAdvisor, technician, buyer, warehouse, warrantyAdmin, finance or auditor")
        var role: Role

        @Option(name: .customLong("site"), help: "A site code the user works at (repeat for several).")
        var sites: [String] = []

        @Option(help: "Days until the token expires (default: never).")
        var expiresInDays: Int?

        func run() async throws {
            let codes = try sites.map { text in
                guard let code = Code(text) else { throw ValidationError("--site \(text) is not a site code") }
                return code
            }
            let services = try await options.services()
            let issued = try await services.commands.run(
                IssueToken(name: name, role: role, siteCodes: codes,
                           validForSeconds: expiresInDays.map { Int64($0) * 86_400 }),
                as: Caller(principal: .system, requestID: nil))
            try await services.close()
            print(issued.secret)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id; a running server refuses it within a second.")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: "The token's id (from the audit trail or `token create`).")
        var id: String

        func run() async throws {
            guard let tokenID = AccessToken.ID(id) else { throw ValidationError("\(id) is not a token id") }
            let services = try await options.services()
            let revoked = try await services.commands.run(RevokeToken(tokenID: tokenID),
                                                          as: Caller(principal: .system, requestID: nil))
            try await services.close()
            print("revoked \(revoked.id)")
        }
    }
}

extension Role: ExpressibleByArgument {}

import AxleApplication
import AxleDomain
import AxleStore
public import ArgumentParser
import Foundation

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, list and revoke API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for a user (created on first use).",
            discussion: """
                Prints the token alone on standard output, so that a script can capture it, and the \
                token's id (what `axle token revoke` takes) on standard error.
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: "The user's name.")
        var name: String

        @Option(help: "admin, partsManager, serviceAdvisor, technician, buyer, warehouse, warrantyAdmin, finance or auditor")
        var role: Role

        @Option(name: .customLong("site"),
                help: "A site code the user works at (repeat for several); an admin without one works at every site.")
        var sites: [String] = []

        // Unconditional, so that `--expires-in-days -1` reaches `validate()` and its message
        // rather than being taken for an option.
        @Option(parsing: .unconditional,
                help: "Days until the token expires, from 1 to \(IssueToken.longestValidDays) (default: never).")
        var expiresInDays: Int64?

        func validate() throws {
            if let expiresInDays, !(1...IssueToken.longestValidDays).contains(expiresInDays) {
                throw ValidationError("--expires-in-days must be from 1 to \(IssueToken.longestValidDays); "
                                      + "leave it out for a token that does not expire")
            }
        }

        func run() async throws {
            let codes = try sites.map { text in
                guard let code = Code(text) else { throw ValidationError("--site \(text) is not a site code") }
                return code
            }
            let services = try await options.services()
            let issued = try await services.commands.run(
                IssueToken(name: name, role: role, siteCodes: codes,
                           validForSeconds: expiresInDays.map { $0 * 86_400 }),
                as: Caller(principal: .system, requestID: nil))
            try await services.close()
            FileHandle.standardError.write(Data("issued token \(issued.token.id) to \(issued.principal.name)\n".utf8))
            print(issued.secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every token, revoked and expired ones included, oldest first; never a secret or hash.")

        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let services = try await options.services()
            let caller = Caller(principal: .system, requestID: nil)
            var tokens: [TokenSummary] = []
            let limit = PageRequest<AccessToken.ID>.maximumLimit
            do {
                var page = try await services.tokens.tokens(PageRequest(after: nil, limit: limit), as: caller)
                tokens += page
                while page.count == limit, let last = page.last {
                    page = try await services.tokens.tokens(PageRequest(after: last.id, limit: limit), as: caller)
                    tokens += page
                }
            } catch {
                try await services.close()
                throw error
            }
            try await services.close()
            print(TokenTable(tokens).text, terminator: "")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id; a running server refuses it within a second.")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: "The token's id (from `token list` or `token create`).")
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

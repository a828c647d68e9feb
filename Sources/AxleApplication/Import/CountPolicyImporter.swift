import AxleDomain
import AxleStore

/// `countPolicies`: one row per site and ABC class, set as `UpdateCountPolicy` sets a site's
/// rules (the row's class changed, the site's other rules kept). Every site has a rule for
/// each class from its creation (the standard one), so a row either changes it or finds it unchanged.
struct CountPolicyImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("site"), .required("abcClass"), .required("intervalDays"), .required("toleranceBasisPoints"),
    ]
    let keyColumns = ["site", "abcClass"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let code = reader.value("site", CodeColumn.expectation, Code.init)
        let abcClass = reader.choice("abcClass", ABCClass.self)
        let intervalDays = reader.int("intervalDays")
        let tolerance = reader.int("toleranceBasisPoints")
        guard let code, let abcClass, let intervalDays, let tolerance, reader.issues.isEmpty else {
            throw reader.rejection
        }
        let site = try await ImportLookup.site(code, in: scope, row: row)
        let rule = CountPolicy.Rule(abcClass: abcClass, intervalDays: intervalDays, toleranceBasisPoints: tolerance)
        let current = try await CountPolicyLookup.policy(site.id, in: scope.stores)
        guard current.rule(for: abcClass) != rule else { return .unchanged }
        let rules = current.rules.map { $0.abcClass == abcClass ? rule : $0 }
        do {
            _ = try await run(UpdateCountPolicy(siteID: site.id, input: UpdateCountPolicy.Input(rules: rules)), in: scope)
        } catch let error as ValidationError {
            // The policy names the rule's field within its list (`rules[0].intervalDays`); the file's column is the last part.
            throw ValidationError(field: String(error.field.split(separator: ".").last ?? ""), reason: error.reason)
        }
        return .updated
    }
}

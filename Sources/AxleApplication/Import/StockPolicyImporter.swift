import AxleDomain
import AxleStore

/// `stockPolicies`: one row per site (keyed by its code), set as `SetStockPolicy` would. Every
/// site has a policy from its creation, so a row either changes it or leaves it as it is.
struct StockPolicyImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("site"), .required("allowsNegativeStock"), .required("adjustmentApprovalThreshold"),
        .required("transferApprovalThreshold"),
    ]
    let keyColumns = ["site"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        let currency = try await scope.stores.company.get().currency
        var reader = RowReader(row)
        let code = reader.value("site", CodeColumn.expectation, Code.init)
        let allowsNegativeStock = reader.bool("allowsNegativeStock")
        let adjustmentThreshold = reader.money("adjustmentApprovalThreshold", currency: currency)
        let transferThreshold = reader.money("transferApprovalThreshold", currency: currency)
        guard let code, let allowsNegativeStock, let adjustmentThreshold, let transferThreshold, reader.issues.isEmpty
        else { throw reader.rejection }
        let site = try await ImportLookup.site(code, in: scope, row: row)
        let input = SetStockPolicy.Input(allowsNegativeStock: allowsNegativeStock,
                                         adjustmentApprovalThreshold: adjustmentThreshold,
                                         transferApprovalThreshold: transferThreshold)
        guard try input.policy(currency: currency) != (try await scope.stores.stock.policy(site: site.id)) else {
            return .unchanged
        }
        _ = try await run(SetStockPolicy(siteID: site.id, input: input), in: scope)
        return .updated
    }
}

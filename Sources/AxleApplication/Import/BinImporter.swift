import AxleDomain
import AxleStore

/// `bins`: keyed by site code and bin code; created as `CreateBin` would. Bins have no edit of
/// their own, so a known bin with another description is refused rather than changed.
struct BinImporter: RowImporter {
    let columns: [ImportColumn] = [.required("site"), .required("code"), .optional("description")]
    let keyColumns = ["site", "code"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let siteCode = reader.value("site", CodeColumn.expectation, Code.init)
        let code = reader.value("code", CodeColumn.expectation, Code.init)
        let description = reader.optionalText("description")
        guard let siteCode, let code, reader.issues.isEmpty else { throw reader.rejection }
        let site = try await ImportLookup.site(siteCode, in: scope, row: row)
        guard let existing = try await scope.stores.bins.find(site: site.id, code: code) else {
            _ = try await run(CreateBin(siteID: site.id, input: CreateBin.Input(code: code, description: description)),
                              in: scope)
            return .created
        }
        guard existing.description == (description ?? "") else {
            reader.reject("description", "bin \(code) at \(siteCode) exists as \"\(existing.description)\"; bins are not edited by import")
            throw reader.rejection
        }
        return .unchanged
    }
}

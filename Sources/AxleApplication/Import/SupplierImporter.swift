import AxleDomain
import AxleStore

/// `suppliers`: keyed by code; created as `CreateSupplier` would, updated as `UpdateSupplier` would.
struct SupplierImporter: RowImporter {
    let columns: [ImportColumn] = [.required("code"), .required("name"), .required("leadTimeDays")]
    let keyColumns = ["code"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let code = reader.value("code", CodeColumn.expectation, Code.init)
        let name = reader.text("name")
        let leadTimeDays = reader.int("leadTimeDays")
        guard let code, let name, let leadTimeDays, reader.issues.isEmpty else { throw reader.rejection }
        guard let existing = try await scope.stores.suppliers.find(code: code) else {
            _ = try await run(CreateSupplier(CreateSupplier.Input(code: code, name: name, leadTimeDays: leadTimeDays)),
                              in: scope)
            return .created
        }
        let update = UpdateSupplier.Input(name: name, leadTimeDays: leadTimeDays)
        guard try update.applied(to: existing) != existing else { return .unchanged }
        _ = try await run(UpdateSupplier(supplierID: existing.id, expectedVersion: existing.version, input: update),
                          in: scope)
        return .updated
    }
}

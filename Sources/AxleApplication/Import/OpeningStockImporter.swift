import AxleDomain
import AxleStore

/// `openingStock`: the stock each site, bin, part, status (and lot) held before Axle, with its
/// unit cost, posted as `PostOpeningStock` would. Needs the import permission at each row's site.
struct OpeningStockImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("site"), .required("bin"), .required("part"), .optional("status"), .required("quantity"),
        .optional("unitCost"), .optional("lot"),
    ]
    let keyColumns = ["site", "bin", "part", "status", "lot"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importOpeningStock)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let siteCode = reader.value("site", CodeColumn.expectation, Code.init)
        let binCode = reader.value("bin", CodeColumn.expectation, Code.init)
        let number = reader.value("part", PartColumn.expectation, PartNumber.init)
        let status = reader.optionalChoice("status", StockStatus.self) ?? .unrestricted
        let quantity = reader.quantity("quantity")
        let unitCost = reader.optionalMoney("unitCost", currency: try await scope.stores.company.get().currency)
        let lot = reader.optionalText("lot")
        guard let siteCode, let binCode, let number, let quantity, reader.issues.isEmpty else { throw reader.rejection }
        let site = try await ImportLookup.site(siteCode, in: scope, row: row)
        let bin = try await ImportLookup.bin(binCode, at: site, in: scope, row: row)
        let part = try await ImportLookup.part(number, in: scope, row: row, column: "part")
        let posted = try await run(PostOpeningStock(PostOpeningStock.Input(
            siteID: site.id, binID: bin.id, partID: part.id, status: status, quantity: quantity, unitCost: unitCost,
            lot: lot)), in: scope)
        return posted == nil ? .unchanged : .created
    }
}

import AxleDomain
import AxleStore

/// `fitments`: one vehicle range a part fits per row, recorded as `RecordFitment` would; a range
/// the part already has (the use case's own duplicate rule) is left unchanged.
struct FitmentImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("part"), .required("make"), .required("model"), .required("yearFrom"), .required("yearTo"),
        .optional("engine"),
    ]
    let keyColumns = ["part", "make", "model", "yearFrom", "yearTo", "engine"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let number = reader.value("part", PartColumn.expectation, PartNumber.init)
        let make = reader.text("make")
        let model = reader.text("model")
        let yearFrom = reader.int("yearFrom")
        let yearTo = reader.int("yearTo")
        let engine = reader.optionalText("engine")
        guard let number, let make, let model, let yearFrom, let yearTo, reader.issues.isEmpty else {
            throw reader.rejection
        }
        let part = try await ImportLookup.part(number, in: scope, row: row, column: "part")
        do {
            _ = try await run(RecordFitment(partID: part.id, input: RecordFitment.Input(
                make: make, model: model, yearFrom: yearFrom, yearTo: yearTo, engine: engine)), in: scope)
            return .created
        } catch CatalogError.fitmentAlreadyRecorded {
            return .unchanged
        }
    }
}

import AxleDomain
import AxleStore

/// `substitutes`: keyed by part and substitute; approved as `ApproveSubstitute` would. An
/// approval is never edited, so a row that differs from the recorded one is refused.
struct SubstituteImporter: RowImporter {
    let columns: [ImportColumn] = [.required("part"), .required("substitute"), .required("rule"), .optional("note")]
    let keyColumns = ["part", "substitute"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let number = reader.value("part", PartColumn.expectation, PartNumber.init)
        let substituteNumber = reader.value("substitute", PartColumn.expectation, PartNumber.init)
        let rule = reader.choice("rule", Substitute.Rule.self)
        let note = reader.optionalText("note")
        guard let number, let substituteNumber, let rule, reader.issues.isEmpty else { throw reader.rejection }
        let part = try await ImportLookup.part(number, in: scope, row: row, column: "part")
        let substitute = try await ImportLookup.part(substituteNumber, in: scope, row: row, column: "substitute")
        let recorded = try await scope.stores.substitutes.list(for: part.id).first { $0.substituteID == substitute.id }
        if let recorded {
            guard recorded.rule == rule, recorded.note == (note ?? "") else {
                reader.reject("rule", "\(substituteNumber) is already approved for \(number) with another rule or note; approvals are not edited")
                throw reader.rejection
            }
            return .unchanged
        }
        _ = try await run(ApproveSubstitute(partID: part.id, input: ApproveSubstitute.Input(
            substituteId: substitute.id, rule: rule, note: note)), in: scope)
        return .created
    }
}

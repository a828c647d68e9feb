import AxleDomain
import AxleStore

/// `supersessions`: one link per row, keyed by the replaced part (a part has one replacement).
/// Recorded as `RecordSupersession` would; a recorded link is never edited, so a row that
/// differs from it is refused.
struct SupersessionImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("part"), .required("replacement"), .required("interchangeability"), .optional("effectiveOn"),
        .optional("useUpOldStock"),
    ]
    let keyColumns = ["part"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let number = reader.value("part", PartColumn.expectation, PartNumber.init)
        let replacementNumber = reader.value("replacement", PartColumn.expectation, PartNumber.init)
        let interchangeability = reader.choice("interchangeability", Supersession.Interchangeability.self)
        let effectiveOn = reader.optionalValue("effectiveOn", "a date such as 2026-03-01", CalendarDate.init)
        let useUpOldStock = reader.optionalBool("useUpOldStock")
        guard let number, let replacementNumber, let interchangeability, reader.issues.isEmpty else {
            throw reader.rejection
        }
        let part = try await ImportLookup.part(number, in: scope, row: row, column: "part")
        let replacement = try await ImportLookup.part(replacementNumber, in: scope, row: row, column: "replacement")
        if let link = try await scope.stores.supersessions.chains(from: [part.id]).first(where: { $0.partID == part.id }) {
            guard link.replacementID == replacement.id, link.interchangeability == interchangeability,
                  link.useUpOldStock == (useUpOldStock ?? true), effectiveOn.map({ $0 == link.effectiveOn }) ?? true
            else {
                reader.reject("replacement", "\(number) is already superseded by a different link; links are not edited")
                throw reader.rejection
            }
            return .unchanged
        }
        _ = try await run(RecordSupersession(partID: part.id, input: RecordSupersession.Input(
            replacementId: replacement.id, interchangeability: interchangeability, effectiveOn: effectiveOn,
            useUpOldStock: useUpOldStock)), in: scope)
        return .created
    }
}

import AxleDomain
import AxleStore

/// `customers`: keyed by account number (the customer's number in the old system); created as
/// `CreateCustomer` would, changed as `UpdateCustomer` would. An optional column left out of the
/// file keeps what the customer has.
struct CustomerImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("accountNumber"), .required("kind"), .required("name"), .optional("email"), .optional("phone"),
    ]
    let keyColumns = ["accountNumber"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let accountNumber = reader.text("accountNumber")
        let kind = reader.choice("kind", Customer.Kind.self)
        let name = reader.text("name")
        guard let accountNumber, let kind, let name, reader.issues.isEmpty else { throw reader.rejection }
        let email = reader.optionalText("email"), phone = reader.optionalText("phone")
        guard let existing = try await scope.stores.customers.find(accountNumber: accountNumber) else {
            do {
                _ = try await run(CreateCustomer(CreateCustomer.Input(
                    kind: kind, name: name, email: email, phone: phone, accountNumber: accountNumber)), in: scope)
            } catch ServiceError.accountNumberTaken {
                // Not there a moment ago in this transaction: a concurrent import has just stored it
                // (PostgreSQL reads committed rows statement by statement). The pass runs again and finds it.
                throw StoreError.uniqueViolation(constraint: "customers_account_number")
            }
            return .created
        }
        let input = CreateCustomer.Input(kind: kind, name: name, email: reader.has("email") ? email : existing.email,
                                         phone: reader.has("phone") ? phone : existing.phone,
                                         accountNumber: existing.accountNumber)
        guard try input.customer(id: existing.id) != existing else { return .unchanged }
        _ = try await run(UpdateCustomer(customerID: existing.id, input: input), in: scope)
        return .updated
    }
}

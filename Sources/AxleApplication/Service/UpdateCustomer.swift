public import AxleDomain
import AxleStore

/// Replaces a customer's details (kind, name, contact, account number) with the input's, as
/// creating it would have checked them; an unchanged customer is not written.
public struct UpdateCustomer: Command {
    public let customerID: Customer.ID
    public let input: CreateCustomer.Input

    public init(customerID: Customer.ID, input: CreateCustomer.Input) {
        self.customerID = customerID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.manageCustomers)
    }

    public func execute(in scope: WriteScope) async throws -> Customer {
        let before = try await ServiceLookup.customer(customerID, in: scope.stores)
        let after = try input.customer(id: before.id)
        guard after != before else { return before }
        if after.accountNumber != before.accountNumber {
            try await CustomerAccount.checkFree(after, in: scope.stores)
        }
        try await scope.stores.customers.update(after)
        try await scope.audit(.customerUpdate, entityID: after.id.description, before: before, after: after)
        return after
    }
}

extension CreateCustomer.Input {
    /// The customer these details describe, each field checked.
    func customer(id: Customer.ID) throws -> Customer {
        let email = try Validate.optionalText(email, field: "email")
        if let email, !email.contains("@") { throw ValidationError(field: "email", reason: "is not an e-mail address") }
        return Customer(
            id: id, kind: kind, name: try Validate.text(name, field: "name"), email: email,
            phone: try Validate.optionalText(phone, field: "phone", maximumLength: 40),
            accountNumber: try Validate.optionalText(accountNumber, field: "accountNumber", maximumLength: 40))
    }
}

/// Account numbers are unique (a unique index backs this check against a concurrent writer,
/// whose insert then fails and is retried or answered as a conflict).
enum CustomerAccount {
    static func checkFree(_ customer: Customer, in stores: any StoreTransaction) async throws {
        guard let number = customer.accountNumber,
              let holder = try await stores.customers.find(accountNumber: number), holder.id != customer.id else { return }
        throw ServiceError.accountNumberTaken(number)
    }
}

extension Migrations {
    /// A customer's account number (its number in the system the dealer group came from) is
    /// unique, so an import can find the customer by it and two imports at once cannot both
    /// create it. Customers without one (NULL) are not compared.
    static let customerAccountNumbers = Migration(
        version: 10,
        name: "customer_account_numbers",
        statements: ["CREATE UNIQUE INDEX customers_account_number ON customers (account_number)"]
    )
}

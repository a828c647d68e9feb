import AxleDomain
import AxleStore

/// `customerVehicles`: which registered vehicle a customer owns or runs, keyed by the customer's
/// account number and the VIN, linked as `AddCustomerVehicle` links them. A link has no edit, so
/// a known link with another unit number is refused rather than changed.
struct CustomerVehicleImporter: RowImporter {
    let columns: [ImportColumn] = [.required("customer"), .required("vin"), .optional("unitNumber")]
    let keyColumns = ["customer", "vin"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let accountNumber = reader.text("customer")
        var vin: VIN?
        if let text = reader.text("vin") {
            do {
                vin = try VIN(validating: text)
            } catch {
                reader.reject("vin", error.message)
            }
        }
        let unitNumber = reader.optionalText("unitNumber")
        guard let accountNumber, let vin, reader.issues.isEmpty else { throw reader.rejection }
        let stores = scope.stores
        let customer = try await stores.customers.find(accountNumber: accountNumber)
        if customer == nil { reader.reject("customer", "no customer with account number \(accountNumber)") }
        let vehicle = try await stores.vehicles.find(vin: vin)
        if vehicle == nil { reader.reject("vin", "no vehicle \(vin): import it with the vehicles file first") }
        guard let customer, let vehicle else { throw reader.rejection }
        guard let link = try await stores.customers.vehicles(of: customer.id).first(where: { $0.vehicleID == vehicle.id })
        else {
            _ = try await run(AddCustomerVehicle(customerID: customer.id, input: AddCustomerVehicle.Input(
                vehicleId: vehicle.id, unitNumber: unitNumber)), in: scope)
            return .created
        }
        guard !reader.has("unitNumber") || link.unitNumber == unitNumber else {
            reader.reject("unitNumber", "the vehicle is linked with unit number \(link.unitNumber ?? "(none)"); "
                          + "links are not edited by import")
            throw reader.rejection
        }
        return .unchanged
    }
}

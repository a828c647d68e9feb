import AxleDomain
import AxleStore

/// The `customers` and `customerVehicles` files' rows, by account number (then VIN). A customer
/// without an account number has no key in these files and is left out.
struct CustomerExport {
    let stores: any StoreTransaction

    private func customersWithAccounts() async throws -> [(account: String, customer: Customer)] {
        try await Pages.all(key: \.pageKey) { try await stores.customers.list(nameContains: nil, $0) }
            .compactMap { customer in customer.accountNumber.map { ($0, customer) } }
            .sorted { $0.account < $1.account }
    }

    func customers() async throws -> [[String]] {
        try await customersWithAccounts().map { account, customer in
            [account, customer.kind.rawValue, customer.name, customer.email ?? "", customer.phone ?? ""]
        }
    }

    func customerVehicles() async throws -> [[String]] {
        var rows: [[String]] = []
        for (account, customer) in try await customersWithAccounts() {
            for link in try await stores.customers.vehicles(of: customer.id) {
                guard let vehicle = try await stores.vehicles.find(id: link.vehicleID, forUpdate: false) else { continue }
                rows.append([account, vehicle.vin.rawValue, link.unitNumber ?? ""])
            }
        }
        return rows
    }
}

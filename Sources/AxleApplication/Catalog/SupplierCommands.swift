public import AxleDomain
import AxleStore

/// Adds a supplier.
public struct CreateSupplier: Command {
    public struct Input: Sendable, Codable {
        public var code: Code
        public var name: String
        public var leadTimeDays: Int

        public init(code: Code, name: String, leadTimeDays: Int) {
            self.code = code
            self.name = name
            self.leadTimeDays = leadTimeDays
        }
    }

    public let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSuppliers)
    }

    public func execute(in scope: WriteScope) async throws -> Supplier {
        let supplier = Supplier(
            id: scope.newID(), code: input.code, name: try Validate.text(input.name, field: "name"),
            leadTimeDays: try Validate.range(input.leadTimeDays, Supplier.leadTimeRange, field: "leadTimeDays"))
        if try await scope.stores.suppliers.find(code: supplier.code) != nil {
            throw CatalogError.supplierCodeTaken(supplier.code)
        }
        try await scope.stores.suppliers.insert([supplier])
        try await scope.audit(.supplierCreate, entityID: supplier.id.description,
                              before: Supplier?.none, after: supplier)
        return supplier
    }
}

/// Changes a supplier's name or promised lead time.
public struct UpdateSupplier: Command {
    public struct Input: Sendable, Codable {
        public var name: String?
        public var leadTimeDays: Int?

        public init(name: String? = nil, leadTimeDays: Int? = nil) {
            self.name = name
            self.leadTimeDays = leadTimeDays
        }
    }

    public let supplierID: Supplier.ID
    public let expectedVersion: Int64
    public let input: Input

    public init(supplierID: Supplier.ID, expectedVersion: Int64, input: Input) {
        self.supplierID = supplierID
        self.expectedVersion = expectedVersion
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSuppliers)
    }

    public func execute(in scope: WriteScope) async throws -> Supplier {
        guard let before = try await scope.stores.suppliers.find(id: supplierID) else {
            throw CatalogError.supplierNotFound(supplierID.description)
        }
        let version = try before.nextVersion(expecting: expectedVersion)
        var supplier = try input.applied(to: before)
        supplier.version = version
        try await scope.stores.suppliers.update(supplier, replacing: before.version)
        try await scope.audit(.supplierUpdate, entityID: supplier.id.description,
                              before: before, after: supplier)
        return supplier
    }
}

extension UpdateSupplier.Input {
    /// The supplier with the fields present changed, each through its rule; the version is the caller's.
    func applied(to before: Supplier) throws -> Supplier {
        var supplier = before
        if let value = name { supplier.name = try Validate.text(value, field: "name") }
        if let value = leadTimeDays {
            supplier.leadTimeDays = try Validate.range(value, Supplier.leadTimeRange, field: "leadTimeDays")
        }
        return supplier
    }
}

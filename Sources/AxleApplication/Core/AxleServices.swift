public import AxleStore

/// The application as the adapters (HTTP, command line) see it: commands, queries and
/// authentication over one set of dependencies.
public struct AxleServices: Sendable {
    public let dependencies: Dependencies
    public let commands: CommandRunner
    public let catalog: CatalogQueries
    public let vehicles: VehicleQueries
    public let audit: AuditQueries
    public let inventory: InventoryQueries
    public let transfers: TransferQueries
    public let purchasing: PurchasingQueries
    public let service: ServiceQueries
    public let tokens: TokenQueries
    public let authenticator: Authenticator
    public let importJobs: ImportJobs

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
        let credentials = VerifiedCredentials()
        self.commands = CommandRunner(dependencies: dependencies, credentials: credentials)
        self.catalog = CatalogQueries(dependencies: dependencies)
        self.vehicles = VehicleQueries(dependencies: dependencies)
        self.audit = AuditQueries(dependencies: dependencies)
        self.inventory = InventoryQueries(dependencies: dependencies)
        self.transfers = TransferQueries(dependencies: dependencies)
        self.purchasing = PurchasingQueries(dependencies: dependencies)
        self.service = ServiceQueries(dependencies: dependencies)
        self.tokens = TokenQueries(dependencies: dependencies)
        self.authenticator = Authenticator(dependencies: dependencies, credentials: credentials)
        self.importJobs = ImportJobs(dependencies: dependencies)
    }

    public var database: any Database { dependencies.database }

    /// Closes the database; the services are unusable afterwards.
    public func close() async throws {
        try await dependencies.database.close()
    }
}

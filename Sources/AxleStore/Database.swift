
/// Axle's database: every use case runs in exactly one of its transactions.
///
/// Implementations keep acknowledged writes durable (SQLite in WAL mode with
/// `synchronous=FULL`, PostgreSQL with synchronous commit) before `write` returns.
public protocol Database: Sendable {
    /// Runs `body` in one read-only transaction: every query sees the same snapshot.
    func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result

    /// Runs `body` in one read-write transaction: it commits when `body` returns and
    /// rolls back, writing nothing, when `body` throws.
    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result

    /// Applies the migrations not yet applied, in order; returns the names applied now.
    func migrate() async throws -> [String]

    /// Closes every connection; the database is unusable afterwards.
    func close() async throws
}

/// The stores of one transaction. A store is valid only inside the closure that received it.
public protocol StoreTransaction: Sendable {
    /// Runs `body` inside a savepoint of this transaction: kept when it returns, undone alone
    /// (the rest of the transaction left as it was) when it throws.
    func savepoint<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result

    var company: any CompanyStore { get }
    var sites: any SiteStore { get }
    var bins: any BinStore { get }
    var suppliers: any SupplierStore { get }
    var parts: any PartStore { get }
    var supersessions: any SupersessionStore { get }
    var substitutes: any SubstituteStore { get }
    var fitments: any FitmentStore { get }
    var vehicles: any VehicleStore { get }
    var principals: any PrincipalStore { get }
    var audit: any AuditStore { get }
    var idempotency: any IdempotencyStore { get }
    var ledger: any LedgerStore { get }
    var stock: any StockStore { get }
    var reservations: any ReservationStore { get }
    var adjustments: any AdjustmentStore { get }
    var inbound: any InboundStore { get }
    var counts: any CountStore { get }
    var transfers: any TransferStore { get }
    var purchasing: any PurchasingStore { get }
    var exceptions: any ExceptionStore { get }
    var customers: any CustomerStore { get }
    var laborOperations: any LaborOperationStore { get }
    var workshop: any WorkshopStore { get }
    var serviceSettings: any ServiceSettingsStore { get }
    var schedule: any ScheduleStore { get }
    var appointments: any AppointmentStore { get }
    var repairOrders: any RepairOrderStore { get }
    var importJobs: any ImportJobStore { get }
}

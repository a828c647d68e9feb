import AxleApplication
import AxleDomain
import AxleStore
import AxleTestSupport
import Synchronization
import Testing

/// A change and its audit record commit together or not at all.
@Suite("Audit atomicity")
struct AuditAtomicityTests {
    struct InjectedFailure: Error, Equatable {}

    /// The update reaches the database (the part's row is rewritten in the transaction), then
    /// appending its audit record fails: neither the change nor any record remains.
    @Test(arguments: TestBackend.available)
    func aFailureAfterTheChangeBeforeTheAuditRecordLeavesNeither(_ backend: TestBackend) async throws {
        try await backend.withServices { services in
            let fixtures = Fixtures(services: services)
            let part = try await fixtures.part("BP-1", listPrice: "45.00")
            let trail = try await fixtures.auditTrail()
            // What the transaction itself held when the audit record failed: the change, already written.
            let seen = Mutex<Part?>(nil)
            let failing = AxleServices(dependencies: Dependencies(
                database: FailingAuditDatabase(base: services.database, failure: InjectedFailure()) { stores in
                    let current = try await stores.parts.find(id: part.id)
                    seen.withLock { $0 = current }
                },
                clock: services.dependencies.clock, ids: services.dependencies.ids))

            await #expect(throws: InjectedFailure()) {
                _ = try await failing.commands.run(UpdatePart(partID: part.id, expectedVersion: 1,
                                                              input: .init(listPrice: "47.50")), as: Fixtures.system)
            }

            #expect(seen.withLock { $0?.listPrice.amountText } == "47.50")
            let stored = try await services.database.read { try await $0.parts.find(id: part.id) }
            #expect(stored == part)
            #expect(try await fixtures.auditTrail() == trail)
            // Nothing half-done blocks the next writer: the same update now succeeds, audited once.
            let updated = try await services.commands.run(UpdatePart(partID: part.id, expectedVersion: 1,
                                                                     input: .init(listPrice: "47.50")), as: Fixtures.system)
            #expect(updated.version == 2)
            #expect(try await fixtures.auditTrail().filter { $0.action == "part.update" }.count == 1)
        }
    }
}

/// The real database, except that appending an audit record runs `probe` in the transaction,
/// then throws `failure`.
struct FailingAuditDatabase<Failure: Error & Sendable>: Database {
    let base: any Database
    let failure: Failure
    let probe: @Sendable (any StoreTransaction) async throws -> Void

    func read<Result: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> Result) async throws -> Result {
        try await base.read(body)
    }

    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await base.write { [failure, probe] stores in
            try await body(FailingAuditTransaction(base: stores, failure: failure, probe: probe))
        }
    }

    func migrate() async throws -> [String] { try await base.migrate() }
    func close() async throws { try await base.close() }
}

struct FailingAuditTransaction<Failure: Error & Sendable>: StoreTransaction {
    struct Audit: AuditStore {
        let transaction: FailingAuditTransaction

        func append(_ entries: [AuditEntry]) async throws {
            try await transaction.probe(transaction.base)
            throw transaction.failure
        }
        func list(_ query: AuditQuery, _ page: PageRequest<Int64>) async throws -> [AuditRecord] {
            try await transaction.base.audit.list(query, page)
        }
    }

    let base: any StoreTransaction
    let failure: Failure
    let probe: @Sendable (any StoreTransaction) async throws -> Void

    func savepoint<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await base.savepoint(body)
    }

    var audit: any AuditStore { Audit(transaction: self) }
    var company: any CompanyStore { base.company }
    var sites: any SiteStore { base.sites }
    var bins: any BinStore { base.bins }
    var suppliers: any SupplierStore { base.suppliers }
    var parts: any PartStore { base.parts }
    var supersessions: any SupersessionStore { base.supersessions }
    var substitutes: any SubstituteStore { base.substitutes }
    var fitments: any FitmentStore { base.fitments }
    var vehicles: any VehicleStore { base.vehicles }
    var principals: any PrincipalStore { base.principals }
    var idempotency: any IdempotencyStore { base.idempotency }
    var ledger: any LedgerStore { base.ledger }
    var stock: any StockStore { base.stock }
    var reservations: any ReservationStore { base.reservations }
    var adjustments: any AdjustmentStore { base.adjustments }
    var inbound: any InboundStore { base.inbound }
    var counts: any CountStore { base.counts }
    var transfers: any TransferStore { base.transfers }
    var purchasing: any PurchasingStore { base.purchasing }
    var exceptions: any ExceptionStore { base.exceptions }
    var customers: any CustomerStore { base.customers }
    var importJobs: any ImportJobStore { base.importJobs }
    var laborOperations: any LaborOperationStore { base.laborOperations }
    var workshop: any WorkshopStore { base.workshop }
    var serviceSettings: any ServiceSettingsStore { base.serviceSettings }
    var schedule: any ScheduleStore { base.schedule }
    var appointments: any AppointmentStore { base.appointments }
    var repairOrders: any RepairOrderStore { base.repairOrders }
}

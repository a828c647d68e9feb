import AxleStore
import SQLKit

/// The stores of one open transaction, all sharing its connection.
struct SQLTransaction: StoreTransaction {
    let sql: any SQLDatabase
    let dialect: Dialect

    func savepoint<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await sql.raw("SAVEPOINT step").run()
        do {
            let result = try await body()
            try await sql.raw("RELEASE step").run()
            return result
        } catch {
            try await sql.raw("ROLLBACK TO step").run()
            try await sql.raw("RELEASE step").run()
            throw error
        }
    }

    var company: any CompanyStore { SQLCompanyStore(sql: sql) }
    var sites: any SiteStore { SQLSiteStore(sql: sql) }
    var bins: any BinStore { SQLBinStore(sql: sql) }
    var suppliers: any SupplierStore { SQLSupplierStore(sql: sql) }
    var parts: any PartStore { SQLPartStore(sql: sql, dialect: dialect) }
    var supersessions: any SupersessionStore { SQLSupersessionStore(sql: sql, dialect: dialect) }
    var substitutes: any SubstituteStore { SQLSubstituteStore(sql: sql) }
    var fitments: any FitmentStore { SQLFitmentStore(sql: sql) }
    var vehicles: any VehicleStore { SQLVehicleStore(sql: sql, dialect: dialect) }
    var principals: any PrincipalStore { SQLPrincipalStore(sql: sql) }
    var audit: any AuditStore { SQLAuditStore(sql: sql) }
    var idempotency: any IdempotencyStore { SQLIdempotencyStore(sql: sql) }
    var ledger: any LedgerStore { SQLLedgerStore(sql: sql) }
    var stock: any StockStore { SQLStockStore(sql: sql, dialect: dialect) }
    var reservations: any ReservationStore { SQLReservationStore(sql: sql) }
    var adjustments: any AdjustmentStore { SQLAdjustmentStore(sql: sql, dialect: dialect) }
    var inbound: any InboundStore { SQLInboundStore(sql: sql) }
    var counts: any CountStore { SQLCountStore(sql: sql, dialect: dialect) }
    var transfers: any TransferStore { SQLTransferStore(sql: sql, dialect: dialect) }
    var purchasing: any PurchasingStore { SQLPurchasingStore(sql: sql, dialect: dialect) }
    var exceptions: any ExceptionStore { SQLExceptionStore(sql: sql, dialect: dialect) }
    var customers: any CustomerStore { SQLCustomerStore(sql: sql) }
    var laborOperations: any LaborOperationStore { SQLLaborOperationStore(sql: sql) }
    var workshop: any WorkshopStore { SQLWorkshopStore(sql: sql, dialect: dialect) }
    var serviceSettings: any ServiceSettingsStore { SQLServiceSettingsStore(sql: sql) }
    var schedule: any ScheduleStore { SQLScheduleStore(sql: sql) }
    var appointments: any AppointmentStore { SQLAppointmentStore(sql: sql, dialect: dialect) }
    var repairOrders: any RepairOrderStore { SQLRepairOrderStore(sql: sql, dialect: dialect) }
    var importJobs: any ImportJobStore { SQLImportJobStore(sql: sql) }
}

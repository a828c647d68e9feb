import AxleDomain
import AxleStore

/// Finds the service records a request names, or throws the error that says which is missing.
enum ServiceLookup {
    static func customer(_ id: Customer.ID, in stores: any StoreTransaction) async throws -> Customer {
        guard let customer = try await stores.customers.find(id: id) else {
            throw ServiceError.notFound(.customer, id.description)
        }
        return customer
    }

    static func vehicle(_ id: Vehicle.ID, in stores: any StoreTransaction, forUpdate: Bool = false)
        async throws -> Vehicle
    {
        guard let vehicle = try await stores.vehicles.find(id: id, forUpdate: forUpdate) else {
            throw CatalogError.vehicleNotFound(id.description)
        }
        return vehicle
    }

    static func technician(_ id: Technician.ID, in stores: any StoreTransaction, forUpdate: Bool = false)
        async throws -> Technician
    {
        guard let technician = try await stores.workshop.technician(id: id, forUpdate: forUpdate) else {
            throw ServiceError.notFound(.technician, id.description)
        }
        return technician
    }

    static func bay(_ id: Bay.ID, in stores: any StoreTransaction, forUpdate: Bool = false) async throws -> Bay {
        guard let bay = try await stores.workshop.bay(id: id, forUpdate: forUpdate) else {
            throw ServiceError.notFound(.bay, id.description)
        }
        return bay
    }

    /// The operations in the order asked, each once.
    static func operations(_ ids: [LaborOperation.ID], in stores: any StoreTransaction, field: String,
                           allowEmpty: Bool = false) async throws -> [LaborOperation] {
        guard allowEmpty || !ids.isEmpty else {
            throw ValidationError(field: field, reason: "name at least one labor operation")
        }
        guard Set(ids).count == ids.count else { throw ValidationError(field: field, reason: "lists an operation twice") }
        let found = Dictionary(uniqueKeysWithValues: try await stores.laborOperations.find(ids: ids).map { ($0.id, $0) })
        return try ids.map { id in
            guard let operation = found[id] else { throw ServiceError.notFound(.laborOperation, id.description) }
            return operation
        }
    }

    static func appointment(_ id: Appointment.ID, in stores: any StoreTransaction, forUpdate: Bool = true)
        async throws -> Appointment
    {
        guard let appointment = try await stores.appointments.find(id: id, forUpdate: forUpdate) else {
            throw ServiceError.notFound(.appointment, id.description)
        }
        return appointment
    }

    /// A booked appointment the caller may change, locked for the change.
    static func bookedAppointment(_ id: Appointment.ID, in scope: WriteScope) async throws -> Appointment {
        let appointment = try await appointment(id, in: scope.stores)
        try scope.caller.principal.authorize(.bookAppointments, at: appointment.siteID)
        guard appointment.status == .booked else { throw ServiceError.appointmentNotBooked(appointment.status) }
        return appointment
    }

    static func repairOrder(_ id: RepairOrder.ID, in stores: any StoreTransaction, forUpdate: Bool = true)
        async throws -> RepairOrder
    {
        guard let order = try await stores.repairOrders.find(id: id, forUpdate: forUpdate) else {
            throw ServiceError.notFound(.repairOrder, id.description)
        }
        return order
    }

    /// The site's workshop settings; a site that never set them cannot price work.
    static func settings(_ site: Site, in stores: any StoreTransaction) async throws -> ServiceSettings {
        guard let settings = try await stores.serviceSettings.find(site: site.id) else {
            throw ServiceError.workshopNotSetUp(site: site.code)
        }
        return settings
    }

    /// The site's local time and holidays.
    static func calendar(_ site: Site, in stores: any StoreTransaction) async throws -> SiteCalendar {
        let holidays = try await stores.serviceSettings.find(site: site.id)?.holidays ?? []
        return try SiteCalendar(timeZoneIdentifier: site.timeZone, holidays: holidays)
    }
}

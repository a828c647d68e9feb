/// The only ways an appointment changes once booked: it moves (another time, technician or
/// bay), the vehicle arrives and a repair order carries the work on, or it is cancelled. Each
/// is refused unless the appointment is booked, and returns the appointment as it is after.
extension Appointment {
    public func reschedule(to period: Period, technician: Technician.ID, bay: Bay.ID, at instant: Instant)
        throws(ServiceError) -> Appointment
    {
        try requireBooked()
        var after = self
        after.period = period
        after.technicianID = technician
        after.bayID = bay
        after.updatedAt = instant
        return after
    }

    public func arrive(as order: RepairOrder.ID, at instant: Instant) throws(ServiceError) -> Appointment {
        try requireBooked()
        var after = self
        after.status = .arrived
        after.repairOrderID = order
        after.updatedAt = instant
        return after
    }

    /// What it held (time, parts) is for the caller to release.
    public func cancel(at instant: Instant) throws(ServiceError) -> Appointment {
        try requireBooked()
        var after = self
        after.status = .cancelled
        after.updatedAt = instant
        return after
    }

    private func requireBooked() throws(ServiceError) {
        guard status == .booked else { throw ServiceError.appointmentNotBooked(status) }
    }
}

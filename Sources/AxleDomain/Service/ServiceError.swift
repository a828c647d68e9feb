/// The service records a request can name.
public enum ServiceEntity: String, Sendable, Equatable {
    case customer, technician, bay, laborOperation = "labor_operation", appointment
    case repairOrder = "repair_order", line, settings

    var phrase: String {
        switch self {
        case .laborOperation: "labor operation"
        case .repairOrder: "repair order"
        case .settings: "service settings for site"
        default: rawValue
        }
    }
}

/// Rules of service operations that a request can break.
public enum ServiceError: AxleError, Equatable {
    case notFound(ServiceEntity, String)
    case codeTaken(ServiceEntity, Code)
    case unknownTimeZone(String)
    case notAtSite(ServiceEntity, String, site: Code)
    case illegalTransition(from: RepairOrderStatus, event: RepairOrderEvent, allowed: [RepairOrderEvent])
    case orderNotOpen(RepairOrderStatus)
    case approvalRequired
    case noQualifiedTechnician(skills: [Skill])
    case noSuitableBay(types: [BayType])
    case workshopNotSetUp(site: Code)
    case slotTaken
    case outsideWorkingHours
    case partsNotReady(parts: [PartNumber])
    case partDoesNotFit(PartNumber)
    case appointmentNotBooked(Appointment.Status)
    case lineNotApproved(String, state: LineState)
    case nothingAwaitingCustomer
    case notATechnician
    case alreadyClockedOn(String)
    case notClockedOn
    case notInProgress(RepairOrderStatus)
    case partsOutstanding(parts: [PartNumber])
    case vehicleAlreadyOwned(String)
    case accountNumberTaken(String)

    public var code: String {
        switch self {
        case .notFound(let entity, _): "service.\(entity.rawValue).not_found"
        case .codeTaken(let entity, _): "service.\(entity.rawValue).code_taken"
        case .unknownTimeZone: "service.site.unknown_time_zone"
        case .notAtSite(let entity, _, _): "service.\(entity.rawValue).not_at_site"
        case .illegalTransition: "service.repair_order.illegal_transition"
        case .orderNotOpen: "service.repair_order.not_open"
        case .approvalRequired: "service.repair_order.approval_required"
        case .noQualifiedTechnician: "service.booking.no_qualified_technician"
        case .noSuitableBay: "service.booking.no_suitable_bay"
        case .workshopNotSetUp: "service.site.no_workshop"
        case .slotTaken: "service.booking.slot_taken"
        case .outsideWorkingHours: "service.booking.outside_working_hours"
        case .partsNotReady: "service.booking.parts_not_ready"
        case .partDoesNotFit: "service.part.does_not_fit"
        case .appointmentNotBooked: "service.appointment.not_booked"
        case .lineNotApproved: "service.line.not_approved"
        case .nothingAwaitingCustomer: "service.line.nothing_awaiting_customer"
        case .notATechnician: "service.clock.not_a_technician"
        case .alreadyClockedOn: "service.clock.already_on"
        case .notClockedOn: "service.clock.not_on"
        case .notInProgress: "service.clock.order_not_in_progress"
        case .partsOutstanding: "service.repair_order.parts_outstanding"
        case .vehicleAlreadyOwned: "service.vehicle.already_owned"
        case .accountNumberTaken: "service.customer.account_number_taken"
        }
    }

    public var message: String {
        switch self {
        case .notFound(let entity, let id): "no \(entity.phrase) \(id)"
        case .codeTaken(let entity, let code): "a \(entity.phrase) with code \(code) already exists"
        case .unknownTimeZone(let zone): "\(zone) is not an IANA time zone"
        case .notAtSite(let entity, let id, let site): "\(entity.phrase) \(id) does not belong to site \(site)"
        case .illegalTransition(let status, let event, _):
            "a repair order that is \(status.rawValue) cannot \(event.rawValue)"
        case .orderNotOpen(let status): "the repair order is \(status.rawValue): its lines can no longer change"
        case .approvalRequired: "approving records the customer's answer: send approvedBy and method"
        case .noQualifiedTechnician(let skills):
            "no technician at this site has every skill the work needs (\(skills.map(\.rawValue).joined(separator: ", ")))"
        case .noSuitableBay(let types):
            "no bay at this site can host the work (\(types.map(\.rawValue).joined(separator: ", ")))"
        case .workshopNotSetUp(let site):
            "site \(site) has no workshop set up (labor rate, tax rate, approval threshold): save its service settings first"
        case .slotTaken: "the technician or the bay is no longer free at that time; search again"
        case .outsideWorkingHours:
            "the technician does not work or the bay is not open for the whole of that time (site local time)"
        case .partsNotReady(let parts):
            "the parts are no longer available at the site by the slot's start: "
                + parts.map(\.description).joined(separator: ", ")
        case .partDoesNotFit(let number): "part \(number) does not fit the vehicle and no approved substitute does"
        case .appointmentNotBooked(let status): "the appointment is \(status.rawValue), not booked"
        case .lineNotApproved(let id, let state): "line \(id) is \(state.rawValue), not approved"
        case .nothingAwaitingCustomer: "no line of this repair order awaits the customer's answer"
        case .notATechnician: "only a technician's own user can clock time"
        case .alreadyClockedOn(let line): "you are already clocked on to line \(line); clock off first"
        case .notClockedOn: "you are not clocked on to this line"
        case .notInProgress(let status): "time is clocked only on orders in progress; this one is \(status.rawValue)"
        case .partsOutstanding(let parts):
            "parts are still awaited, so the order cannot complete: " + parts.map(\.description).joined(separator: ", ")
        case .vehicleAlreadyOwned(let vin): "vehicle \(vin) already belongs to this customer"
        case .accountNumberTaken(let number): "another customer has account number \(number)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .notFound: .notFound
        case .unknownTimeZone, .notAtSite, .approvalRequired: .invalidInput
        case .codeTaken, .illegalTransition, .orderNotOpen, .slotTaken, .partsNotReady, .appointmentNotBooked, .lineNotApproved,
             .nothingAwaitingCustomer, .alreadyClockedOn, .notClockedOn, .notInProgress, .partsOutstanding, .vehicleAlreadyOwned,
             .accountNumberTaken:
            .conflict
        case .noQualifiedTechnician, .noSuitableBay, .partDoesNotFit, .outsideWorkingHours, .workshopNotSetUp:
            .ruleViolation
        case .notATechnician: .forbidden
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .illegalTransition(let status, let event, let allowed):
            ["status": .text(status.rawValue), "event": .text(event.rawValue),
             "allowedEvents": .list(allowed.map(\.rawValue))]
        case .noQualifiedTechnician(let skills): ["skills": .list(skills.map(\.rawValue))]
        case .noSuitableBay(let types): ["bayTypes": .list(types.map(\.rawValue))]
        case .partsNotReady(let parts), .partsOutstanding(let parts): ["parts": .list(parts.map(\.description))]
        default: [:]
        }
    }
}

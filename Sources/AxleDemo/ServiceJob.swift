import AxleDomain

/// A repair order of the service history before it has identifiers: what was done, when,
/// by whom, and where it ended.
struct ServiceJob: Sendable {
    struct Labor: Sendable {
        let operation: LaborOperation
        /// Hours charged, in thousandths: the standard hours, none for a comeback.
        let chargedMilli: Int64
        /// Minutes actually worked.
        let minutes: Int64
        var technician: Technician.ID?
    }

    struct Line: Sendable {
        let reservation: Reservation
        let state: LineState
        /// Whether the site reserved it in full when it was approved.
        let filled: Bool
    }

    /// Where the stock history left the order's reservations.
    enum Origin: Sendable {
        /// All issued (some perhaps declined): the work is done.
        case done
        /// Some still open at the end of the history: the order is in the shop or booked.
        case open
        /// All released: the customer cancelled.
        case cancelled
        /// No parts: an inspection, alignment, diagnosis or a comeback.
        case laborOnly
    }

    struct Entry: Sendable {
        let line: Int
        let technician: Technician.ID
        let start: Int64
        let end: Int64
    }

    struct Booking: Sendable {
        let start: Int64
        let end: Int64
        let createdAt: Int64
        let technician: Technician.ID
        let bay: Bay.ID
        /// The parts reserved when it was booked.
        var reservations: [Reservation.ID] = []
    }

    let workshop: Int
    let number: String
    let origin: Origin
    var concern: String
    var vehicle = 0
    let openedAt: Int64
    /// When the customer agreed and the parts were reserved.
    let approvedAt: Int64
    var method: CustomerApproval.Method
    /// When the work can start: the vehicle is in and its parts are at the bay.
    let workFrom: Int64
    /// When the last part was issued to the order, if any was.
    let lastIssue: Int64?
    var labor: [Labor]
    let lines: [Line]
    /// The original order's number, when this one is a comeback.
    var comebackOf: String?
    /// Booked ahead: the appointment the vehicle came in on.
    var booking: Booking?
    var wantsBooking: Bool
    /// Booked days ahead with its parts reserved then: when, and the reservations.
    var heldAhead: (bookedAt: Int64, reservations: [Reservation.ID])?
    var status: RepairOrderStatus = .draft
    var entries: [Entry] = []
    var completedAt: Int64?
    var invoicedAt: Int64?
    var closedAt: Int64?
    var cancelledAt: Int64?
    /// The last thing that happened to the order, which its audit record tells, and when.
    var lastEvent: RepairOrderEvent = .estimate
    var lastChange: Int64 = 0

    var skills: Set<Skill> { Set(labor.map(\.operation.skill)) }
}

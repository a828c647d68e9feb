/// What a user may do. A role grants permissions; a user's site scope limits where.
public enum Role: String, ClosedSet {
    case admin, partsManager, serviceAdvisor, technician, buyer, warehouse, warrantyAdmin, finance, auditor

    public var permissions: Set<Permission> {
        switch self {
        case .admin: Set(Permission.allCases)
        case .partsManager:
            [.readMasterData, .editCatalog, .editSuppliers, .editBins, .readAudit, .readStock, .receiveStock,
             .moveStock, .adjustStock, .approveAdjustments, .reserveStock, .issueStock, .requestTransfers,
             .approveTransfers, .shipTransfers, .receiveTransfers, .resolveExceptions, .countStock, .approveCounts,
             .configureCounts, .readService, .importOpeningStock, .purchaseParts, .approvePurchaseOrders]
        case .buyer: [.readMasterData, .editSuppliers, .readStock, .purchaseParts]
        case .warehouse:
            [.readMasterData, .editBins, .readStock, .receiveStock, .moveStock, .adjustStock, .issueStock,
             .requestTransfers, .shipTransfers, .receiveTransfers, .countStock]
        case .serviceAdvisor:
            [.readMasterData, .registerVehicles, .readStock, .reserveStock, .readService, .manageCustomers,
             .bookAppointments, .manageRepairOrders, .workRepairOrders, .invoiceRepairOrders, .requestTransfers]
        case .technician: [.readMasterData, .readStock, .issueStock, .readService, .workRepairOrders, .clockLabor]
        case .finance: [.readMasterData, .readStock, .readService, .invoiceRepairOrders]
        case .warrantyAdmin: [.readMasterData, .readStock, .readService]
        case .auditor: [.readMasterData, .readAudit, .readStock, .readService]
        }
    }
}

/// One thing a role allows.
public enum Permission: String, ClosedSet {
    case readMasterData
    /// Create and edit parts, supersessions, substitutes and fitments.
    case editCatalog
    case editSuppliers
    /// Create and edit sites (company structure).
    case editSites
    /// Create bins at a site in the user's scope.
    case editBins
    case registerVehicles
    case readAudit
    /// Create users and issue or revoke their tokens.
    case manageUsers
    /// See stock, the ledger, reservations and inventory value.
    case readStock
    /// Post goods receipts at a site.
    case receiveStock
    /// Release, reject, block, unblock and move stock between bins.
    case moveStock
    /// Request stock adjustments.
    case adjustStock
    /// Approve or reject adjustments above the site's threshold (never one's own).
    case approveAdjustments
    /// Reserve stock for demand, and release reservations.
    case reserveStock
    /// Issue reserved stock to its demand.
    case issueStock
    /// Request transfers to or from a site (reserving the stock at the source), and cancel them before they ship.
    case requestTransfers
    /// Approve transfers above the source site's threshold (never one's own).
    case approveTransfers
    /// Ship approved transfers from a site.
    case shipTransfers
    /// Receive transfers at a site, recording what is short, over or damaged.
    case receiveTransfers
    /// Resolve the exception items a transfer's receipt opened at a site (written off, claimed, returned, corrected).
    case resolveExceptions
    /// Generate cycle-count tasks at a site and enter counts, blind.
    case countStock
    /// Approve or reject counts whose variance survived a recount (never a count of one's own).
    case approveCounts
    /// Set a site's count policy: how often each ABC class is counted, and the tolerance.
    case configureCounts
    /// See customers, technicians, bays, labor operations, appointments, repair orders and service KPIs.
    case readService
    /// Set up a site's workshop: labor operations, technicians, bays, rates, holidays.
    case configureService
    /// Create and edit customers and the vehicles they own.
    case manageCustomers
    /// Search for slots, book, reschedule and cancel appointments.
    case bookAppointments
    /// Open repair orders, change their lines, record customer approvals, schedule and cancel them.
    case manageRepairOrders
    /// Move a repair order through the workshop: start, wait for parts, quality check, complete.
    case workRepairOrders
    /// Clock on and off labor lines, as the technician doing the work.
    case clockLabor
    /// Invoice and close completed repair orders.
    case invoiceRepairOrders
    /// Load master data (parts, sites, bins, suppliers, catalogue links) from files.
    case importMasterData
    /// Load the stock a site in scope held before it started with Axle.
    case importOpeningStock
    /// Draft, submit, send and cancel purchase orders for a site in scope.
    case purchaseParts
    /// Approve purchase orders over the buyer's limit, and emergency orders (never one's own).
    case approvePurchaseOrders
    /// Set a site's purchasing policy (the buyer's approval limit).
    case configurePurchasing
}

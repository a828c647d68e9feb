/// What a user may do. A role grants permissions; a user's site scope limits where.
public enum Role: String, ClosedSet {
    case admin, partsManager, serviceAdvisor, technician, buyer, warehouse, warrantyAdmin, finance, auditor

    public var permissions: Set<Permission> {
        switch self {
        case .admin: Set(Permission.allCases)
        case .partsManager:
            [.readMasterData, .editCatalog, .editSuppliers, .editBins, .readAudit, .readStock, .receiveStock,
             .moveStock, .adjustStock, .approveAdjustments, .reserveStock, .issueStock, .requestTransfers,
             .approveTransfers, .shipTransfers, .receiveTransfers, .countStock, .approveCounts, .configureCounts]
        case .buyer: [.readMasterData, .editSuppliers, .readStock]
        case .warehouse:
            [.readMasterData, .editBins, .readStock, .receiveStock, .moveStock, .adjustStock, .issueStock,
             .requestTransfers, .shipTransfers, .receiveTransfers, .countStock]
        case .serviceAdvisor: [.readMasterData, .registerVehicles, .readStock, .reserveStock]
        case .technician: [.readMasterData, .readStock, .issueStock]
        case .warrantyAdmin, .finance: [.readMasterData, .readStock]
        case .auditor: [.readMasterData, .readAudit, .readStock]
        }
    }

    /// Roles whose holders see every site whatever their assignment: the auditor reads all.
    public var seesAllSites: Bool { self == .admin || self == .auditor }
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
    /// Generate cycle-count tasks at a site and enter counts, blind.
    case countStock
    /// Approve or reject counts whose variance survived a recount (never a count of one's own).
    case approveCounts
    /// Set a site's count policy: how often each ABC class is counted, and the tolerance.
    case configureCounts
}

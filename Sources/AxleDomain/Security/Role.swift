/// What a user may do. A role grants permissions; a user's site scope limits where.
public enum Role: String, ClosedSet {
    case admin, partsManager, serviceAdvisor, technician, buyer, warehouse, warrantyAdmin, finance, auditor

    public var permissions: Set<Permission> {
        switch self {
        case .admin: Set(Permission.allCases)
        case .partsManager: [.readMasterData, .editCatalog, .editSuppliers, .editBins, .readAudit]
        case .buyer: [.readMasterData, .editSuppliers]
        case .warehouse: [.readMasterData, .editBins]
        case .serviceAdvisor: [.readMasterData, .registerVehicles]
        case .technician, .warrantyAdmin, .finance: [.readMasterData]
        case .auditor: [.readMasterData, .readAudit]
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
}

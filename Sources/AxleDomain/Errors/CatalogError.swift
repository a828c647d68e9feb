/// Rules of the parts catalogue and master data that a request can break.
public enum CatalogError: AxleError, Equatable {
    case partNotFound(String)
    case partNumberTaken(PartNumber)
    case siteNotFound(String)
    case siteCodeTaken(Code)
    case binCodeTaken(Code, site: Code)
    case supplierNotFound(String)
    case supplierCodeTaken(Code)
    case vehicleNotFound(String)
    case vinAlreadyRegistered(String)
    case supersessionOfItself(PartNumber)
    case alreadySuperseded(PartNumber)
    case supersessionCycle(PartNumber, PartNumber)
    case supersessionChainTooLong(limit: Int)
    case substituteOfItself(PartNumber)
    case substituteAlreadyApproved(PartNumber, substitute: PartNumber)
    case fitmentAlreadyRecorded(PartNumber)
    case lifecycleChangeNotAllowed(from: PartLifecycle, to: PartLifecycle, allowed: [PartLifecycle])
    case currencyMismatch(expected: Currency, found: Currency)
    case negativeAmount(field: String)

    public var code: String {
        switch self {
        case .partNotFound: "catalog.part.not_found"
        case .partNumberTaken: "catalog.part.number_taken"
        case .siteNotFound: "catalog.site.not_found"
        case .siteCodeTaken: "catalog.site.code_taken"
        case .binCodeTaken: "catalog.bin.code_taken"
        case .supplierNotFound: "catalog.supplier.not_found"
        case .supplierCodeTaken: "catalog.supplier.code_taken"
        case .vehicleNotFound: "catalog.vehicle.not_found"
        case .vinAlreadyRegistered: "catalog.vehicle.vin_taken"
        case .supersessionOfItself: "catalog.supersession.self"
        case .alreadySuperseded: "catalog.supersession.already_superseded"
        case .supersessionCycle: "catalog.supersession.cycle"
        case .supersessionChainTooLong: "catalog.supersession.chain_too_long"
        case .substituteOfItself: "catalog.substitute.self"
        case .substituteAlreadyApproved: "catalog.substitute.duplicate"
        case .fitmentAlreadyRecorded: "catalog.fitment.duplicate"
        case .lifecycleChangeNotAllowed: "catalog.part.lifecycle_change_not_allowed"
        case .currencyMismatch: "catalog.money.currency_mismatch"
        case .negativeAmount: "catalog.money.negative"
        }
    }

    public var message: String {
        switch self {
        case .partNotFound(let key): "no part \(key)"
        case .partNumberTaken(let number): "part number \(number) already exists"
        case .siteNotFound(let key): "no site \(key)"
        case .siteCodeTaken(let code): "site code \(code) already exists"
        case .binCodeTaken(let code, let site): "bin \(code) already exists at site \(site)"
        case .supplierNotFound(let key): "no supplier \(key)"
        case .supplierCodeTaken(let code): "supplier code \(code) already exists"
        case .vehicleNotFound(let key): "no vehicle \(key)"
        case .vinAlreadyRegistered(let vin): "vehicle \(vin) is already registered"
        case .supersessionOfItself(let number): "part \(number) cannot supersede itself"
        case .alreadySuperseded(let number): "part \(number) is already superseded by another part"
        case .supersessionCycle(let old, let new):
            "superseding \(old) by \(new) would close a cycle: \(new) already leads back to \(old)"
        case .supersessionChainTooLong(let limit): "a supersession chain may have at most \(limit) links"
        case .substituteOfItself(let number): "part \(number) cannot substitute itself"
        case .substituteAlreadyApproved(let number, let substitute):
            "\(substitute) is already an approved substitute for \(number)"
        case .fitmentAlreadyRecorded(let number): "this fitment is already recorded for part \(number)"
        case .lifecycleChangeNotAllowed(let from, let to, _):
            "a part cannot go from \(from.rawValue) to \(to.rawValue) by an edit"
        case .currencyMismatch(let expected, let found):
            "amounts are in \(expected.code), not \(found.code)"
        case .negativeAmount(let field): "\(field) cannot be negative"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .partNotFound, .siteNotFound, .supplierNotFound, .vehicleNotFound: .notFound
        case .partNumberTaken, .siteCodeTaken, .binCodeTaken, .supplierCodeTaken, .vinAlreadyRegistered,
             .substituteAlreadyApproved, .fitmentAlreadyRecorded, .alreadySuperseded,
             .lifecycleChangeNotAllowed:
            .conflict
        case .supersessionOfItself, .supersessionCycle, .supersessionChainTooLong, .substituteOfItself,
             .currencyMismatch:
            .ruleViolation
        case .negativeAmount: .invalidInput
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .lifecycleChangeNotAllowed(_, _, let allowed): ["allowed": .list(allowed.map(\.rawValue))]
        case .supersessionCycle(let old, let new): ["part": .text(old.rawValue), "replacement": .text(new.rawValue)]
        default: [:]
        }
    }
}

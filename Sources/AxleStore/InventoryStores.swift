public import AxleDomain

/// A part's stock at one site, by status, with what is committed to demand.
public struct SiteStock: Hashable, Sendable, Encodable {
    public let partID: Part.ID
    public let siteID: Site.ID
    public let unrestricted: Quantity
    public let qualityHold: Quantity
    public let damaged: Quantity
    public let blocked: Quantity
    /// Inbound: on its way to this site.
    public let inTransit: Quantity
    public let reserved: Quantity
    public let backordered: Quantity

    public init(partID: Part.ID, siteID: Site.ID, unrestricted: Quantity = .zero, qualityHold: Quantity = .zero,
                damaged: Quantity = .zero, blocked: Quantity = .zero, inTransit: Quantity = .zero,
                reserved: Quantity = .zero, backordered: Quantity = .zero) {
        self.partID = partID
        self.siteID = siteID
        self.unrestricted = unrestricted
        self.qualityHold = qualityHold
        self.damaged = damaged
        self.blocked = blocked
        self.inTransit = inTransit
        self.reserved = reserved
        self.backordered = backordered
    }

    /// Unrestricted stock not committed to any demand.
    public var available: Quantity { get throws(ArithmeticOverflow) { try unrestricted - reserved } }
    /// The quantity in one status (in transit: inbound to this site).
    public func quantity(in status: StockStatus) -> Quantity {
        switch status {
        case .unrestricted: unrestricted
        case .qualityHold: qualityHold
        case .damaged: damaged
        case .blocked: blocked
        case .inTransit: inTransit
        }
    }

    /// Physically at the site, whatever its status.
    public var onHand: Quantity { get throws(ArithmeticOverflow) { try unrestricted + qualityHold + damaged + blocked } }
}

/// The quantity in one stock position.
public struct StockBalance: Hashable, Sendable, Encodable {
    public let partID: Part.ID
    public let position: StockPosition
    public let quantity: Quantity

    public init(partID: Part.ID, position: StockPosition, quantity: Quantity) {
        self.partID = partID
        self.position = position
        self.quantity = quantity
    }
}

/// How a site treats its stock.
public struct SiteStockPolicy: Hashable, Sendable, Encodable {
    public let allowsNegativeStock: Bool
    /// Adjustments worth more than this wait for a manager's approval.
    public let adjustmentApprovalThreshold: Money
    /// Transfers worth more than this wait for approval.
    public let transferApprovalThreshold: Money

    public init(allowsNegativeStock: Bool, adjustmentApprovalThreshold: Money, transferApprovalThreshold: Money) {
        self.allowsNegativeStock = allowsNegativeStock
        self.adjustmentApprovalThreshold = adjustmentApprovalThreshold
        self.transferApprovalThreshold = transferApprovalThreshold
    }
}

/// The ledger: movements are appended and applied to balances and site totals in the same
/// transaction; nothing is ever updated or deleted.
public protocol LedgerStore: Sendable {
    /// Appends the movements and applies them, returning the totals of every part at every site
    /// they touch as they stand afterwards (one per part and site, in the order first touched):
    /// the statement that changes a total reads it back, so checking them costs no extra read.
    @discardableResult
    func post(_ movements: [Movement]) async throws -> [SiteStock]
    /// Posts many movements (a data load) in a few statements: they are appended in the given
    /// order, then each balance and site total changes once, by the sum of its movements. It
    /// ends where `post` would; only the schema's checks differ, seeing the state after the
    /// whole batch rather than after each movement, so the caller checks its rules first.
    func postInBulk(_ movements: [Movement]) async throws
    /// A part's movements, oldest first, optionally only those touching one site.
    func history(part: Part.ID, site: Site.ID?, _ page: PageRequest<Int64>) async throws -> [LedgerEntry]
    /// Every movement posted from `from` (included) to `to` (excluded), in posting order: a period's ledger.
    func movements(from: Instant, to: Instant, _ page: PageRequest<Int64>) async throws -> [PostedMovement]
    /// Everything that breaks a ledger invariant, in words; empty when the ledger is sound.
    func verify() async throws -> [String]
}

public protocol StockStore: Sendable {
    /// The part's totals at a site (zeros when it never had stock). With `forUpdate`, other
    /// writers of the same totals wait until this transaction ends.
    func siteStock(part: Part.ID, site: Site.ID, forUpdate: Bool) async throws -> SiteStock
    func siteStock(part: Part.ID) async throws -> [SiteStock]
    /// The stock matrix: every part × site with any stock or commitment, by part then site.
    func matrix(after: (Part.ID, Site.ID)?, limit: Int) async throws -> [SiteStock]
    func balances(part: Part.ID, site: Site.ID) async throws -> [StockBalance]
    /// Changes what is committed at a site. The schema refuses to reserve more than is unrestricted.
    func commit(part: Part.ID, site: Site.ID, reserved: Quantity, backordered: Quantity) async throws
    func policy(site: Site.ID) async throws -> SiteStockPolicy
    func save(_ policy: SiteStockPolicy, site: Site.ID) async throws
    func averageCost(part: Part.ID) async throws -> AverageCost?
    func save(_ cost: AverageCost, part: Part.ID) async throws
    /// Every part's stock at every site with the part's moving-average unit cost (nil before
    /// its first receipt of own stock): what stock value is computed from.
    func valuation() async throws -> [(stock: SiteStock, averageCost: Money?)]
}

public protocol ReservationStore: Sendable {
    func insert(_ reservation: Reservation) async throws
    /// Inserts many reservations (a data load) in a few statements.
    func insert(contentsOf reservations: [Reservation]) async throws
    func update(_ reservation: Reservation) async throws
    func find(id: Reservation.ID) async throws -> Reservation?
    /// Open reservations of a part at a site that still wait for stock.
    func backorders(part: Part.ID, site: Site.ID) async throws -> [Reservation]
    /// A part's reservations, newest first, optionally at one site and only open ones.
    func list(part: Part.ID, site: Site.ID?, openOnly: Bool, _ page: PageRequest<String>) async throws -> [Reservation]
}

public protocol AdjustmentStore: Sendable {
    func insert(_ adjustment: Adjustment) async throws
    func update(_ adjustment: Adjustment) async throws
    /// With `forUpdate`, locked until the transaction ends: a decision waits for another one.
    func find(id: Adjustment.ID, forUpdate: Bool) async throws -> Adjustment?
    func pending(site: Site.ID?, _ page: PageRequest<String>) async throws -> [Adjustment]
}

/// Stock expected to arrive at a site, with the day it is due.
public protocol InboundStore: Sendable {
    func expected(part: Part.ID, site: Site.ID) async throws -> [AvailableToPromise.Inbound]
}

/// A movement with its place in the ledger.
public struct PostedMovement: Hashable, Sendable {
    public let sequence: Int64
    public let movement: Movement

    public init(sequence: Int64, movement: Movement) {
        self.sequence = sequence
        self.movement = movement
    }
}

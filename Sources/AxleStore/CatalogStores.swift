public import AxleDomain

public protocol CompanyStore: Sendable {
    func get() async throws -> Company
    func save(_ company: Company) async throws
}

public protocol SiteStore: Sendable {
    func insert(_ site: Site) async throws
    /// Writes the new field values over the stored row if it is still at `version` (the one the
    /// caller read), and stores `version + 1`; otherwise changes nothing and throws
    /// `RequestError.staleVersion` with the current version. One statement: safe under concurrency.
    func update(_ site: Site, replacing version: Int64) async throws
    func find(id: Site.ID) async throws -> Site?
    func find(code: Code) async throws -> Site?
    /// Ordered by code.
    func list(_ page: PageRequest<Code>) async throws -> [Site]
    func all() async throws -> [Site]
}

public protocol BinStore: Sendable {
    func insert(_ bins: [Bin]) async throws
    func find(id: Bin.ID) async throws -> Bin?
    func find(site: Site.ID, code: Code) async throws -> Bin?
    /// Ordered by code.
    func list(site: Site.ID, _ page: PageRequest<Code>) async throws -> [Bin]
}

public protocol SupplierStore: Sendable {
    func insert(_ suppliers: [Supplier]) async throws
    /// As `SiteStore.update(_:replacing:)`.
    func update(_ supplier: Supplier, replacing version: Int64) async throws
    func find(id: Supplier.ID) async throws -> Supplier?
    func find(code: Code) async throws -> Supplier?
    /// Ordered by code.
    func list(_ page: PageRequest<Code>) async throws -> [Supplier]
}

/// What to look for in the catalogue. Words all have to appear in the description.
public struct PartQuery: Sendable {
    public var numberPrefix: String?
    public var words: [String]
    public var category: PartCategory?

    public init(numberPrefix: String? = nil, words: [String] = [], category: PartCategory? = nil) {
        self.numberPrefix = numberPrefix
        self.words = words
        self.category = category
    }
}

public protocol PartStore: Sendable {
    func insert(_ parts: [Part]) async throws
    /// As `SiteStore.update(_:replacing:)`.
    func update(_ part: Part, replacing version: Int64) async throws
    func find(id: Part.ID) async throws -> Part?
    func find(number: PartNumber) async throws -> Part?
    func find(ids: [Part.ID]) async throws -> [Part]
    /// Ordered by part number.
    func search(_ query: PartQuery, _ page: PageRequest<PartNumber>) async throws -> [Part]
}

public protocol SupersessionStore: Sendable {
    /// Makes concurrent supersession writers wait for this transaction, so that two links
    /// recorded at once cannot close a cycle neither saw.
    func lockChains() async throws
    func insert(_ supersessions: [Supersession]) async throws
    /// Every link reachable by following replacements from any of `starts`.
    func chains(from starts: [Part.ID]) async throws -> [Supersession]
    /// The link that names `part` as the replacement, if any (what it replaced).
    func predecessors(of part: Part.ID) async throws -> [Supersession]
}

public protocol SubstituteStore: Sendable {
    func insert(_ substitutes: [Substitute]) async throws
    func list(for part: Part.ID) async throws -> [Substitute]
}

/// A vehicle as far as fitment matching knows it; nil fields match anything.
public struct VehicleDescription: Sendable, Equatable {
    public let make: String
    public let model: String?
    public let year: Int
    public let engine: String?

    public init(make: String, model: String?, year: Int, engine: String?) {
        self.make = make
        self.model = model
        self.year = year
        self.engine = engine
    }
}

public protocol FitmentStore: Sendable {
    func insert(_ fitments: [Fitment]) async throws
    func list(for part: Part.ID) async throws -> [Fitment]
    /// Parts with a fitment covering the vehicle, ordered by part number.
    func partsFitting(_ vehicle: VehicleDescription, _ page: PageRequest<PartNumber>) async throws -> [Part]
}

public protocol VehicleStore: Sendable {
    func insert(_ vehicles: [Vehicle]) async throws
    func find(vin: VIN) async throws -> Vehicle?
    /// With `forUpdate`, locked until the transaction ends: a mileage reading waits for another one.
    func find(id: Vehicle.ID, forUpdate: Bool) async throws -> Vehicle?
    /// Ordered by VIN.
    func list(_ page: PageRequest<String>) async throws -> [Vehicle]
}

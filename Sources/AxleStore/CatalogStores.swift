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

/// What to look for in the catalogue.
///
/// Every word has to match, case-insensitively, the start of a word of the part's number,
/// description or brand (`pad` finds "Brake pad set" and "Padding"). Words are split at
/// anything but letters and digits (`BP-1234` is `bp` and `1234`); accents are significant.
/// A word of four or more letters ending in `s` (but not `ss`) also matches its singular:
/// `pads`, `boxes`, `batteries` find "pad", "box", "battery". Words without a letter or a
/// digit match nothing; a query whose words are all such matches no part.
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
    /// Ordered by relevance, then part number (`PartSearchKey`).
    func search(_ query: PartQuery, _ page: PageRequest<PartSearchKey>) async throws -> [PartMatch]
}

/// Where a part stands in search results: its relevance tier first, then its number. Tiers,
/// best first: 0, a query word matches the start of a word of the part number; 1, every query
/// word is a whole word of the part (or the singular of one); 2, the rest. Without words every
/// part is in tier 0, so the list is in part-number order. The key is the paging cursor: a
/// tier is a fact about the part and the query, not a score that shifts as the catalogue grows.
public struct PartSearchKey: Sendable, Hashable, Comparable {
    public static let tiers = 0...2

    public let tier: Int
    public let number: PartNumber

    public init(tier: Int, number: PartNumber) {
        precondition(Self.tiers.contains(tier), "a search tier is 0, 1 or 2")
        self.tier = tier
        self.number = number
    }

    public static func < (lhs: PartSearchKey, rhs: PartSearchKey) -> Bool {
        (lhs.tier, lhs.number) < (rhs.tier, rhs.number)
    }
}

/// A part found by a search, with its place in the results.
public struct PartMatch: Sendable, Equatable {
    public let part: Part
    public let key: PartSearchKey

    public init(part: Part, key: PartSearchKey) {
        self.part = part
        self.key = key
    }
}

public protocol SupersessionStore: Sendable {
    /// Makes concurrent supersession writers wait for this transaction, so that two links
    /// recorded at once cannot close a cycle neither saw.
    func lockChains() async throws
    func insert(_ supersessions: [Supersession]) async throws
    /// Every link reachable by following replacements from any of `starts`.
    func chains(from starts: [Part.ID]) async throws -> [Supersession]
    /// Every link of the supersession families of `parts`: the chains from them and every link
    /// whose chain runs into one of those chains (what the supply rule needs).
    func family(of parts: [Part.ID]) async throws -> [Supersession]
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

public import AxleDomain
import AxleStore

/// Records what a supplier offers of a part (its number, price and breaks, packs, minimum and
/// lead time), replacing what was recorded before.
public struct SaveSupplierPart: Command {
    public struct Input: Sendable, Codable {
        public struct PriceBreak: Sendable, Codable {
            public var minimum: Quantity
            public var unitPrice: String

            public init(minimum: Quantity, unitPrice: String) {
                self.minimum = minimum
                self.unitPrice = unitPrice
            }
        }

        public var supplierPartNumber: String
        public var unitPrice: String
        public var priceBreaks: [PriceBreak]?
        public var packMultiple: Quantity?
        public var minimumOrder: Quantity?
        /// Defaults to the supplier's lead time.
        public var quotedLeadTimeDays: Int?

        public init(supplierPartNumber: String, unitPrice: String, priceBreaks: [PriceBreak]? = nil,
                    packMultiple: Quantity? = nil, minimumOrder: Quantity? = nil, quotedLeadTimeDays: Int? = nil) {
            self.supplierPartNumber = supplierPartNumber
            self.unitPrice = unitPrice
            self.priceBreaks = priceBreaks
            self.packMultiple = packMultiple
            self.minimumOrder = minimumOrder
            self.quotedLeadTimeDays = quotedLeadTimeDays
        }
    }

    /// More breaks than any price list needs.
    static let maximumPriceBreaks = 20

    public let supplierID: Supplier.ID
    public let partID: Part.ID
    public let input: Input

    public init(supplierID: Supplier.ID, partID: Part.ID, input: Input) {
        self.supplierID = supplierID
        self.partID = partID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.editSuppliers)
    }

    public func execute(in scope: WriteScope) async throws -> SupplierPart {
        let stores = scope.stores
        let supplier = try await PurchasingLookup.supplier(supplierID, in: stores)
        let part = try await CatalogLookup.part(partID, in: stores)
        let currency = try await stores.company.get().currency
        let breaks = input.priceBreaks ?? []
        guard breaks.count <= Self.maximumPriceBreaks else {
            throw ValidationError(field: "priceBreaks", reason: "at most \(Self.maximumPriceBreaks) price breaks")
        }
        var seen: Set<Quantity> = []
        let priceBreaks = try breaks.enumerated().map { index, entry in
            let minimum = try StockRules.positive(entry.minimum, field: "priceBreaks[\(index)].minimum")
            guard seen.insert(minimum).inserted else {
                throw ValidationError(field: "priceBreaks[\(index)].minimum", reason: "two breaks start at \(minimum)")
            }
            return SupplierPart.PriceBreak(
                minimum: minimum,
                unitPrice: try Validate.money(entry.unitPrice, field: "priceBreaks[\(index)].unitPrice", currency: currency))
        }
        let after = SupplierPart(
            supplierID: supplier.id, partID: part.id,
            supplierPartNumber: try Validate.text(input.supplierPartNumber, field: "supplierPartNumber", maximumLength: 40),
            unitPrice: try Validate.money(input.unitPrice, field: "unitPrice", currency: currency),
            priceBreaks: priceBreaks,
            packMultiple: try StockRules.positive(input.packMultiple ?? Quantity(units: 1), field: "packMultiple"),
            minimumOrder: try StockRules.positive(input.minimumOrder ?? Quantity(units: 1), field: "minimumOrder"),
            quotedLeadTimeDays: try Validate.range(input.quotedLeadTimeDays ?? supplier.leadTimeDays,
                                                   Supplier.leadTimeRange, field: "quotedLeadTimeDays"))
        let before = try await stores.purchasing.supplierPart(supplier: supplier.id, part: part.id)
        try await stores.purchasing.save(after)
        try await scope.audit(.supplierPartSave, entityID: "\(supplier.id)/\(part.id)", before: before, after: after)
        return after
    }
}

/// Sets a site's purchasing policy: the value above which a buyer's order waits for a manager.
public struct SetPurchasingPolicy: Command {
    public struct Input: Sendable, Codable {
        public var buyerApprovalLimit: String

        public init(buyerApprovalLimit: String) {
            self.buyerApprovalLimit = buyerApprovalLimit
        }
    }

    public let siteID: Site.ID
    public let input: Input

    public init(siteID: Site.ID, input: Input) {
        self.siteID = siteID
        self.input = input
    }

    public func authorize(_ principal: Principal) throws {
        try principal.authorize(.configurePurchasing, at: siteID)
    }

    public func execute(in scope: WriteScope) async throws -> PurchasingPolicy {
        let stores = scope.stores
        let site = try await CatalogLookup.site(siteID, in: stores)
        let currency = try await stores.company.get().currency
        let after = PurchasingPolicy(buyerApprovalLimit: try Validate.money(input.buyerApprovalLimit,
                                                                           field: "buyerApprovalLimit", currency: currency))
        let before = try await PurchasingLookup.policy(at: site.id, in: stores)
        try await stores.purchasing.save(after, site: site.id)
        try await scope.audit(.purchasingPolicySet, entityID: site.id.description, before: before, after: after)
        return after
    }
}

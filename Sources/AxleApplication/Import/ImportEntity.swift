public import AxleDomain

extension ImportEntity {
    /// The importer that reads, validates and applies this entity's rows.
    func importer() -> any RowImporter {
        switch self {
        case .parts: PartImporter()
        case .sites: SiteImporter()
        case .bins: BinImporter()
        case .suppliers: SupplierImporter()
        case .supersessions: SupersessionImporter()
        case .substitutes: SubstituteImporter()
        case .fitments: FitmentImporter()
        case .openingStock: OpeningStockImporter()
        case .vehicles: VehicleImporter()
        case .stockPolicies: StockPolicyImporter()
        case .countPolicies: CountPolicyImporter()
        case .customers: CustomerImporter()
        case .customerVehicles: CustomerVehicleImporter()
        }
    }

    /// The columns of this entity's file, in the order export writes them.
    public var columns: [ImportColumn] { importer().columns }
}

/// One column of an import file. An optional column may be left out of the header; a row that
/// leaves it empty takes its default.
public struct ImportColumn: Sendable, Equatable {
    public let name: String
    public let required: Bool

    static func required(_ name: String) -> ImportColumn { ImportColumn(name: name, required: true) }
    static func optional(_ name: String) -> ImportColumn { ImportColumn(name: name, required: false) }
}

/// What an import file holds: one entity per file, each with its documented column set
/// (`docs/import.md`). Master data first, then what refers to it.
public enum ImportEntity: String, ClosedSet {
    case parts, sites, bins, suppliers, supersessions, substitutes, fitments, openingStock, vehicles, stockPolicies
    case countPolicies, customers, customerVehicles
}

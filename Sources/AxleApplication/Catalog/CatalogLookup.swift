public import AxleDomain
public import AxleStore

/// Loads referenced entities or fails with the error a user understands.
public enum CatalogLookup {
    /// The part, or `partNotFound`. When the identifier came from a body field, the error
    /// names the field so the client knows which reference was wrong.
    public static func part(_ id: Part.ID, in stores: any StoreTransaction, field: String? = nil) async throws -> Part {
        guard let part = try await stores.parts.find(id: id) else {
            if let field { throw ValidationError(field: field, reason: "no part \(id)") }
            throw CatalogError.partNotFound(id.description)
        }
        return part
    }

    public static func site(_ id: Site.ID, in stores: any StoreTransaction) async throws -> Site {
        guard let site = try await stores.sites.find(id: id) else { throw CatalogError.siteNotFound(id.description) }
        return site
    }
}

import AxleDomain
import AxleStore

/// `sites`: keyed by code; created as `CreateSite` would, updated as `UpdateSite` would.
struct SiteImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("code"), .required("name"), .required("kind"), .required("latitude"), .required("longitude"),
        .optional("timeZone"),
    ]
    let keyColumns = ["code"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        let code = reader.value("code", CodeColumn.expectation, Code.init)
        let name = reader.text("name")
        let kind = reader.choice("kind", Site.Kind.self)
        let latitude = reader.double("latitude")
        let longitude = reader.double("longitude")
        let timeZone = reader.optionalText("timeZone") ?? "UTC"
        var location: GeoPoint?
        if let latitude, let longitude {
            location = GeoPoint(latitude: latitude, longitude: longitude)
            if location == nil { reader.reject("latitude", "latitude must be within ±90 and longitude within ±180") }
        }
        guard let code, let name, let kind, let location, reader.issues.isEmpty else { throw reader.rejection }
        guard let existing = try await scope.stores.sites.find(code: code) else {
            _ = try await run(CreateSite(CreateSite.Input(code: code, name: name, kind: kind, location: location,
                                                          timeZone: timeZone)), in: scope)
            return .created
        }
        let update = UpdateSite.Input(name: name, kind: kind, location: location, timeZone: timeZone)
        guard try update.applied(to: existing) != existing else { return .unchanged }
        _ = try await run(UpdateSite(siteID: existing.id, expectedVersion: existing.version, input: update), in: scope)
        return .updated
    }
}

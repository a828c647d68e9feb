import AxleDomain
import AxleStore
import Synchronization

/// `parts`: every master-data field of a part, keyed by its number. A new number is created as
/// `CreatePart` would, its rows stored many to a statement (`finish` stores the last ones); a
/// known one is updated as `UpdatePart` would, and only when a field differs.
struct PartImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("number"), .required("description"), .required("brand"), .required("category"),
        .required("unit"), .optional("packs"), .required("cost"), .required("listPrice"),
        .optional("criticality"), .optional("lifecycle"), .optional("tracking"), .optional("hazardous"),
        .optional("coreCharge"),
    ]
    let keyColumns = ["number"]
    /// Created parts not yet stored: one statement for many keeps the search index's upkeep per
    /// statement, not per part. No later row of the file can refer to them (numbers are unique in it).
    private let pending = PendingParts()

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        let currency = try await scope.stores.company.get().currency
        let row = try Self.read(row, currency: currency)
        guard let existing = try await scope.stores.parts.find(number: row.create.number) else {
            let command = CreatePart(row.create)
            try command.authorize(scope.caller.principal)
            let created = try await command.validated(in: scope)
            try await pending.add(created, in: scope)
            if let lifecycle = row.update.lifecycle, lifecycle != created.lifecycle {
                try await pending.store(in: scope)
                _ = try await run(UpdatePart(partID: created.id, expectedVersion: created.version,
                                             input: UpdatePart.Input(lifecycle: lifecycle)), in: scope)
            }
            return .created
        }
        var update = row.update
        // A superseded part is in use as far as the old system knew: `active` there is no edit here.
        if existing.lifecycle == .superseded, update.lifecycle == .active { update.lifecycle = nil }
        guard try update.applied(to: existing, currency: currency) != existing else { return .unchanged }
        _ = try await run(UpdatePart(partID: existing.id, expectedVersion: existing.version, input: update),
                          in: scope)
        return .updated
    }

    func finish(in scope: WriteScope) async throws {
        try await pending.store(in: scope)
    }

    /// A row as the creation it asks for and as the update it asks for. In the update, a column
    /// the file leaves out changes nothing and an empty optional cell sets the field's default.
    /// `superseded` is left to the supersessions file: only a supersession makes a part superseded.
    static func read(_ row: ImportRow, currency: Currency) throws -> (create: CreatePart.Input, update: UpdatePart.Input) {
        var reader = RowReader(row)
        let number = reader.value("number", PartColumn.expectation, PartNumber.init)
        let description = reader.text("description")
        let brand = reader.text("brand")
        let category = reader.choice("category", PartCategory.self)
        let unit = reader.choice("unit", UnitOfMeasure.self)
        let packs = reader.optionalValue("packs", "packs such as box=10;case=50", PackText.parse)
        let cost = reader.money("cost", currency: currency)
        let listPrice = reader.money("listPrice", currency: currency)
        let criticality = reader.optionalChoice("criticality", Criticality.self)
        let lifecycle = reader.optionalChoice("lifecycle", PartLifecycle.self)
        let tracking = reader.optionalChoice("tracking", Tracking.self)
        let hazardous = reader.optionalBool("hazardous")
        let coreCharge = reader.optionalMoney("coreCharge", currency: currency)
        guard let number, let description, let brand, let category, let unit, let cost, let listPrice,
              reader.issues.isEmpty else { throw reader.rejection }
        let create = CreatePart.Input(
            number: number, description: description, brand: brand, category: category, unit: unit, packs: packs,
            cost: cost, listPrice: listPrice, criticality: criticality, tracking: tracking, hazardous: hazardous,
            coreCharge: coreCharge)
        let update = UpdatePart.Input(
            description: description, brand: brand, category: category, unit: unit,
            packs: reader.has("packs") ? packs ?? [] : nil, cost: cost, listPrice: listPrice,
            criticality: reader.has("criticality") ? criticality ?? .routine : nil,
            lifecycle: lifecycle == .superseded ? nil : lifecycle,
            tracking: reader.has("tracking") ? tracking ?? Tracking.none : nil,
            hazardous: reader.has("hazardous") ? hazardous ?? false : nil,
            coreCharge: coreCharge, removeCoreCharge: reader.has("coreCharge") && coreCharge == nil ? true : nil)
        return (create, update)
    }
}

/// Pack conversions in one cell: `box=10;case=50`.
enum PackText {
    static func parse(_ text: String) -> [PackConversion]? {
        var packs: [PackConversion] = []
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let quantity = RowReader.quantity(String(parts[1]).trimmingSpaces()) else { return nil }
            packs.append(PackConversion(name: String(parts[0]).trimmingSpaces(), quantity: quantity))
        }
        return packs
    }

    static func text(_ packs: [PackConversion]) -> String {
        packs.map { "\($0.name)=\($0.quantity)" }.joined(separator: ";")
    }
}

/// Parts validated by `CreatePart` and waiting to be stored in one statement.
private final class PendingParts: Sendable {
    static let batchSize = 500
    private let parts = Mutex<[Part]>([])

    func add(_ part: Part, in scope: WriteScope) async throws {
        let full = parts.withLock { parts in
            parts.append(part)
            return parts.count >= Self.batchSize
        }
        if full { try await store(in: scope) }
    }

    func store(in scope: WriteScope) async throws {
        let batch = parts.withLock { parts in
            defer { parts = [] }
            return parts
        }
        guard !batch.isEmpty else { return }
        try await CreatePart.record(batch, in: scope)
    }
}

/// What an audited write did: a dotted verb such as `part.create`, and the kind of entity it
/// changed. Each feature declares its actions once (`CatalogAuditActions.swift` and its
/// siblings); the raw value is what the audit trail stores and what clients read, so it never
/// changes.
public struct AuditAction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let entity: EntityKind

    init(_ rawValue: String, on entity: EntityKind) {
        self.rawValue = rawValue
        self.entity = entity
    }

    /// The declared action stored as `rawValue`; nil for text no feature declares.
    public init?(rawValue: String) {
        guard let action = Self.byRawValue[rawValue] else { return nil }
        self = action
    }

    public var description: String { rawValue }

    /// Every action the product declares, feature by feature.
    public static let declared: [AuditAction] = catalog + security + inventory + transfers + purchasing + service

    private static let byRawValue = Dictionary(declared.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
}

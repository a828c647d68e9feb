/// A value entered is larger than Axle accepts for that field.
public struct LimitError: AxleError, Equatable {
    /// Where the value is, as a JSON path such as `lines[0].quantity`.
    public let field: String
    /// The largest value accepted, as the API writes it.
    public let limit: String

    public init(field: String, limit: String) {
        self.field = field
        self.limit = limit
    }

    public var code: String { "request.limit_exceeded" }
    public var message: String { "\(field): must be at most \(limit)" }
    public var category: ErrorCategory { .ruleViolation }
    public var details: [String: ErrorDetail] { ["field": .text(field), "limit": .text(limit)] }
}

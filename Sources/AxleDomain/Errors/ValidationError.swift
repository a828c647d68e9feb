/// A field of a request that is missing, of the wrong form or out of range.
public struct ValidationError: AxleError, Equatable {
    /// Where the problem is, as a JSON path such as `packs[1].quantity`.
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var code: String { "request.invalid_field" }
    public var message: String { "\(field): \(reason)" }
    public var category: ErrorCategory { .invalidInput }
    public var details: [String: ErrorDetail] { ["field": .text(field), "reason": .text(reason)] }
}

/// Something other than a single field is wrong with the request itself.
public enum RequestError: AxleError, Equatable {
    case malformedJSON(String)
    case bodyTooLarge(limitBytes: Int)
    case invalidCursor
    case invalidParameter(name: String, reason: String)
    case idempotencyKeyReused
    case idempotencyKeyInvalid
    case versionRequired
    case staleVersion(current: Int64)
    /// `If-Match` holds an entity tag this API never issues.
    case unknownETag
    case notFound(path: String)

    public var code: String {
        switch self {
        case .malformedJSON: "request.malformed_json"
        case .bodyTooLarge: "request.body_too_large"
        case .invalidCursor: "request.invalid_cursor"
        case .invalidParameter: "request.invalid_parameter"
        case .idempotencyKeyReused: "request.idempotency_key_reused"
        case .idempotencyKeyInvalid: "request.idempotency_key_invalid"
        case .versionRequired: "request.if_match_required"
        case .staleVersion, .unknownETag: "request.stale_version"
        case .notFound: "request.route_not_found"
        }
    }

    public var message: String {
        switch self {
        case .malformedJSON(let reason): "the request body is not valid JSON: \(reason)"
        case .bodyTooLarge(let limit): "the request body is larger than \(limit) bytes"
        case .invalidCursor: "the cursor is not one this API issued"
        case .invalidParameter(let name, let reason): "query parameter '\(name)': \(reason)"
        case .idempotencyKeyReused:
            "this Idempotency-Key was already used with a different request; use a new key"
        case .idempotencyKeyInvalid: "an Idempotency-Key is 1 to 200 visible ASCII characters"
        case .versionRequired: "send If-Match with the ETag from your last read of this resource"
        case .staleVersion: "the resource changed since you read it; read it again and retry"
        case .unknownETag: "If-Match does not hold an ETag of this resource; read it again and retry"
        case .notFound(let path): "no such endpoint: \(path)"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .malformedJSON, .bodyTooLarge, .invalidCursor, .invalidParameter, .idempotencyKeyInvalid:
            .invalidInput
        case .idempotencyKeyReused: .ruleViolation
        case .versionRequired: .preconditionRequired
        case .staleVersion, .unknownETag: .preconditionFailed
        case .notFound: .notFound
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .staleVersion(let current): ["currentVersion": .number(current)]
        case .invalidParameter(let name, _): ["parameter": .text(name)]
        default: [:]
        }
    }
}

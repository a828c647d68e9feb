/// What kind of failure an error is; the HTTP edge maps each category to one status code.
public enum ErrorCategory: Sendable, Equatable {
    /// The request is malformed or a field is missing, of the wrong type or out of range.
    case invalidInput
    /// No credentials, or credentials that are not (or no longer) valid.
    case unauthenticated
    /// The caller is known but may not do this (role or site scope).
    case forbidden
    case notFound
    /// The request clashes with the current state (a duplicate, an illegal transition).
    case conflict
    /// Well-formed, but a business rule forbids it.
    case ruleViolation
    /// The caller's precondition (an `If-Match` version) no longer holds.
    case preconditionFailed
    /// The operation needs a precondition the caller did not send.
    case preconditionRequired
}

/// An error the user caused and can act on. Every case has a stable machine code
/// (`catalog.supersession.cycle`), a sentence for people and optional details.
public protocol AxleError: Error, Sendable, CustomStringConvertible {
    var code: String { get }
    var message: String { get }
    var category: ErrorCategory { get }
    var details: [String: ErrorDetail] { get }
}

extension AxleError {
    public var details: [String: ErrorDetail] { [:] }

    /// `catalog.part.not_found: no part X`, as the command line prints it.
    public var description: String { "\(code): \(message)" }
}

/// A value in an error's details: enough structure for clients to act on it.
public enum ErrorDetail: Sendable, Equatable, Codable {
    case text(String)
    case list([String])
    case number(Int64)
    /// Structured alternatives, such as other sites with stock.
    case records([[String: ErrorDetail]])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .number(let number): try container.encode(number)
        case .records(let records): try container.encode(records)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .number(number)
        } else if let list = try? container.decode([String].self) {
            self = .list(list)
        } else if let records = try? container.decode([[String: ErrorDetail]].self) {
            self = .records(records)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}

import AxleDomain
import HTTPTypes

/// What is wrong with a request at the HTTP level itself, before any route reads its input.
/// Their statuses (405, 415) have no error category of the domain, so `ErrorBody` takes them from here.
enum HTTPRequestError: Error, Equatable {
    /// The method is not served at this path; `allowed` are the ones that are.
    case methodNotAllowed(method: String, allowed: [String])
    /// A body was sent in a media type other than JSON.
    case unsupportedMediaType(String)
    /// An import's body was sent in a media type other than CSV.
    case notCSV(String)
    /// `If-Match` is not an entity tag (`"3"`).
    case malformedIfMatch
    /// A site-bound write by a caller with no site to use it at (see `WriteAccess`).
    case noSiteInScope
    /// The HTTP/1.1 parser refused the request (its line, its headers or their framing).
    case malformedHTTP(String)

    var status: HTTPResponse.Status {
        switch self {
        case .methodNotAllowed: .methodNotAllowed
        case .unsupportedMediaType, .notCSV: .unsupportedMediaType
        case .malformedIfMatch, .malformedHTTP: .badRequest
        case .noSiteInScope: .forbidden
        }
    }

    var code: String {
        switch self {
        case .methodNotAllowed: "request.method_not_allowed"
        case .unsupportedMediaType, .notCSV: "request.unsupported_media_type"
        case .malformedIfMatch: "request.malformed_if_match"
        case .malformedHTTP: "request.malformed_http"
        case .noSiteInScope: "auth.site_out_of_scope"
        }
    }

    var message: String {
        switch self {
        case .methodNotAllowed(let method, let allowed):
            "\(method) is not allowed here; allowed: \(allowed.joined(separator: ", "))"
        case .unsupportedMediaType(let type): "the body must be application/json, not \(type)"
        case .notCSV(let type): "the body must be text/csv, not \(type)"
        case .malformedIfMatch: #"If-Match must be one entity tag as the ETag header gave it, such as "3""#
        case .malformedHTTP(let reason): "the request is not valid HTTP/1.1: \(reason)"
        case .noSiteInScope: "no site is in your site scope"
        }
    }

    var details: [String: ErrorDetail]? {
        switch self {
        case .methodNotAllowed(_, let allowed): ["allowed": .list(allowed)]
        case .unsupportedMediaType(let type), .notCSV(let type): ["contentType": .text(type)]
        case .malformedIfMatch, .malformedHTTP, .noSiteInScope: nil
        }
    }
}

/// A response value that JSON could not encode: a bug, answered with a logged 500.
struct ResponseEncodingError: Error {
    let underlying: any Error
}

import AxleDomain
import AxleStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into the one JSON error shape with the right status.
/// Errors the user caused are 4xx; anything else is logged and answered with a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.requestID
            return response
        } catch {
            let body = ErrorBody(error, path: request.uri.path)
            if body.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var response = JSONResponse.make(body.status, json: JSONResponse.errorJSON(body))
            response.headers[.requestID] = context.requestID
            if body.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            if case HTTPRequestError.methodNotAllowed(_, let allowed) = error {
                response.headers[.allow] = allowed.joined(separator: ", ")
            }
            return response
        }
    }
}

/// The status and `{"error": {...}}` payload of an error.
struct ErrorBody {
    struct Payload: Encodable {
        let code: String
        let message: String
        let details: [String: ErrorDetail]?
    }

    let status: HTTPResponse.Status
    let payload: Payload

    init(_ error: any Error, path: String) {
        switch error {
        case let error as any AxleError:
            self.init(status: Self.status(of: error.category),
                      payload: Payload(code: error.code, message: error.message,
                                       details: error.details.isEmpty ? nil : error.details))
        case let error as HTTPRequestError:
            self.init(status: error.status,
                      payload: Payload(code: error.code, message: error.message, details: error.details))
        case StoreError.uniqueViolation, StoreError.checkViolation, StoreError.serializationFailure:
            self.init(status: .conflict, payload: Payload(
                code: "request.conflict", message: "another request changed the same data at the same time; retry",
                details: nil))
        case let error as HTTPError where error.status == .notFound:
            self.init(RequestError.notFound(path: path), path: path)
        case let error as HTTPError where (400..<500).contains(error.status.code):
            self.init(status: error.status, payload: Payload(
                code: "request.rejected", message: error.body ?? error.status.reasonPhrase, details: nil))
        default:
            self.init(status: .internalServerError, payload: Payload(
                code: "internal", message: "the server failed; the error is logged with this request's id",
                details: nil))
        }
    }

    private init(status: HTTPResponse.Status, payload: Payload) {
        self.status = status
        self.payload = payload
    }

    /// The one place where error categories become HTTP statuses.
    static func status(of category: ErrorCategory) -> HTTPResponse.Status {
        switch category {
        case .invalidInput: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .ruleViolation: .unprocessableContent
        case .preconditionFailed: .preconditionFailed
        case .preconditionRequired: .preconditionRequired
        }
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplay = Self("Idempotent-Replayed")!
}

import AxleApplication
import AxleDomain
import AxleStore
import Foundation
import Hummingbird
import NIOCore

/// Runs a command for a request: with its `Idempotency-Key` when one is sent, and with
/// the ETag of a versioned result.
struct WriteResponder: Sendable {
    let services: AxleServices

    static let maximumKeyLength = 200

    func respond<C: Command>(
        to request: Request, context: APIRequestContext, status: HTTPResponse.Status = .created,
        _ makeCommand: (ByteBuffer) throws -> C
    ) async throws -> Response where C.Output: Encodable {
        let caller = try context.requireCaller()
        let body = try await JSONBody.collect(request)
        let command = try makeCommand(body)
        guard let key = request.headers[.idempotencyKey] else {
            let output = try await services.commands.run(command, as: caller)
            return try JSONResponse.make(status, output, headers: ETag.headers(for: output))
        }
        guard (1...Self.maximumKeyLength).contains(key.count),
              key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) else {
            throw RequestError.idempotencyKeyInvalid
        }
        let fingerprint = RequestFingerprint.make(method: request.method.rawValue, path: request.uri.description,
                                                  body: Array(buffer: body))
        let outcome = try await services.commands.run(
            command, as: caller, idempotencyKey: key, requestFingerprint: fingerprint
        ) { output in (Int(status.code), try JSONResponse.encode(output), ETag.value(for: output)) }
        var headers: HTTPFields = [:]
        if outcome.replayed { headers[.idempotentReplay] = "true" }
        if let eTag = outcome.response.eTag { headers[.eTag] = eTag }
        return JSONResponse.make(HTTPResponse.Status(code: outcome.response.status), json: outcome.response.body,
                                 headers: headers)
    }
}

/// Versions as entity tags: `ETag: "3"`; updates send `If-Match: "3"`.
enum ETag {
    static func headers(for entity: some Any) -> HTTPFields {
        guard let tag = value(for: entity) else { return [:] }
        return [.eTag: tag]
    }

    /// `"3"` for a versioned entity, nil for anything else.
    static func value(for value: some Any) -> String? {
        (value as? any Versioned).map { "\"\($0.version)\"" }
    }

    /// The version an update expects, from `If-Match`. A header that is not one entity tag
    /// (`*`, `3` unquoted, empty, a list) is a 400; a well-formed tag this API never issued
    /// (`"abc"`) matches no version, a 412.
    static func expectedVersion(_ request: Request) throws -> Int64 {
        guard let header = request.headers[.ifMatch] else { throw RequestError.versionRequired }
        var text = Substring(header.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw HTTPRequestError.malformedIfMatch
        }
        let opaque = text.dropFirst().dropLast()
        guard !opaque.isEmpty, !opaque.contains("\"") else { throw HTTPRequestError.malformedIfMatch }
        guard let version = Int64(opaque) else { throw RequestError.unknownETag }
        return version
    }
}

import AxleApplication
import AxleDomain
import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// Reading request bodies and writing responses as JSON, the only media type of the API.
enum JSONBody {
    static let maximumBytes = 1 << 20

    /// Reads and decodes the body, turning every decoding failure into a 400 that names the field.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws -> Value {
        let bytes = try await collect(request)
        return try decode(type, from: bytes)
    }

    /// Reads the body; one that is not empty must be declared as JSON (`Content-Type: application/json`).
    static func collect(_ request: Request) async throws -> ByteBuffer {
        let bytes: ByteBuffer
        do {
            bytes = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw RequestError.bodyTooLarge(limitBytes: maximumBytes)
        }
        if bytes.readableBytes > 0 {
            let type = request.headers[.contentType] ?? ""
            guard isJSON(type) else { throw HTTPRequestError.unsupportedMediaType(type.isEmpty ? "none" : type) }
        }
        return bytes
    }

    /// `application/json`, with or without parameters such as `charset`, or a `+json` type.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: ByteBuffer) throws -> Value {
        guard bytes.readableBytes > 0 else { throw RequestError.malformedJSON("the body is empty") }
        let data = Data(buffer: bytes)
        let value: Value
        do {
            value = try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw translate(error, body: data)
        }
        try JSONInspection.rejectControlCharacters(in: data)
        return value
    }

    private static func translate(_ error: DecodingError, body: Data) -> any Error {
        switch error {
        case .keyNotFound(let key, let context):
            return ValidationError(field: path(context.codingPath + [key]), reason: "is required")
        case .valueNotFound(_, let context):
            return ValidationError(field: path(context.codingPath), reason: "must not be null")
        case .typeMismatch(let type, let context):
            return ValidationError(field: path(context.codingPath), reason: "must be \(describe(type))")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Foundation's decoder refuses a valid number that does not fit its field as "not valid JSON".
            if let misfit = JSONInspection.numberThatDoesNotFit(in: body) { return misfit }
            return RequestError.malformedJSON(context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        case .dataCorrupted(let context):
            if let exceeded = context.underlyingError as? LimitError {
                return LimitError(field: path(context.codingPath), limit: exceeded.limit)
            }
            return ValidationError(field: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return RequestError.malformedJSON("\(error)")
        }
    }

    /// `packs[1].quantity` from a coding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "body" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type, is Decimal.Type: "a number"
        case is [Any].Type: "an array"
        default: type == [String: Any].self ? "an object" : "of another type (\(type))"
        }
    }
}

/// JSON responses.
enum JSONResponse {
    static let encoder = APIJSON.encoder()
    static let contentType = "application/json; charset=utf-8"

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A response with `value` as its body; a value that does not encode is a bug, thrown as
    /// `ResponseEncodingError` so the client gets a logged 500 rather than this status.
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) throws
        -> Response
    {
        let body: String
        do {
            body = try encode(value)
        } catch {
            throw ResponseEncodingError(underlying: error)
        }
        return make(status, json: body, headers: headers)
    }

    static func make(_ status: HTTPResponse.Status, json: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }

    /// The `{"error": {...}}` body of an error; its fields are plain text, so encoding it cannot fail.
    static func errorJSON(_ error: ErrorBody) -> String {
        (try? encode(["error": error.payload])) ?? #"{"error":{"code":"internal","message":"the server failed"}}"#
    }
}

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

    static func collect(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw RequestError.bodyTooLarge(limitBytes: maximumBytes)
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: ByteBuffer) throws -> Value {
        guard bytes.readableBytes > 0 else { throw RequestError.malformedJSON("the body is empty") }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: bytes))
        } catch let error as DecodingError {
            throw translate(error)
        }
    }

    private static func translate(_ error: DecodingError) -> any Error {
        switch error {
        case .keyNotFound(let key, let context):
            return ValidationError(field: path(context.codingPath + [key]), reason: "is required")
        case .valueNotFound(_, let context):
            return ValidationError(field: path(context.codingPath), reason: "must not be null")
        case .typeMismatch(let type, let context):
            return ValidationError(field: path(context.codingPath), reason: "must be \(describe(type))")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
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

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        // Encoding our own response types cannot fail; if it ever does, that is a bug worth a 500.
        let body = (try? encode(value)) ?? #"{"error":{"code":"internal","message":"response encoding failed"}}"#
        return make(status, json: body, headers: headers)
    }

    static func make(_ status: HTTPResponse.Status, json: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}

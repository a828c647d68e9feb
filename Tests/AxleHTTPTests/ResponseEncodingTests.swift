@testable import AxleHTTP
import HTTPTypes
import Testing

/// A response value that cannot be encoded is a bug: it becomes a logged 500 in the error
/// shape, never the route's own status with an error body.
@Suite("Response encoding failures")
struct ResponseEncodingTests {
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    @Test func aValueThatDoesNotEncodeIsA500() throws {
        #expect(throws: ResponseEncodingError.self) { try JSONResponse.make(.created, Unencodable()) }
        let body = ErrorBody(ResponseEncodingError(underlying: Unencodable.Refused()), path: "/api/v1/parts")
        #expect(body.status == .internalServerError)
        #expect(body.payload.code == "internal")
    }
}

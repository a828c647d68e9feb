@testable import AxleHTTP
import AxleStore
import HTTPTypes
import Testing

/// A write that lost a race with a concurrent one, after the command runner's retries, is a
/// 409 the client may retry, never a 500.
@Suite("Store conflicts")
struct StoreConflictStatusTests {
    @Test(arguments: [StoreError.serializationFailure, .uniqueViolation(constraint: "parts_number"),
                      .checkViolation(constraint: "site_stock_reserved")])
    func aLostRaceIsAConflictToRetry(_ error: StoreError) {
        let body = ErrorBody(error, path: "/api/v1/reservations")
        #expect(body.status == .conflict)
        #expect(body.payload.code == "request.conflict")
    }
}

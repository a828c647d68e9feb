public import AxleDomain
import AxleStore

/// Who is asking, as established by authentication, and the request's identity for the audit trail.
public struct Caller: Sendable {
    public let principal: Principal
    public let requestID: String?

    public init(principal: Principal, requestID: String?) {
        self.principal = principal
        self.requestID = requestID
    }
}

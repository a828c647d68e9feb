public import AxleDomain

/// What a step of a transfer did: the transfer after it, the stock it moved, the exception
/// items it opened and the backorders it served at the destination.
public struct TransferOutcome: Sendable, Encodable {
    public let transfer: Transfer
    public let movements: [Movement]
    public let exceptions: [TransferException]
    public let allocations: [BackorderAllocation]
}

import AxleDomain
import Testing

@Suite("Purchase-order statuses")
struct PurchaseOrderStatusTests {
    /// The legal transitions, written out independently of the declaration they check; every
    /// other pair of status and event is refused.
    static let legal: [PurchaseOrderStatus: [PurchaseOrderEvent: PurchaseOrderStatus]] = [
        .draft: [.submit: .submitted, .cancel: .cancelled],
        .submitted: [.approve: .approved, .cancel: .cancelled],
        .approved: [.send: .sent, .cancel: .cancelled],
        .sent: [.receivePart: .partiallyReceived, .receiveRest: .received, .cancel: .cancelled],
        .partiallyReceived: [.receivePart: .partiallyReceived, .receiveRest: .received, .cancel: .cancelled],
        .received: [.close: .closed],
    ]

    static let pairs: [(PurchaseOrderStatus, PurchaseOrderEvent)] = PurchaseOrderStatus.allCases.flatMap { status in
        PurchaseOrderEvent.allCases.map { (status, $0) }
    }

    @Test(arguments: Self.pairs)
    func everyStatusAnswersEveryEvent(_ status: PurchaseOrderStatus, _ event: PurchaseOrderEvent) throws {
        let allowed = PurchaseOrderEvent.allCases.filter { Self.legal[status]?[$0] != nil }
        #expect(status.allowedEvents == allowed)
        if let next = Self.legal[status]?[event] {
            #expect(try status.after(event) == next)
        } else {
            #expect(throws: PurchasingError.illegalTransition(from: status, event: event, allowed: allowed)) {
                try status.after(event)
            }
        }
    }

    @Test func onlyTheSentAndPartlyReceivedAreInboundAndOnlyADraftIsEditable() {
        #expect(PurchaseOrderStatus.allCases.filter(\.isWithSupplier) == [.sent, .partiallyReceived])
        #expect(PurchaseOrderStatus.allCases.filter(\.isEditable) == [.draft])
    }
}

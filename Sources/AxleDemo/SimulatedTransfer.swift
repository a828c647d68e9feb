import AxleDomain

extension SimulatedHistory {
    /// One part's stock sent from one site's item to another's: requested in the destination's
    /// evening review, shipped by the source the next working day, received at the destination
    /// a day or two later, sometimes short, over or damaged.
    struct Transfer {
        /// Items (the same part at two sites).
        let source: Int
        let destination: Int
        /// Thousandths of the part's unit.
        let quantity: Int64
        /// The reservation of the quantity at the source.
        let reservation: Int
        let requestedAt: Int64
        /// When the source's manager approves it, should its value need approval; nil when the
        /// approval (on the shipping day) falls after the history.
        let approvalAt: Int64?
        var shippedAt: Int64?
        var expectedArrival: CalendarDate?
        /// What left the source, lot by lot, in shipping order.
        var shipment: [Take] = []
        var receivedAt: Int64?
        /// Good units received into unrestricted stock, and units that arrived damaged.
        var good: Int64 = 0
        var damaged: Int64 = 0
        /// How each difference was resolved; a kind without one is still open.
        var resolutions: [TransferException.Kind: Resolution] = [:]

        var receipt: TransferReceipt {
            get throws { try TransferReceipt(shipped: Quantity(milli: quantity), good: Quantity(milli: good),
                            damaged: Quantity(milli: damaged)) }
        }

        /// Where the received units go, lot by lot, as `ReceiveTransfer` posts them: legs from
        /// transit draw on the shipment's lots in order; units beyond the shipment arrive in its
        /// first lot. A nil status leaves the books (short).
        var arrivals: [Arrival] {
            get throws {
                var transit = shipment
                var arrivals: [Arrival] = []
                for leg in try receipt.legs {
                    guard leg.fromTransit else {
                        arrivals.append(Arrival(fromTransit: false, lot: shipment.first?.lot, status: leg.status,
                                                quantity: leg.quantity.milli, reason: leg.reason))
                        continue
                    }
                    var remaining = leg.quantity.milli
                    for index in transit.indices where remaining > 0 && transit[index].quantity > 0 {
                        let taken = min(remaining, transit[index].quantity)
                        arrivals.append(Arrival(fromTransit: true, lot: transit[index].lot, status: leg.status,
                                                quantity: taken, reason: leg.reason))
                        transit[index] = Take(lot: transit[index].lot, quantity: transit[index].quantity - taken)
                        remaining -= taken
                    }
                    precondition(remaining == 0, "a receipt's legs from transit add up to the shipment")
                }
                return arrivals
            }
        }
    }

    /// One leg of a received transfer in one lot.
    struct Arrival {
        /// Taken from the shipment in transit; otherwise the units arrived beyond it.
        let fromTransit: Bool
        let lot: String?
        let status: StockStatus?
        let quantity: Int64
        let reason: MovementReason
    }

    /// What a manager decided about a difference, and when.
    struct Resolution {
        let at: Int64
        let resolution: TransferException.Resolution
        let note: String
        let reference: String?
    }
}

import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// Transfers between sites: request, approve, ship, receive, cancel; and the exception items
/// their receipts open, and their resolution.
struct TransferRoutes {
    let services: AxleServices
    let writer: WriteResponder

    func register(on routes: RouteTable) {
        routes.post("/api/v1/transfers", .anySite(.requestTransfers)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                RequestTransfer(try JSONBody.decode(RequestTransfer.Input.self, from: body))
            }
        }
        routes.get("/api/v1/transfers") { request, context in
            let parameters = try PageParameters(request)
            let transfers = try await services.transfers.transfers(
                site: try request.optionalQueryIdentifier("site"), state: try request.optionalQueryValue("state", TransferState.self),
                try parameters.page { $0 }, as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(transfers, limit: parameters.limit, key: \.id.description))
        }
        routes.get("/api/v1/transfers/{id}") { _, context in
            try JSONResponse.make(.ok, try await services.transfers.transfer(try Self.id(context),
                                                                             as: try context.requireCaller()))
        }
        routes.post("/api/v1/transfers/{id}/approve", .anySite(.approveTransfers)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { _ in
                ApproveTransfer(transferID: id)
            }
        }
        routes.post("/api/v1/transfers/{id}/ship", .anySite(.shipTransfers)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                ShipTransfer(transferID: id, input: body.readableBytes == 0
                    ? ShipTransfer.Input() : try JSONBody.decode(ShipTransfer.Input.self, from: body))
            }
        }
        routes.post("/api/v1/transfers/{id}/receive", .anySite(.receiveTransfers)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                ReceiveTransfer(transferID: id, input: try JSONBody.decode(ReceiveTransfer.Input.self, from: body))
            }
        }
        routes.post("/api/v1/transfers/{id}/cancel", .anySite(.requestTransfers)) { request, context in
            let id = try Self.id(context)
            return try await writer.respond(to: request, context: context, status: .ok) { _ in
                CancelTransfer(transferID: id)
            }
        }
        routes.get("/api/v1/exceptions") { request, context in
            let parameters = try PageParameters(request)
            let exceptions = try await services.transfers.exceptions(
                site: try request.optionalQueryIdentifier("site"),
                state: try request.optionalQueryValue("state", TransferException.State.self), try parameters.page { $0 },
                as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(exceptions, limit: parameters.limit, key: \.id.description))
        }
        routes.post("/api/v1/exceptions/{id}/resolve", .anySite(.resolveExceptions)) { request, context in
            let id: TransferException.ID = try context.identifier("id") { ExceptionError.exceptionNotFound($0) }
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                ResolveException(exceptionID: id, input: try JSONBody.decode(ResolveException.Input.self, from: body))
            }
        }
    }

    static func id(_ context: APIRequestContext) throws -> Transfer.ID {
        try context.identifier("id") { TransferError.transferNotFound($0) }
    }
}

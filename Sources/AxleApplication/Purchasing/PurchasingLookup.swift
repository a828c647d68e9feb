import AxleDomain
import AxleStore

/// Loading shared by the purchasing use cases.
enum PurchasingLookup {
    /// The order, locked until the transaction ends so that two requests cannot take the same
    /// step or receive the same open quantity.
    static func locked(_ id: PurchaseOrder.ID, in stores: any StoreTransaction) async throws -> PurchaseOrder {
        guard let order = try await stores.purchasing.find(id: id, forUpdate: true) else {
            throw PurchasingError.orderNotFound(id.description)
        }
        return order
    }

    static func supplier(_ id: Supplier.ID, in stores: any StoreTransaction) async throws -> Supplier {
        guard let supplier = try await stores.suppliers.find(id: id) else {
            throw CatalogError.supplierNotFound(id.description)
        }
        return supplier
    }

    /// The site's purchasing policy, or the standard one when it has set none.
    static func policy(at site: Site.ID, in stores: any StoreTransaction) async throws -> PurchasingPolicy {
        if let policy = try await stores.purchasing.policy(site: site) { return policy }
        return PurchasingPolicy.standard(try await stores.company.get().currency)
    }

    /// The step the caller takes now.
    static func step(_ scope: WriteScope) -> PurchaseOrder.Step {
        PurchaseOrder.Step(actorID: scope.caller.principal.id, at: scope.now)
    }
}

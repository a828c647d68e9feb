public import AxleDomain
import AxleStore

/// The parts a piece of work needs on one vehicle: each operation's standard kit, resolved
/// through supersession (the supply rule: old stock that may still be used, then today's
/// number) and fitment (when the current part does not fit the vehicle, an approved
/// substitute that does), summed per number the kit asks for.
public struct PartsKit: Sendable, Encodable {
    public struct Need: Sendable, Encodable {
        /// The part the kit line resolves to at the site today; it carries any backorder.
        public let part: Part
        /// The number whose demand this is: the kit's own part, or the substitute fitment chose.
        let requested: Part
        /// The parts whose stock may serve the need, in the order it is used; `part` is last.
        let supply: [Part]
        public let quantity: Quantity
        /// The kit's own part, when supersession or fitment replaced it.
        public let kitPart: PartNumber?

        private enum CodingKeys: String, CodingKey { case part, stockFrom, quantity, kitPart }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(part, forKey: .part)
            try container.encode(supply.map(\.number), forKey: .stockFrom)
            try container.encode(quantity, forKey: .quantity)
            try container.encodeIfPresent(kitPart, forKey: .kitPart)
        }
    }

    public let needs: [Need]

    static func resolve(_ operations: [LaborOperation], for vehicle: Vehicle, at site: Site, now: Instant,
                        in stores: any StoreTransaction) async throws -> PartsKit {
        var needs: [Need] = []
        for line in operations.flatMap(\.kit) {
            let kitPart = try await CatalogLookup.part(line.partID, in: stores)
            let supply = try await PartSupply.parts(for: kitPart, at: site, now: now, in: stores)
            let current = supply[supply.count - 1]
            let fitting = try await fittingPart(current, for: vehicle, in: stores)
            let requested = fitting.id == current.id ? kitPart : fitting
            let numbers = fitting.id == current.id ? supply : [fitting]
            if let index = needs.firstIndex(where: { $0.requested.id == requested.id }) {
                let merged = needs[index]
                needs[index] = Need(part: merged.part, requested: requested, supply: merged.supply,
                                    quantity: try merged.quantity + line.quantity, kitPart: merged.kitPart)
            } else {
                needs.append(Need(part: fitting, requested: requested, supply: numbers, quantity: line.quantity,
                                  kitPart: fitting.id == kitPart.id ? nil : kitPart.number))
            }
        }
        return PartsKit(needs: needs)
    }

    /// The part itself when it fits (a part without fitment records fits every vehicle), else
    /// the first approved substitute that fits.
    private static func fittingPart(_ part: Part, for vehicle: Vehicle, in stores: any StoreTransaction)
        async throws -> Part
    {
        if try await fits(part.id, vehicle, in: stores) { return part }
        for substitute in try await stores.substitutes.list(for: part.id) where substitute.rule != .customerApproval {
            if try await fits(substitute.substituteID, vehicle, in: stores) {
                return try await CatalogLookup.part(substitute.substituteID, in: stores)
            }
        }
        throw ServiceError.partDoesNotFit(part.number)
    }

    private static func fits(_ part: Part.ID, _ vehicle: Vehicle, in stores: any StoreTransaction) async throws -> Bool {
        let fitments = try await stores.fitments.list(for: part)
        return fitments.isEmpty || fitments.contains {
            $0.fits(make: vehicle.make, model: vehicle.model, year: vehicle.modelYear, engine: vehicle.engine)
        }
    }
}

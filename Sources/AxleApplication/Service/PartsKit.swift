public import AxleDomain
import AxleStore

/// The parts a piece of work needs on one vehicle: each operation's standard kit, resolved
/// through supersession (today's number) and fitment (when the kit part does not fit the
/// vehicle, an approved substitute that does), summed per part.
public struct PartsKit: Sendable, Encodable {
    public struct Need: Sendable, Encodable {
        public let part: Part
        public let quantity: Quantity
        /// The kit's own part, when supersession or fitment replaced it.
        public let kitPart: PartNumber?
    }

    public let needs: [Need]

    static func resolve(_ operations: [LaborOperation], for vehicle: Vehicle, today: CalendarDate,
                        in stores: any StoreTransaction) async throws -> PartsKit {
        let lines = operations.flatMap(\.kit)
        guard !lines.isEmpty else { return PartsKit(needs: []) }
        let graph = SupersessionGraph(try await stores.supersessions.chains(from: lines.map(\.partID)))
        var needs: [Need] = []
        for line in lines {
            let kitPart = try await CatalogLookup.part(line.partID, in: stores)
            let current = try await CatalogLookup.part(graph.current(for: kitPart.id, asOf: today), in: stores)
            let fitting = try await fittingPart(current, for: vehicle, in: stores)
            if let index = needs.firstIndex(where: { $0.part.id == fitting.id }) {
                let merged = needs[index]
                needs[index] = Need(part: merged.part, quantity: try merged.quantity + line.quantity, kitPart: merged.kitPart)
            } else {
                needs.append(Need(part: fitting, quantity: line.quantity,
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

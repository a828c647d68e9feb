import AxleApplication
import AxleDomain
import AxleStore
import Hummingbird

/// The parts catalogue: parts, supersession chains, substitutes and fitment.
struct PartRoutes {
    let services: AxleServices
    let writer: WriteResponder

    static let maximumSearchWords = 8

    func register(on routes: RouteTable) {
        routes.post("/api/v1/parts", .company(.editCatalog)) { request, context in
            try await writer.respond(to: request, context: context) { body in
                CreatePart(try JSONBody.decode(CreatePart.Input.self, from: body))
            }
        }
        routes.get("/api/v1/parts") { request, context in
            let parameters = try PageParameters(request)
            let matches = try await services.catalog.parts(try Self.query(request),
                                                           try parameters.page(PartSearchKey.init(cursorKey:)),
                                                           as: try context.requireCaller())
            return try JSONResponse.make(.ok, Page(matches, limit: parameters.limit, key: \.key.cursorKey, item: \.part))
        }
        routes.get("/api/v1/parts/lookup") { request, context in
            guard let number = PartNumber(try request.requireQuery("number")) else {
                throw RequestError.invalidParameter(name: "number", reason: "is not a part number")
            }
            return try JSONResponse.make(.ok, try await services.catalog.lookup(number: number,
                                                                                as: try context.requireCaller()))
        }
        routes.get("/api/v1/parts/fitting") { request, context in
            let vin = try VehicleRoutes.vin(request)
            let parameters = try PageParameters(request)
            let fitting = try await services.vehicles.partsFitting(vin, try parameters.page(PartNumber.init),
                                                                   as: try context.requireCaller())
            return try JSONResponse.make(.ok, FittingPage(fitting, limit: parameters.limit))
        }
        routes.get("/api/v1/parts/{id}") { _, context in
            let details = try await services.catalog.partDetails(try Self.partID(context),
                                                                 as: try context.requireCaller())
            return try JSONResponse.make(.ok, details, headers: ETag.headers(for: details.part))
        }
        routes.patch("/api/v1/parts/{id}", .company(.editCatalog)) { request, context in
            let id = try Self.partID(context)
            let version = try ETag.expectedVersion(request)
            return try await writer.respond(to: request, context: context, status: .ok) { body in
                UpdatePart(partID: id, expectedVersion: version,
                           input: try JSONBody.decode(UpdatePart.Input.self, from: body))
            }
        }
        routes.post("/api/v1/parts/{id}/supersessions", .company(.editCatalog)) { request, context in
            let id = try Self.partID(context)
            return try await writer.respond(to: request, context: context) { body in
                RecordSupersession(partID: id, input: try JSONBody.decode(RecordSupersession.Input.self, from: body))
            }
        }
        routes.post("/api/v1/parts/{id}/substitutes", .company(.editCatalog)) { request, context in
            let id = try Self.partID(context)
            return try await writer.respond(to: request, context: context) { body in
                ApproveSubstitute(partID: id, input: try JSONBody.decode(ApproveSubstitute.Input.self, from: body))
            }
        }
        routes.post("/api/v1/parts/{id}/fitments", .company(.editCatalog)) { request, context in
            let id = try Self.partID(context)
            return try await writer.respond(to: request, context: context) { body in
                RecordFitment(partID: id, input: try JSONBody.decode(RecordFitment.Input.self, from: body))
            }
        }
    }

    static func partID(_ context: APIRequestContext) throws -> Part.ID {
        try context.identifier("id") { CatalogError.partNotFound($0) }
    }

    /// `number` is a prefix of the part number; `q` holds words that must all match (`PartQuery`).
    static func query(_ request: Request) throws -> PartQuery {
        var query = PartQuery()
        if let number = request.query("number"), !number.isEmpty {
            guard let prefix = PartNumber(number) else {
                throw RequestError.invalidParameter(name: "number", reason: "is not the start of a part number")
            }
            query.numberPrefix = prefix.rawValue
        }
        if let words = request.query("q") {
            query.words = words.split(whereSeparator: \.isWhitespace).map(String.init)
            guard query.words.count <= maximumSearchWords, query.words.allSatisfy({ $0.count <= 40 }) else {
                throw RequestError.invalidParameter(
                    name: "q", reason: "at most \(maximumSearchWords) words of up to 40 characters")
            }
        }
        query.category = try request.optionalQueryValue("category", PartCategory.self)
        return query
    }
}

extension PartSearchKey {
    /// The cursor's text: the tier, a space, the part number (`1 BP-1234`).
    var cursorKey: String { "\(tier) \(number.rawValue)" }

    init?(cursorKey: String) {
        let fields = cursorKey.split(separator: " ", maxSplits: 1)
        guard fields.count == 2, let tier = Int(fields[0]), PartSearchKey.tiers.contains(tier),
              let number = PartNumber(String(fields[1])) else { return nil }
        self.init(tier: tier, number: number)
    }
}

/// Parts that fit a VIN, with what was matched on.
struct FittingPage: Encodable {
    let vehicle: Vehicle?
    let decoded: DecodedVIN
    let matchedOn: MatchedOn
    let items: [Part]
    let nextCursor: String?

    struct MatchedOn: Encodable {
        let make: String
        let model: String?
        let year: Int
        let engine: String?
    }

    init(_ fitting: FittingParts, limit: Int) {
        let page = Page(fitting.parts, limit: limit, key: \.number.rawValue)
        self.vehicle = fitting.vehicle
        self.decoded = fitting.decoded
        self.matchedOn = MatchedOn(make: fitting.matchedOn.make, model: fitting.matchedOn.model,
                                   year: fitting.matchedOn.year, engine: fitting.matchedOn.engine)
        self.items = page.items
        self.nextCursor = page.nextCursor
    }
}

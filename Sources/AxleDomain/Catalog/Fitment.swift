/// The vehicles a part fits: a make and model over a range of model years, optionally one engine.
public struct Fitment: Hashable, Sendable, Codable {
    public typealias ID = Identifier<Fitment>

    public static let modelYears = 1980...2040

    public let id: ID
    public let partID: Part.ID
    public let make: String
    public let model: String
    public let years: ClosedRange<Int>
    /// nil: every engine of that model.
    public let engine: String?

    public init(id: ID, partID: Part.ID, make: String, model: String, years: ClosedRange<Int>, engine: String?) {
        self.id = id
        self.partID = partID
        self.make = make
        self.model = model
        self.years = years
        self.engine = engine
    }

    /// Whether a vehicle is covered. Names compare case-insensitively; an unknown model or
    /// engine on the vehicle's side matches any (a VIN alone rarely tells the model).
    public func fits(make: String, model: String?, year: Int, engine: String?) -> Bool {
        guard self.make.caseInsensitiveEquals(make), years.contains(year) else { return false }
        if let model, !self.model.caseInsensitiveEquals(model) { return false }
        if let required = self.engine, let engine, !required.caseInsensitiveEquals(engine) { return false }
        return true
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}

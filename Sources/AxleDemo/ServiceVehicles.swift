import AxleDomain

/// Which car comes into a workshop: one its order's parts fit, one of the workshop's regulars,
/// a fleet vehicle now and then; and never one that was in lately, which would look like a
/// comeback when it is not.
struct ServiceVehicles: Sendable {
    /// How long after a visit a vehicle stays away, unless it comes back for the same work.
    static let rest: Int64 = 35 * 86_400 * 1_000_000

    private let owned: [ServiceCustomerFactory.Owned]
    private let workshop: Int
    private let fitments: [Part.ID: [Fitment]]
    /// The workshop's own vehicles, and the fleet vehicles among them.
    private let pool: [Int]
    private let fleetPool: [Int]
    /// Vehicles by make and model, compared as fitments compare them.
    private let models: [ModelKey: [Int]]
    private var fitting: [Part.ID: [Int]] = [:]
    /// When each vehicle may come in again.
    private var rested: [Int: Int64] = [:]

    init(owned: [ServiceCustomerFactory.Owned], workshop: Int, fitments: [Part.ID: [Fitment]]) {
        self.owned = owned
        self.workshop = workshop
        self.fitments = fitments
        pool = owned.indices.filter { owned[$0].home == workshop }
        fleetPool = pool.filter { owned[$0].fleet }
        models = Dictionary(grouping: owned.indices) { ModelKey(make: owned[$0].vehicle.make, model: owned[$0].vehicle.model) }
    }

    /// Keeps `vehicle` away until `moment`, or longer if it is kept away longer already.
    mutating func rest(_ vehicle: Int, until moment: Int64, replacing: Bool = false) {
        rested[vehicle] = replacing ? moment : max(rested[vehicle] ?? .min, moment)
    }

    /// A vehicle the order's first vehicle-specific part fits, preferably one that usually comes
    /// here and has not been in lately; otherwise one of the workshop's regulars.
    mutating func pick(for job: ServiceJob, using random: inout DemoRandom) -> Int {
        if let part = job.lines.map(\.reservation.partID).first(where: { fitments[$0] != nil }) {
            let candidates = vehicles(fitting: part)
            if !candidates.isEmpty {
                for _ in 0..<10 {
                    let vehicle = random.pick(candidates)
                    if (rested[vehicle] ?? .min) < job.openedAt && (owned[vehicle].home == workshop || random.chance(0.3)) {
                        return vehicle
                    }
                }
            }
        }
        return pick(notBefore: job.openedAt, using: &random)
    }

    /// Mostly a regular, a fleet vehicle one time in five, anyone's one time in ten.
    mutating func pick(notBefore moment: Int64, using random: inout DemoRandom) -> Int {
        var vehicle = 0
        for _ in 0..<20 {
            if random.chance(0.1) {
                vehicle = random.int(in: 0...(owned.count - 1))
            } else if !fleetPool.isEmpty, random.chance(0.2) {
                vehicle = random.pick(fleetPool)
            } else if !pool.isEmpty {
                vehicle = random.pick(pool)
            } else {
                vehicle = random.int(in: 0...(owned.count - 1))
            }
            if (rested[vehicle] ?? .min) < moment { return vehicle }
        }
        return vehicle
    }

    private mutating func vehicles(fitting part: Part.ID) -> [Int] {
        if let known = fitting[part] { return known }
        var found: [Int] = []
        for fitment in fitments[part] ?? [] {
            for index in models[ModelKey(make: fitment.make, model: fitment.model)] ?? [] where !found.contains(index) {
                let vehicle = owned[index].vehicle
                if fitment.fits(make: vehicle.make, model: vehicle.model, year: vehicle.modelYear, engine: vehicle.engine) {
                    found.append(index)
                }
            }
        }
        found.sort()
        fitting[part] = found
        return found
    }
}

/// A make and model, without regard to case.
private struct ModelKey: Hashable {
    let make: String
    let model: String

    init(make: String, model: String) {
        self.make = make.lowercased()
        self.model = model.lowercased()
    }
}

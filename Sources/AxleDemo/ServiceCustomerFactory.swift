import AxleDomain

/// The group's service customers: private owners of one to three cars, and a few fleets whose
/// vehicles carry unit numbers. Every demo vehicle has an owner, a workshop it usually comes to
/// and an odometer that grows with its owner's driving.
struct ServiceCustomerFactory {
    /// One vehicle as service sees it.
    struct Owned {
        let vehicle: Vehicle
        let customer: Int
        /// Index into the workshops (`ServiceWorkshopTemplates.workshops`).
        let home: Int
        let fleet: Bool
        /// Kilometres on the clock at `since`, and driven per year.
        let kilometres: Int64
        let perYear: Int64
        let since: Int64

        func odometer(at microseconds: Int64) -> Int64 {
            kilometres + perYear * max(0, microseconds - since) / (365 * 86_400_000_000)
        }
    }

    private struct Fleet {
        let name: String
        let models: Set<String>
        let size: Int
        let unitPrefix: String
        /// The workshop code the fleet is serviced at.
        let home: String
    }

    private static let fleets: [Fleet] = [
        Fleet(name: "Lakeshore Plumbing & Heating", models: ["F-150", "Silverado 1500", "1500", "Tacoma"], size: 40,
              unitPrefix: "P", home: "DLR-NORTH"),
        Fleet(name: "Windy City Couriers", models: ["Corolla", "Civic", "Escape", "Rogue", "Jetta"], size: 55,
              unitPrefix: "C", home: "WS-OAKPARK"),
        Fleet(name: "Prairie Landscaping Co.", models: ["F-150", "Silverado 1500", "1500"], size: 30,
              unitPrefix: "L", home: "WS-OAKPARK"),
        Fleet(name: "North Shore Home Care", models: ["Corolla", "RAV4", "CR-V", "Escape"], size: 45,
              unitPrefix: "H", home: "DLR-WEST"),
        Fleet(name: "Fox Valley Electric", models: ["F-150", "Explorer", "Tacoma"], size: 35, unitPrefix: "E",
              home: "DLR-NORTH"),
        Fleet(name: "Harbor Point Rentals", models: ["Camry", "Corolla", "Altima", "Malibu", "Elantra", "RAV4"],
              size: 70, unitPrefix: "R", home: "DLR-WEST"),
        Fleet(name: "Midwest Medical Transport", models: ["Explorer", "RAV4", "Equinox"], size: 25, unitPrefix: "M",
              home: "WS-OAKPARK"),
    ]

    private static let firstNames = [
        "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "William", "Elizabeth",
        "Jose", "Barbara", "Richard", "Susan", "Thomas", "Jessica", "Daniel", "Sarah", "Matthew", "Karen",
        "Anthony", "Nancy", "Mark", "Lisa", "Kenji", "Betty", "Andrew", "Sandra", "Joshua", "Ashley",
        "Kwame", "Emily", "Brian", "Olga", "Kevin", "Fatima", "Jason", "Rebecca", "Tyrone", "Laura",
        "Juan", "Megan", "Eric", "Amy", "Raj", "Anna", "Stanley", "Keisha", "Dmitri", "Rachel",
    ]

    private static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Kowalczyk", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "Nguyen", "Wright", "Scott", "Patel", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Murphy", "Rivera", "Campbell", "Mitchell", "Carter", "Okonkwo", "Novak",
    ]

    private static let areaCodes = ["312", "773", "847", "630", "708"]

    let customers: [Customer]
    let links: [CustomerVehicle]
    let owned: [Owned]

    /// `vehicles` in a stable order; `since` is when the odometers are known (the history's start).
    init(vehicles: [Vehicle], workshops: [String], since: Int64, startYear: Int, ids: inout DemoIdentifiers,
         random: inout DemoRandom) {
        var customers: [Customer] = []
        var links: [CustomerVehicle] = []
        var owners = [Int?](repeating: nil, count: vehicles.count)
        var homes = [Int](repeating: 0, count: vehicles.count)
        var units: [Int: String] = [:]
        for (number, fleet) in Self.fleets.enumerated() {
            let index = customers.count
            customers.append(Customer(id: ids.next(), kind: .fleet, name: fleet.name,
                                      email: "service@" + Self.domain(fleet.name) + ".example.com",
                                      phone: Self.phone(using: &random), accountNumber: "FL-\(1001 + number)"))
            let home = workshops.firstIndex(of: fleet.home) ?? 0
            var taken = 0
            for vehicle in vehicles.indices where taken < fleet.size && owners[vehicle] == nil
                && fleet.models.contains(vehicles[vehicle].model) && random.chance(0.35) {
                owners[vehicle] = index
                homes[vehicle] = home
                taken += 1
                units[vehicle] = "\(fleet.unitPrefix)-\(100 + taken)"
            }
        }
        for vehicle in vehicles.indices where owners[vehicle] == nil {
            // A private owner often has a second car: the previous vehicle's owner keeps this one too.
            if vehicle > 0, let previous = owners[vehicle - 1], customers[previous].kind == .person, random.chance(0.18) {
                owners[vehicle] = previous
            } else {
                owners[vehicle] = customers.count
                customers.append(Self.person(id: ids.next(), using: &random))
            }
            homes[vehicle] = Self.home(of: vehicles[vehicle], workshops: workshops, using: &random)
        }
        var owned: [Owned] = []
        for (index, vehicle) in vehicles.enumerated() {
            let owner = owners[index]!
            let fleet = customers[owner].kind == .fleet
            let perYear = Int64(fleet ? random.int(in: 30_000...60_000) : random.int(in: 9_000...22_000))
            let age = Int64(max(0, startYear - vehicle.modelYear))
            let kilometres = age * perYear + Int64(random.int(in: 300...Int(perYear)))
            owned.append(Owned(vehicle: vehicle, customer: owner, home: homes[index], fleet: fleet,
                               kilometres: kilometres, perYear: perYear, since: since))
            links.append(CustomerVehicle(customerID: customers[owner].id, vehicleID: vehicle.id, unitNumber: units[index]))
        }
        self.customers = customers
        self.links = links
        self.owned = owned
    }

    /// Franchise makes mostly go to their dealership, everything else mostly to the independent workshop.
    private static func home(of vehicle: Vehicle, workshops: [String], using random: inout DemoRandom) -> Int {
        let weights: [(String, Int)] = switch vehicle.make {
        case "Ford": [("DLR-NORTH", 70), ("WS-OAKPARK", 20), ("DLR-WEST", 10)]
        case "Toyota": [("DLR-WEST", 70), ("WS-OAKPARK", 20), ("DLR-NORTH", 10)]
        default: [("WS-OAKPARK", 60), ("DLR-NORTH", 20), ("DLR-WEST", 20)]
        }
        let code = Weighted(weights).draw(using: &random)
        return workshops.firstIndex(of: code) ?? 0
    }

    private static func person(id: Customer.ID, using random: inout DemoRandom) -> Customer {
        let first = random.pick(firstNames), last = random.pick(lastNames)
        let email = random.chance(0.8)
            ? "\(first.lowercased()).\(domain(last))\(random.int(in: 1...99))@example.com" : nil
        return Customer(id: id, kind: .person, name: "\(first) \(last)", email: email,
                        phone: random.chance(0.92) ? phone(using: &random) : nil)
    }

    /// A number from the 555-01xx block, which is never assigned to anyone.
    private static func phone(using random: inout DemoRandom) -> String {
        "(\(random.pick(areaCodes))) 555-01\(random.int(in: 10...99))"
    }

    private static func domain(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter })
    }
}

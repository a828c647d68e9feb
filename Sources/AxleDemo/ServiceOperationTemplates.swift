import AxleDomain

/// A labor operation of the demo's workshops: the work, its standard hours, skill and bay,
/// the catalogue part kinds it fits, and its standard kit.
struct ServiceOperationTemplate: Sendable {
    let code: String
    let description: String
    /// Standard hours, in thousandths.
    let hoursMilli: Int64
    let skill: Skill
    let bayType: BayType
    /// Part kinds (the start of a catalogue description, "Front brake pad set") fitted by this work.
    let fits: [String]
    /// The standard kit: part kinds every vehicle takes (fluids, cleaners, batteries, tyres by
    /// size), in thousandths of the part's unit. Vehicle-specific parts (pads, filters) are
    /// added on the estimate, for the vehicle in the bay.
    let kit: [(kind: String, quantityMilli: Int64)]
    /// What customers say when they bring the car in for it.
    let concerns: [String]
    /// Whether the work is booked on its own, without parts found at diagnosis (inspections,
    /// alignments, diagnostics, seasonal changeovers).
    let laborOnly: Bool

    init(_ code: String, _ description: String, hours: Int64, _ skill: Skill, bay: BayType = .generalLift,
         fits: [String] = [], kit: [(String, Int64)] = [], laborOnly: Bool = false, concerns: [String]) {
        self.code = code
        self.description = description
        hoursMilli = hours
        self.skill = skill
        bayType = bay
        self.fits = fits
        self.kit = kit.map { (kind: $0.0, quantityMilli: $0.1) }
        self.concerns = concerns
        self.laborOnly = laborOnly
    }
}

/// The thirty-odd labor operations of the demo group, by the part kinds of its catalogue.
enum ServiceOperationTemplates {
    static let all: [ServiceOperationTemplate] = maintenance + brakesAndElectrical + chassisAndTyres + engineAndBody
        + inspections

    private static let maintenance: [ServiceOperationTemplate] = [
        .init("LOF-SYN", "Oil and filter change, full synthetic", hours: 600, .general,
              fits: ["Oil filter", "Engine oil"], kit: [("Engine oil", 5_000)],
              concerns: ["Oil change due", "Oil life monitor at 5 %", "Maintenance reminder on the dash"]),
        .init("FLT-SVC", "Engine, cabin or fuel filter replacement", hours: 500, .general,
              fits: ["Engine air filter", "Cabin air filter", "Fuel filter"],
              concerns: ["Musty smell from the vents", "Filters due at this mileage"]),
        .init("ATF-SVC", "Transmission and differential fluid service", hours: 1_300, .general,
              fits: ["Automatic transmission filter kit", "Automatic transmission fluid", "Gear oil"],
              kit: [("Automatic transmission fluid", 6_000)],
              concerns: ["Harsh shifts when cold", "Transmission service due at 60,000 miles"]),
        .init("COOL-FLUSH", "Coolant exchange", hours: 1_000, .general, fits: ["Engine coolant"],
              kit: [("Engine coolant", 6_000)], concerns: ["Coolant looks rusty", "Coolant service due"]),
        .init("AC-SVC", "A/C performance check and recharge", hours: 1_000, .airConditioning, fits: ["A/C refrigerant"],
              kit: [("A/C refrigerant", 600)], concerns: ["A/C blows warm air", "A/C weak on hot days"]),
    ]

    private static let brakesAndElectrical: [ServiceOperationTemplate] = [
        .init("BRK-PAD-F", "Front brake pads replacement", hours: 1_200, .brakes, fits: ["Front brake pad set"],
              kit: [("Brake cleaner", 1_000)],
              concerns: ["Squealing from the front brakes", "Brake wear warning light on"]),
        .init("BRK-PAD-R", "Rear brake pads or shoes replacement", hours: 1_300, .brakes,
              fits: ["Rear brake pad set", "Rear brake shoe set"], kit: [("Brake cleaner", 1_000)],
              concerns: ["Grinding noise from the rear", "Parking brake feels weak"]),
        .init("BRK-DISC", "Brake discs and pads replacement, one axle", hours: 2_000, .brakes,
              fits: ["Front brake disc", "Rear brake disc"], kit: [("Brake cleaner", 1_000)],
              concerns: ["Steering wheel shakes when braking", "Pulsating brake pedal"]),
        .init("BRK-HYD", "Brake caliper, hose or fluid replacement, with bleed", hours: 1_600, .brakes,
              fits: ["Brake caliper", "Brake hose", "Brake fluid"], kit: [("Brake fluid", 1_000)],
              concerns: ["Soft brake pedal", "Car pulls to one side when braking", "Brake fluid due"]),
        .init("BAT-RPL", "Battery test and replacement", hours: 400, .electrical,
              fits: ["Starter battery", "Battery cable"], kit: [("Starter battery", 1_000)],
              concerns: ["Slow to start on cold mornings", "Battery warning light on"]),
        .init("ELE-CHG", "Alternator or starter replacement", hours: 1_800, .electrical,
              fits: ["Alternator", "Starter motor"], concerns: ["Clicks but does not start", "Charging light on"]),
        .init("ELE-DIAG", "Electrical fault diagnosis and repair", hours: 1_500, .electrical,
              fits: ["ABS wheel speed sensor", "Blade fuse"], laborOnly: true,
              concerns: ["ABS and traction lights on", "Power window stopped working", "Battery drains overnight"]),
        .init("DIAG-CEL", "Check-engine light diagnosis", hours: 1_000, .diagnostics,
              fits: ["Oxygen sensor", "Engine control unit"], laborOnly: true,
              concerns: ["Check-engine light on", "Engine runs rough at idle", "Failed emissions test"]),
        .init("ENG-IGN", "Spark plugs and ignition coils replacement", hours: 1_200, .engine,
              fits: ["Spark plug", "Ignition coil"], concerns: ["Misfire under load", "Spark plugs due"]),
        .init("LGT-RPL", "Lamp bulb or assembly replacement", hours: 500, .electrical,
              fits: ["Halogen bulb", "Headlamp assembly", "Tail lamp assembly", "Fog lamp"],
              kit: [("Halogen bulb", 1_000)], concerns: ["Headlight out", "Brake light out", "Foggy headlamp"]),
    ]

    private static let chassisAndTyres: [ServiceOperationTemplate] = [
        .init("SUS-DAMP", "Shock absorbers or struts replacement, one axle", hours: 2_000, .general,
              fits: ["Shock absorber", "Strut assembly", "Coil spring", "Strut mount"],
              concerns: ["Bouncy ride over bumps", "Knocking over potholes"]),
        .init("SUS-ARM", "Control arm, ball joint, link or wheel bearing replacement", hours: 1_600, .general,
              fits: ["Control arm", "Ball joint", "Stabilizer link", "Wheel bearing and hub assembly"],
              concerns: ["Clunk when turning", "Humming noise at highway speed"]),
        .init("ALN-4W", "Four-wheel alignment", hours: 1_000, .alignment, bay: .alignment, laborOnly: true,
              concerns: ["Car pulls to the right", "Uneven tyre wear", "Steering wheel off centre"]),
        .init("STR-TIE", "Tie rod, steering rack or pump replacement, with alignment", hours: 2_200, .alignment,
              bay: .alignment, fits: ["Tie rod end", "Steering rack", "Power steering pump"],
              concerns: ["Loose steering", "Whine when turning the wheel"]),
        .init("TYR-ROT", "Tyre rotation and balance", hours: 600, .tyres, laborOnly: true,
              concerns: ["Tyre rotation due", "Vibration at 60 mph"]),
        .init("TYR-NEW", "Tyres supplied, mounted and balanced", hours: 1_200, .tyres,
              fits: ["All-season tyre", "Winter tyre"], kit: [("All-season tyre", 4_000)],
              concerns: ["Tyres worn to the wear bars", "Puncture in the sidewall"]),
        .init("TYR-SEAS", "Seasonal tyre changeover, customer's wheels", hours: 800, .tyres, laborOnly: true,
              concerns: ["Swap to winter tyres", "Swap back to summer tyres"]),
    ]

    private static let engineAndBody: [ServiceOperationTemplate] = [
        .init("COOL-RPR", "Radiator, hose, fan, pump or thermostat replacement", hours: 2_200, .engine,
              fits: ["Radiator", "Water pump", "Thermostat", "Radiator hose", "Coolant expansion tank",
                     "Radiator fan assembly"], kit: [("Engine coolant", 4_000)],
              concerns: ["Engine running hot", "Coolant leak under the car"]),
        .init("AC-COMP", "A/C compressor replacement", hours: 3_000, .airConditioning,
              fits: ["A/C compressor"], kit: [("A/C refrigerant", 800)], concerns: ["A/C compressor noisy"]),
        .init("ENG-TIMING", "Timing belt or chain kit replacement", hours: 4_500, .engine,
              fits: ["Timing belt kit", "Timing chain kit"], kit: [("Engine coolant", 2_000)],
              concerns: ["Timing belt due at 100,000 miles", "Rattle on cold start"]),
        .init("ENG-MECH", "Engine belt, gasket, mount or turbocharger repair", hours: 3_000, .engine,
              fits: ["Serpentine belt", "Belt tensioner", "Valve cover gasket set", "Cylinder head gasket",
                     "Engine mount", "Turbocharger"], concerns: ["Oil leak on the driveway", "Squeal from the engine bay"]),
        .init("EXH-RPR", "Exhaust or catalytic converter repair", hours: 1_500, .general,
              fits: ["Catalytic converter", "Muffler", "Exhaust gasket", "Exhaust clamp"],
              concerns: ["Loud exhaust", "Rattle under the car"]),
        .init("DRV-AXLE", "CV axle, universal joint or clutch replacement", hours: 2_500, .general,
              fits: ["CV axle shaft", "Clutch kit", "Driveshaft universal joint"],
              concerns: ["Clicking when turning", "Clutch slipping"]),
        .init("BODY-FIT", "Body part or accessory fitting", hours: 1_500, .general,
              fits: ["Door mirror assembly", "Mirror glass", "Front bumper cover", "Front fender", "Hood",
                     "Radiator grille", "Exterior door handle", "Windshield", "Gas spring", "Driver airbag module",
                     "Seat belt pretensioner", "All-weather floor mats", "Cargo liner", "Roof rack crossbars",
                     "Trailer hitch receiver"],
              concerns: ["Mirror broken in a car wash", "Fit the accessories bought at the counter"]),
    ]

    private static let inspections: [ServiceOperationTemplate] = [
        .init("MPI", "Multi-point inspection", hours: 500, .general,
              fits: ["Windshield washer fluid", "Wiper blade set", "Rear wiper blade"], laborOnly: true,
              concerns: ["Check the car over before a road trip", "Wipers streaking"]),
        .init("EV-HV-INSP", "Hybrid or EV high-voltage system inspection", hours: 1_500, .evHighVoltage,
              bay: .evBay, laborOnly: true, concerns: ["Hybrid system warning", "High-voltage inspection due"]),
        .init("EV-HV-COOL", "High-voltage battery coolant service", hours: 2_000, .evHighVoltage, bay: .evBay,
              kit: [("Engine coolant", 6_000)], concerns: ["Battery coolant service due"]),
        .init("HD-INSP", "Fleet truck safety inspection", hours: 1_500, .general, bay: .heavyDuty, laborOnly: true,
              concerns: ["Annual fleet inspection", "DOT inspection due"]),
        .init("RCL-CAMP", "Recall campaign: inspection and software update", hours: 800, .diagnostics,
              laborOnly: true, concerns: ["Recall letter received", "Software update campaign"]),
    ]

    /// Parts that go with other work and need no labor of their own: cleaners, grease, top-ups,
    /// and what a customer buys at the counter while the car is in.
    static let consumables: Set<String> = [
        "Brake cleaner", "Multi-purpose grease", "Diesel exhaust fluid", "Windshield washer fluid",
        "Roadside emergency kit", "Portable jump starter",
    ]

    /// The operation fitting each part kind; the kinds nobody fits (consumables) are absent.
    static let byKind: [String: String] = {
        var table: [String: String] = [:]
        for operation in all {
            for kind in operation.fits where !consumables.contains(kind) { table[kind] = operation.code }
        }
        return table
    }()

    /// The kind of a catalogue part: its description up to the first comma ("Alternator" of
    /// "Alternator, remanufactured"; "Front brake pad set" of "Front brake pad set, ceramic").
    static func kind(of description: String) -> String {
        String(description.split(separator: ",", maxSplits: 1).first ?? Substring(description))
    }
}

import AxleDomain

/// The demo group's three service workshops: the two dealerships and the Oak Park workshop,
/// each with its rates, technicians and bays.
enum ServiceWorkshopTemplates {
    struct Workshop {
        let siteCode: String
        /// Per hour, in cents.
        let laborRateMinor: Int64
        /// Local sales tax, in basis points.
        let taxBasisPoints: Int64
        /// Share of the technicians' available time each day's work is planned to fill; work
        /// spilling over from busy days and Saturdays lands the clocked share some points higher.
        let utilization: Double
        let technicians: [(name: String, profile: Profile, shift: Shift)]
        let bays: [(code: String, type: BayType)]
    }

    /// What a technician is certified for.
    enum Profile {
        case master, evSpecialist, diagnostician, engine, chassis, brakes, climate, express

        var skills: Set<Skill> {
            switch self {
            case .master: [.general, .brakes, .electrical, .diagnostics, .engine, .airConditioning]
            case .evSpecialist: [.general, .electrical, .evHighVoltage, .diagnostics, .brakes]
            case .diagnostician: [.general, .diagnostics, .electrical, .engine]
            case .engine: [.general, .engine, .brakes, .airConditioning]
            case .chassis: [.general, .alignment, .tyres, .brakes]
            case .brakes: [.general, .brakes, .tyres]
            case .climate: [.general, .airConditioning, .engine, .electrical]
            case .express: [.general, .tyres]
            }
        }
    }

    /// A weekly working pattern, with a half-hour lunch break.
    enum Shift {
        /// Monday to Friday, 07:30–16:00.
        case early
        /// Monday to Friday, 09:00–17:30.
        case late
        /// Tuesday to Saturday: 07:30–16:00, Saturday 08:00–13:00.
        case weekend
        /// Monday to Thursday, 07:00–17:30.
        case fourTens

        var windows: [WorkingWindow] {
            let weekdays = WorkingWindow.weekdays
            switch self {
            case .early: return Self.day(weekdays, "07:30", "12:00", "12:30", "16:00")
            case .late: return Self.day(weekdays, "09:00", "13:00", "13:30", "17:30")
            case .weekend:
                return Self.day([.tuesday, .wednesday, .thursday, .friday], "07:30", "12:00", "12:30", "16:00")
                    + [WorkingWindow(weekday: .saturday, start: TimeOfDay("08:00")!, end: TimeOfDay("13:00")!)]
            case .fourTens: return Self.day([.monday, .tuesday, .wednesday, .thursday], "07:00", "12:00", "12:30", "17:30")
            }
        }

        private static func day(_ weekdays: [Weekday], _ a: String, _ b: String, _ c: String, _ d: String)
            -> [WorkingWindow]
        {
            // The table's times are valid; a bad one is a programming error.
            WorkingWindow.every(weekdays, from: TimeOfDay(a)!, to: TimeOfDay(b)!)
                + WorkingWindow.every(weekdays, from: TimeOfDay(c)!, to: TimeOfDay(d)!)
        }
    }

    static let workshops: [Workshop] = [
        Workshop(siteCode: "DLR-NORTH", laborRateMinor: 16_500, taxBasisPoints: 1_025, utilization: 0.64,
                 technicians: [
                     ("Marcus Bell", .master, .early), ("Ana Kowalski", .evSpecialist, .early),
                     ("Dwayne Foster", .diagnostician, .late), ("Priya Raman", .engine, .early),
                     ("Tomasz Nowak", .chassis, .early), ("Luis Ortega", .brakes, .weekend),
                     ("Kevin O'Brien", .climate, .late), ("Erin Walsh", .chassis, .fourTens),
                 ],
                 bays: [("L1", .generalLift), ("L2", .generalLift), ("L3", .generalLift), ("L4", .generalLift),
                        ("L5", .generalLift), ("ALIGN", .alignment), ("EV1", .evBay), ("HD1", .heavyDuty)]),
        Workshop(siteCode: "DLR-WEST", laborRateMinor: 15_500, taxBasisPoints: 775, utilization: 0.63,
                 technicians: [
                     ("Hiro Tanaka", .master, .early), ("Grace Lindqvist", .evSpecialist, .early),
                     ("Carlos Mendez", .evSpecialist, .late), ("Nadia Haddad", .diagnostician, .early),
                     ("Brian Schultz", .engine, .fourTens), ("Mei Chen", .chassis, .early),
                     ("Ray Donovan", .chassis, .weekend), ("Oscar Villanueva", .climate, .late),
                 ],
                 bays: [("L1", .generalLift), ("L2", .generalLift), ("L3", .generalLift), ("L4", .generalLift),
                        ("ALIGN", .alignment), ("EV1", .evBay), ("HD1", .heavyDuty)]),
        Workshop(siteCode: "WS-OAKPARK", laborRateMinor: 13_800, taxBasisPoints: 1_025, utilization: 0.64,
                 technicians: [
                     ("Frank Russo", .master, .early), ("Denise Howard", .diagnostician, .early),
                     ("Viktor Petrov", .engine, .late), ("Rosa Alvarez", .chassis, .early),
                     ("Eddie Kim", .brakes, .weekend), ("Lamar Jenkins", .climate, .early),
                     ("Jo Novak", .evSpecialist, .late), ("Chris Lee", .express, .weekend),
                 ],
                 bays: [("L1", .generalLift), ("L2", .generalLift), ("L3", .generalLift), ("ALIGN", .alignment),
                        ("EV1", .evBay), ("HD1", .heavyDuty)]),
    ]

    /// Bays are open 07:00–18:00 on weekdays and 08:00–13:00 on Saturdays.
    static let bayHours: [WorkingWindow] =
        WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("07:00")!, to: TimeOfDay("18:00")!)
            + [WorkingWindow(weekday: .saturday, start: TimeOfDay("08:00")!, end: TimeOfDay("13:00")!)]

    /// Estimates may grow by 10 % before the customer is asked again.
    static let approvalThresholdBasisPoints: Int64 = 1_000
}
